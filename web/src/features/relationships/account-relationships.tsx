import {
  Button,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  RingProgress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSitemap } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { describeGap } from './gap-text';
import { type RelationshipSummary, relationshipSummaryQuery } from './relationships-api';

/** The relationships of an account at a glance: strength explained, the gaps, and the way to the map. */
export function AccountRelationships({ account }: { account: { id: string; name: string } }) {
  const { t } = useTranslation();
  const summary = useQuery(relationshipSummaryQuery(account.id));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('relationships.title')}</Title>
          <Button
            variant="light"
            leftSection={<IconSitemap size={16} />}
            renderRoot={(props) => (
              <Link to="/accounts/$accountId/relationship-map" params={{ accountId: account.id }} {...props} />
            )}
          >
            {t('relationships.openMap')}
          </Button>
        </Group>
        {summary.data ? (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <StrengthExplained summary={summary.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <GapList summary={summary.data} />
            </Grid.Col>
          </Grid>
        ) : (
          <Center h={120}>
            <Loader size="sm" aria-label={t('table.loading')} />
          </Center>
        )}
      </Stack>
    </Paper>
  );
}

function scoreColour(score: number): string {
  return score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
}

function StrengthExplained({ summary }: { summary: RelationshipSummary }) {
  const { t } = useTranslation();
  const { strength, stakeholders } = summary;
  return (
    <Stack gap="xs" aria-label={t('relationships.strength')}>
      <Group gap="md" wrap="nowrap">
        <RingProgress
          size={96}
          thickness={9}
          roundCaps
          sections={[{ value: strength.score, color: scoreColour(strength.score) }]}
          label={
            <Text ta="center" fw={700} size="xl" data-testid="relationship-strength">
              {strength.score}
            </Text>
          }
        />
        <div>
          <Text fw={600}>{t('relationships.strength')}</Text>
          <Text size="xs" c="dimmed">
            {strength.basis === 'key_players'
              ? t('relationships.basisKeyPlayers', { count: stakeholders.keyPlayers })
              : t('relationships.basisAll', { count: stakeholders.total })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('relationships.people', stakeholders)}
          </Text>
        </div>
      </Group>
      {strength.factors.map((factor) => (
        <div key={factor.factor}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t(`strengthFactor.${factor.factor}`)}</Text>
            <Text size="sm" fw={600}>
              {factor.points} / {factor.weight}
            </Text>
          </Group>
          <Progress value={factor.value * 100} size="sm" color={scoreColour(factor.value * 100)} />
          <Text size="xs" c="dimmed">
            {t('relationships.factorLine', {
              count: factor.count,
              of: factor.of,
              what: t(`relationships.factorWhat.${factor.factor}`),
              points: factor.points,
              weight: factor.weight,
            })}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function GapList({ summary }: { summary: RelationshipSummary }) {
  const { t } = useTranslation();
  if (summary.gaps.length === 0) {
    return (
      <Group gap="xs" data-testid="relationship-gaps">
        <ThemeIcon color="teal" variant="light" radius="xl">
          <IconCircleCheck size={16} />
        </ThemeIcon>
        <Text size="sm">{t('relationships.noGaps')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" data-testid="relationship-gaps">
      <Text fw={600}>
        {t('relationships.gaps')} ({summary.gaps.length})
      </Text>
      <List
        spacing={6}
        size="sm"
        icon={
          <ThemeIcon color="orange" variant="light" size={20} radius="xl">
            <IconAlertTriangle size={12} />
          </ThemeIcon>
        }
      >
        {summary.gaps.map((gap) => (
          <List.Item key={`${gap.kind}:${gap.contactId}:${gap.coverageId}`}>
            <Text size="sm" fw={500} span>
              {t(`gapKind.${gap.kind}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {describeGap(t, gap)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
