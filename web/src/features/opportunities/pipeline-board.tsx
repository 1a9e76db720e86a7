import { Card, Group, NativeSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, type OpportunityType, opportunityTypes } from '../../api/shared';
import { ExportMenu } from '../../shared/export-menu';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import { membersQuery } from '../members/members-api';
import { LostReasonModal } from './lost-reason-modal';
import {
  type Opportunity,
  type OpportunityFilters,
  offeringsQuery,
  opportunitiesApi,
  opportunitiesQuery,
  pipelineQuery,
  type Stage,
  useOpportunityMutation,
} from './opportunities-api';

/** The most opportunities the server puts on one board (`boardLimit` in the opportunities module). */
const boardLimit = 1000;

/**
 * Open opportunities in columns by stage, for one account or every account the reader sees, with
 * filters. Each card moves with a stage select, so the board works from the keyboard and with a
 * screen reader (no drag and drop needed); lost asks for the reason in a modal.
 */
export function PipelineBoard({ accountId, title }: { accountId?: string; title?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const canWrite = useCan('plans:write');
  const [filters, setFilters] = useState<OpportunityFilters>({});
  const stages = useQuery(pipelineQuery()).data?.items ?? [];
  const items = useQuery(opportunitiesQuery({ ...filters, accountId: accountId ?? filters.accountId })).data?.items;
  const move = useOpportunityMutation(opportunitiesApi.move);
  const [losing, setLosing] = useState<{ opportunity: Opportunity; stageId: string } | null>(null);
  const titleOf = (stage: Stage) => (locale === 'ru' ? stage.titleRu : stage.titleEn);
  const moveTo = (opportunity: Opportunity, stageId: string) => {
    if (stages.find((candidate) => candidate.id === stageId)?.outcome === 'lost') {
      setLosing({ opportunity, stageId });
      return;
    }
    move.mutate({ opportunity, stageId }, { onError: notifyError });
  };
  const openStages = stages.filter((stage) => stage.outcome === 'open');

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{title ?? t('opportunities.board')}</Title>
          <ExportMenu
            path="/opportunities/export"
            name="opportunities"
            query={{ ...filters, accountId: accountId ?? filters.accountId }}
          />
        </Group>
        <BoardFilters filters={filters} onChange={setFilters} withAccount={!accountId} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: openStages.length || 1 }}>
          {openStages.map((stage) => {
            const cards = (items ?? []).filter((item) => item.stageId === stage.id);
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
                    <Text size="xs" c="dimmed">
                      {t(`opportunities.types.${item.type}`)} · {item.ownerName}
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
        {items && items.length === 0 && <Text c="dimmed">{t('opportunities.noOpportunities')}</Text>}
        {items && items.length >= boardLimit && (
          <Text c="dimmed" size="sm">
            {t('opportunities.boardCut', { count: boardLimit })}
          </Text>
        )}
      </Stack>
      {losing && (
        <LostReasonModal
          title={losing.opportunity.title}
          pending={move.isPending}
          onClose={() => setLosing(null)}
          onConfirm={(lostReason) =>
            move.mutate({ ...losing, lostReason }, { onSuccess: () => setLosing(null), onError: notifyError })
          }
        />
      )}
    </Paper>
  );
}

/** Owner, type and offering (and account, on the workspace board); each clears back to "all". */
function BoardFilters({
  filters,
  onChange,
  withAccount,
}: {
  filters: OpportunityFilters;
  onChange: (filters: OpportunityFilters) => void;
  withAccount: boolean;
}) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery).data ?? [];
  const offerings = useQuery(offeringsQuery()).data?.items ?? [];
  // NOTE: the accounts to pick from are those with open opportunities, read once without filters.
  const everyOpen = useQuery({ ...opportunitiesQuery({}), enabled: withAccount }).data?.items ?? [];
  const accounts = [...new Map(everyOpen.map((item) => [item.accountId, item.accountName])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((left, right) => left.label.localeCompare(right.label));
  const set = (patch: OpportunityFilters) => onChange({ ...filters, ...patch });
  return (
    <Group gap="sm" align="end">
      {withAccount && (
        <Select
          label={t('opportunities.filters.account')}
          placeholder={t('opportunities.filters.all')}
          data={accounts}
          value={filters.accountId ?? null}
          onChange={(value) => set({ accountId: value ?? undefined })}
          searchable
          clearable
        />
      )}
      <Select
        label={t('opportunities.filters.owner')}
        placeholder={t('opportunities.filters.all')}
        data={members.map((member) => ({ value: member.userId, label: member.name }))}
        value={filters.ownerId ?? null}
        onChange={(value) => set({ ownerId: value ?? undefined })}
        searchable
        clearable
      />
      <Select
        label={t('opportunities.type')}
        placeholder={t('opportunities.filters.all')}
        data={opportunityTypes.map((value) => ({ value, label: t(`opportunities.types.${value}`) }))}
        value={filters.type ?? null}
        onChange={(value) => set({ type: (value as OpportunityType | null) ?? undefined })}
        clearable
      />
      <Select
        label={t('opportunities.filters.offering')}
        placeholder={t('opportunities.filters.all')}
        data={offerings.map((offering) => ({ value: offering.id, label: offering.name }))}
        value={filters.offeringId ?? null}
        onChange={(value) => set({ offeringId: value ?? undefined })}
        searchable
        clearable
      />
    </Group>
  );
}
