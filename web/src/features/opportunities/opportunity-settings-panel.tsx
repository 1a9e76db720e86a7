import { Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlurNumberInput, BlurTextInput } from '../../shared/blur-input';
import { notifyError } from '../../shared/notify';
import { MoveButtons, movedIds, RetireToggle, TitleCells, TitleDraftRow, useTitleOf } from '../../shared/titled-rows';
import {
  type Offering,
  offeringsQuery,
  opportunitiesApi,
  pipelineQuery,
  useOpportunityMutation,
} from './opportunities-api';

/** Heads keep the offering catalogue and the sales pipeline here. */
export function OpportunitySettingsPanel() {
  return (
    <Stack gap="xl">
      <OfferingCatalogue />
      <PipelineStages />
    </Stack>
  );
}

const kinds: Offering['kind'][] = ['product', 'service'];

function OfferingCatalogue() {
  const { t } = useTranslation();
  const offerings = useQuery(offeringsQuery()).data?.items ?? [];
  const update = useOpportunityMutation(opportunitiesApi.updateOffering);
  const create = useOpportunityMutation(opportunitiesApi.createOffering);
  const [draft, setDraft] = useState({ name: '', family: '', kind: 'product' as Offering['kind'] });
  const change = (id: string, patch: Partial<Pick<Offering, 'name' | 'family' | 'kind' | 'retired'>>) =>
    update.mutate({ id, ...patch }, { onError: notifyError });
  const kindOptions = kinds.map((value) => ({ value, label: t(`opportunities.settings.kinds.${value}`) }));
  const retireWords = {
    retired: t('opportunities.settings.retired'),
    retire: t('opportunities.settings.retire'),
    restore: t('opportunities.settings.restore'),
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{t('opportunities.settings.offerings')}</Title>
      <Table aria-label={t('opportunities.settings.offerings')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opportunities.settings.name')}</Table.Th>
            <Table.Th>{t('opportunities.settings.family')}</Table.Th>
            <Table.Th>{t('opportunities.settings.kind')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offerings.map((offering) => (
            <Table.Tr key={offering.id}>
              <Table.Td>
                <BlurTextInput
                  label={`${t('opportunities.settings.name')}: ${offering.name}`}
                  value={offering.name}
                  onCommit={(name) => change(offering.id, { name })}
                />
              </Table.Td>
              <Table.Td>
                <BlurTextInput
                  label={`${t('opportunities.settings.family')}: ${offering.name}`}
                  value={offering.family}
                  onCommit={(family) => change(offering.id, { family })}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('opportunities.settings.kind')}: ${offering.name}`}
                  data={kindOptions}
                  value={offering.kind}
                  onChange={(value) => value && change(offering.id, { kind: value as Offering['kind'] })}
                  allowDeselect={false}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <RetireToggle
                    name={offering.name}
                    retired={offering.retired}
                    words={retireWords}
                    onToggle={() => change(offering.id, { retired: !offering.retired })}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end">
        <TextInput
          label={t('opportunities.settings.name')}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
        />
        <TextInput
          label={t('opportunities.settings.family')}
          value={draft.family}
          onChange={(event) => setDraft({ ...draft, family: event.currentTarget.value })}
        />
        <Select
          label={t('opportunities.settings.kind')}
          data={kindOptions}
          value={draft.kind}
          onChange={(value) => value && setDraft({ ...draft, kind: value as Offering['kind'] })}
          allowDeselect={false}
        />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(draft, {
              onSuccess: () => setDraft({ name: '', family: draft.family, kind: draft.kind }),
              onError: notifyError,
            })
          }
        >
          {t('opportunities.settings.addOffering')}
        </Button>
      </Group>
    </Stack>
  );
}

function PipelineStages() {
  const { t } = useTranslation();
  const stages = useQuery(pipelineQuery()).data?.items ?? [];
  const update = useOpportunityMutation(opportunitiesApi.updateStage);
  const reorder = useOpportunityMutation(opportunitiesApi.reorderStages);
  const create = useOpportunityMutation(opportunitiesApi.createStage);
  const [draft, setDraft] = useState({ titleEn: '', titleRu: '', probability: 50 });
  const titleOf = useTitleOf();
  // NOTE: won and lost always close the pipeline; only the open stages move.
  const open = stages.filter((stage) => stage.outcome === 'open');
  return (
    <Stack gap="sm">
      <Title order={3}>{t('opportunities.settings.stages')}</Title>
      <Table aria-label={t('opportunities.settings.stages')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lists.titleEn')}</Table.Th>
            <Table.Th>{t('lists.titleRu')}</Table.Th>
            <Table.Th>{t('opportunities.settings.probability')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((stage) => {
            const change = (patch: { titleEn?: string; titleRu?: string; probability?: number }) =>
              update.mutate({ id: stage.id, ...patch }, { onError: notifyError });
            return (
              <Table.Tr key={stage.id}>
                <TitleCells row={stage} onCommit={change} />
                <Table.Td>
                  <BlurNumberInput
                    label={`${t('opportunities.settings.probability')}: ${titleOf(stage)}`}
                    value={stage.probability}
                    min={0}
                    max={100}
                    onCommit={(probability) => change({ probability })}
                  />
                </Table.Td>
                <Table.Td>
                  {stage.outcome === 'open' ? (
                    <Group gap={4} wrap="nowrap">
                      <MoveButtons
                        title={titleOf(stage)}
                        index={open.indexOf(stage)}
                        count={open.length}
                        onMove={(by) =>
                          reorder.mutate(
                            movedIds(
                              open.map((each) => each.id),
                              open.indexOf(stage),
                              by,
                            ),
                            { onError: notifyError },
                          )
                        }
                      />
                    </Group>
                  ) : (
                    <Badge variant="light">{t(`opportunities.settings.outcome.${stage.outcome}`)}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <TitleDraftRow
        draft={draft}
        onDraft={(patch) => setDraft({ ...draft, ...patch })}
        extra={
          <TextInput
            type="number"
            label={t('opportunities.settings.probability')}
            value={String(draft.probability)}
            onChange={(event) => setDraft({ ...draft, probability: Number(event.currentTarget.value) })}
            w={170}
          />
        }
        addLabel={t('opportunities.settings.addStage')}
        adding={create.isPending}
        onAdd={() =>
          create.mutate(draft, {
            onSuccess: () => setDraft({ titleEn: '', titleRu: '', probability: 50 }),
            onError: notifyError,
          })
        }
      />
    </Stack>
  );
}
