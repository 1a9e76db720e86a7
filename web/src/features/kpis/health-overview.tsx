import { Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { healthGrades } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { gradeColors } from './health-card';
import { healthOverviewQuery } from './kpis-api';

const shownAccounts = 50;

/** The portfolio's health: how many accounts in each grade, and the weakest ones. */
export function HealthOverview() {
  const { t } = useTranslation();
  const overview = useQuery(healthOverviewQuery).data;
  if (!overview) return null;
  const weakest = overview.items.filter((item) => item.score !== null).slice(0, shownAccounts);
  return (
    <Paper withBorder p="md" data-testid="health-overview">
      <Stack gap="sm">
        <Title order={3}>{t('kpis.health.overview')}</Title>
        <Group gap="xs">
          {healthGrades.map((grade) => (
            <Badge key={grade} color={gradeColors[grade]} size="lg" variant="light">
              {t(`kpis.health.grade.${grade}`)}: {overview.counts[grade]}
            </Badge>
          ))}
          <Badge color="gray" size="lg" variant="light">
            {t('kpis.health.unscoredCount', { count: overview.counts.unscored })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('kpis.health.weakest')}
        </Text>
        <ScrollArea.Autosize mah={360}>
          <Table>
            <Table.Tbody>
              {weakest.map((item) => (
                <Table.Tr key={item.accountId}>
                  <Table.Td>
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: item.accountId }}>
                      {item.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td w={80}>{item.score === null ? '—' : Math.round(item.score)}</Table.Td>
                  <Table.Td w={140}>
                    {item.grade && (
                      <Badge color={gradeColors[item.grade]}>{t(`kpis.health.grade.${item.grade}`)}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
