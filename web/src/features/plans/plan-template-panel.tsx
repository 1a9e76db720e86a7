import { ActionIcon, Badge, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlurTextInput } from '../../shared/blur-input';
import { notifyError } from '../../shared/notify';
import { plansApi, templateQuery, usePlanMutation } from './plans-api';

/** The sections new plans start with: heads add, rename, reorder, retire and bring back. */
export function PlanTemplatePanel() {
  const { t, i18n } = useTranslation();
  const sections = useQuery(templateQuery()).data?.items ?? [];
  const update = usePlanMutation(plansApi.updateSection);
  const reorder = usePlanMutation(plansApi.reorderSections);
  const add = usePlanMutation(plansApi.addSection);
  const [draft, setDraft] = useState({ titleEn: '', titleRu: '' });
  const titleOf = (section: { titleEn: string; titleRu: string }) =>
    i18n.language === 'ru' ? section.titleRu : section.titleEn;
  const move = (index: number, by: -1 | 1) => {
    const ids = sections.map((section) => section.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved as string);
    reorder.mutate(ids, { onError: notifyError });
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{t('plans.template.tab')}</Title>
      <Table aria-label={t('plans.template.tab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.template.titleEn')}</Table.Th>
            <Table.Th>{t('plans.template.titleRu')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((section, index) => {
            const change = (patch: { titleEn?: string; titleRu?: string; retired?: boolean }) =>
              update.mutate({ id: section.id, ...patch }, { onError: notifyError });
            const toggle = section.retired ? 'plans.template.restore' : 'plans.template.retire';
            return (
              <Table.Tr key={section.id}>
                <Table.Td>
                  <BlurTextInput
                    label={`${t('plans.template.titleEn')}: ${titleOf(section)}`}
                    value={section.titleEn}
                    onCommit={(titleEn) => change({ titleEn })}
                  />
                </Table.Td>
                <Table.Td>
                  <BlurTextInput
                    label={`${t('plans.template.titleRu')}: ${titleOf(section)}`}
                    value={section.titleRu}
                    onCommit={(titleRu) => change({ titleRu })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={index === 0}
                      aria-label={t('plans.template.moveUp', { title: titleOf(section) })}
                      onClick={() => move(index, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === sections.length - 1}
                      aria-label={t('plans.template.moveDown', { title: titleOf(section) })}
                      onClick={() => move(index, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    {section.retired && <Badge color="gray">{t('plans.template.retired')}</Badge>}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => change({ retired: !section.retired })}
                      aria-label={`${t(toggle)}: ${titleOf(section)}`}
                    >
                      {t(toggle)}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group align="end">
        <TextInput
          label={t('plans.template.titleEn')}
          value={draft.titleEn}
          onChange={(event) => setDraft({ ...draft, titleEn: event.currentTarget.value })}
        />
        <TextInput
          label={t('plans.template.titleRu')}
          value={draft.titleRu}
          onChange={(event) => setDraft({ ...draft, titleRu: event.currentTarget.value })}
        />
        <Button
          loading={add.isPending}
          onClick={() =>
            add.mutate(draft, { onSuccess: () => setDraft({ titleEn: '', titleRu: '' }), onError: notifyError })
          }
        >
          {t('plans.template.add')}
        </Button>
      </Group>
    </Stack>
  );
}
