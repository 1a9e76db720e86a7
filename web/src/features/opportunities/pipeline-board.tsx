import { Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import {
  type Opportunity,
  opportunitiesApi,
  opportunitiesQuery,
  pipelineQuery,
  type Stage,
  useOpportunityMutation,
} from './opportunities-api';

/**
 * Open opportunities in columns by stage. Each card moves with a stage select, so the board works
 * from the keyboard and with a screen reader (no drag and drop needed); lost asks for a reason.
 */
export function PipelineBoard({ accountId }: { accountId?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const canWrite = useCan('plans:write');
  const stages = useQuery(pipelineQuery()).data?.items ?? [];
  const items = useQuery(opportunitiesQuery(accountId)).data?.items ?? [];
  const move = useOpportunityMutation(opportunitiesApi.move);
  const titleOf = (stage: Stage) => (locale === 'ru' ? stage.titleRu : stage.titleEn);
  const moveTo = (opportunity: Opportunity, stageId: string) => {
    const stage = stages.find((candidate) => candidate.id === stageId);
    const lostReason = stage?.outcome === 'lost' ? window.prompt(t('opportunities.lostReason')) : undefined;
    if (lostReason === null) return;
    move.mutate({ opportunity, stageId, ...(lostReason ? { lostReason } : {}) }, { onError: notifyError });
  };
  const openStages = stages.filter((stage) => stage.outcome === 'open');

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('opportunities.board')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: openStages.length || 1 }}>
          {openStages.map((stage) => {
            const cards = items.filter((item) => item.stageId === stage.id);
            return (
              <Stack key={stage.id} gap="xs" aria-label={titleOf(stage)} role="list">
                <Group justify="space-between">
                  <Text fw={600}>{titleOf(stage)}</Text>
                  <Text size="xs" c="dimmed">
                    {stage.probability} %
                  </Text>
                </Group>
                {cards.map((item) => (
                  <Card key={item.id} withBorder padding="xs" role="listitem" data-testid="opportunity-card">
                    <Text fw={500} size="sm">
                      {item.title}
                    </Text>
                    {!accountId && (
                      <Text size="xs" c="dimmed">
                        {item.accountName}
                      </Text>
                    )}
                    <Text size="sm">{formatMoney(item.amountMinor, item.currency, locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('opportunities.closes', { date: item.expectedCloseOn, probability: item.probability })}
                    </Text>
                    {canWrite && (
                      <NativeSelect
                        size="xs"
                        mt={4}
                        aria-label={t('opportunities.moveTo', { title: item.title })}
                        value={item.stageId}
                        data={stages.map((option) => ({ value: option.id, label: titleOf(option) }))}
                        onChange={(event) => moveTo(item, event.currentTarget.value)}
                      />
                    )}
                  </Card>
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
