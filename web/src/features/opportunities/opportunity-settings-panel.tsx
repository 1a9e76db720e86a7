import { ActionIcon, Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlurNumberInput, BlurTextInput } from '../../shared/blur-input';
import { notifyError } from '../../shared/notify';
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
                  {offering.retired && <Badge color="gray">{t('opportunities.settings.retired')}</Badge>}
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => change(offering.id, { retired: !offering.retired })}
                    aria-label={`${t(offering.retired ? 'opportunities.settings.restore' : 'opportunities.settings.retire')}: ${offering.name}`}
                  >
                    {t(offering.retired ? 'opportunities.settings.restore' : 'opportunities.settings.retire')}
                  </Button>
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
  const { t, i18n } = useTranslation();
  const stages = useQuery(pipelineQuery()).data?.items ?? [];
  const update = useOpportunityMutation(opportunitiesApi.updateStage);
  const reorder = useOpportunityMutation(opportunitiesApi.reorderStages);
  const create = useOpportunityMutation(opportunitiesApi.createStage);
  const [draft, setDraft] = useState({ titleEn: '', titleRu: '', probability: 50 });
  const open = stages.filter((stage) => stage.outcome === 'open');
  const titleOf = (stage: { titleEn: string; titleRu: string }) =>
    i18n.language === 'ru' ? stage.titleRu : stage.titleEn;
  const move = (index: number, by: -1 | 1) => {
    const ids = open.map((stage) => stage.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved as string);
    reorder.mutate(ids, { onError: notifyError });
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{t('opportunities.settings.stages')}</Title>
      <Table aria-label={t('opportunities.settings.stages')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opportunities.settings.titleEn')}</Table.Th>
            <Table.Th>{t('opportunities.settings.titleRu')}</Table.Th>
            <Table.Th>{t('opportunities.settings.probability')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((stage) => {
            const index = open.indexOf(stage);
            const change = (patch: { titleEn?: string; titleRu?: string; probability?: number }) =>
              update.mutate({ id: stage.id, ...patch }, { onError: notifyError });
            return (
              <Table.Tr key={stage.id}>
                <Table.Td>
                  <BlurTextInput
                    label={`${t('opportunities.settings.titleEn')}: ${titleOf(stage)}`}
                    value={stage.titleEn}
                    onCommit={(titleEn) => change({ titleEn })}
                  />
                </Table.Td>
                <Table.Td>
                  <BlurTextInput
                    label={`${t('opportunities.settings.titleRu')}: ${titleOf(stage)}`}
                    value={stage.titleRu}
                    onCommit={(titleRu) => change({ titleRu })}
                  />
                </Table.Td>
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
                      <ActionIcon
                        variant="subtle"
                        disabled={index === 0}
                        aria-label={t('opportunities.settings.moveUp', { title: titleOf(stage) })}
                        onClick={() => move(index, -1)}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        disabled={index === open.length - 1}
                        aria-label={t('opportunities.settings.moveDown', { title: titleOf(stage) })}
                        onClick={() => move(index, 1)}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
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
      <Group align="end">
        <TextInput
          label={t('opportunities.settings.titleEn')}
          value={draft.titleEn}
          onChange={(event) => setDraft({ ...draft, titleEn: event.currentTarget.value })}
        />
        <TextInput
          label={t('opportunities.settings.titleRu')}
          value={draft.titleRu}
          onChange={(event) => setDraft({ ...draft, titleRu: event.currentTarget.value })}
        />
        <TextInput
          type="number"
          label={t('opportunities.settings.probability')}
          value={String(draft.probability)}
          onChange={(event) => setDraft({ ...draft, probability: Number(event.currentTarget.value) })}
          w={170}
        />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(draft, {
              onSuccess: () => setDraft({ titleEn: '', titleRu: '', probability: 50 }),
              onError: notifyError,
            })
          }
        >
          {t('opportunities.settings.addStage')}
        </Button>
      </Group>
    </Stack>
  );
}
