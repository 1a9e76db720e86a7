import { Badge, Group, Paper, Progress, RingProgress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HealthGrade } from '../../api/shared';
import { EChart } from '../../shared/echart';
import { accountHealthQuery } from './kpis-api';

export const gradeColors: Record<HealthGrade, string> = {
  good: 'green',
  fair: 'yellow',
  poor: 'orange',
  critical: 'red',
};

/** An account's health: score and grade, what each factor brought, and the daily trend. */
export function HealthCard({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const health = useQuery(accountHealthQuery(accountId)).data;
  if (!health) return null;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="md" data-testid="account-health">
      <Stack gap="sm">
        <Title order={3}>{t('kpis.health.title')}</Title>
        {health.score === null ? (
          <Text size="sm" c="dimmed">
            {t('kpis.health.unscored')}
          </Text>
        ) : (
          <Group align="flex-start" gap="xl">
            <Stack align="center" gap={4}>
              <RingProgress
                size={110}
                thickness={10}
                sections={[{ value: health.score, color: gradeColors[health.grade ?? 'critical'] }]}
                label={
                  <Text ta="center" fw={700} size="xl">
                    {Math.round(health.score)}
                  </Text>
                }
              />
              {health.grade && (
                <Badge color={gradeColors[health.grade]}>{t(`kpis.health.grade.${health.grade}`)}</Badge>
              )}
            </Stack>
            <Table style={{ flex: 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kpis.health.factor')}</Table.Th>
                  <Table.Th>{t('kpis.health.value')}</Table.Th>
                  <Table.Th>{t('kpis.health.weight')}</Table.Th>
                  <Table.Th>{t('kpis.health.points')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {health.factors.map((factor) => (
                  <Table.Tr key={factor.key}>
                    <Table.Td>
                      <Text size="sm">{t(`kpis.health.factors.${factor.key}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {factor.input === null
                          ? t('kpis.health.noData')
                          : t(`kpis.health.inputs.${factor.key}`, { value: number.format(factor.input) })}
                      </Text>
                    </Table.Td>
                    <Table.Td w={160}>
                      {factor.value === null ? '—' : <Progress value={factor.value} color="blue" />}
                    </Table.Td>
                    <Table.Td>{Math.round(factor.weight * 100)}%</Table.Td>
                    <Table.Td>{number.format(factor.points)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        )}
        {health.score !== null && health.factors.some((factor) => factor.value === null) && (
          <Text size="xs" c="dimmed">
            {t('kpis.health.renormalised')}
          </Text>
        )}
        {health.history.length > 1 && (
          <EChart
            label={t('kpis.health.trend')}
            style={{ height: 160 }}
            option={{
              animation: false,
              grid: { left: 36, right: 12, top: 12, bottom: 24 },
              xAxis: { type: 'time' },
              yAxis: { type: 'value', min: 0, max: 100 },
              tooltip: { trigger: 'item' },
              series: [{ type: 'line', symbol: 'none', data: health.history.map((day) => [day.day, day.score]) }],
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
