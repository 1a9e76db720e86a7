import { Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../shared/notify';
import { MoveButtons, movedIds, RetireToggle, TitleCells, TitleDraftRow, useTitleOf } from '../../shared/titled-rows';
import { plansApi, templateQuery, usePlanMutation } from './plans-api';

/** The sections new plans start with: heads add, rename, reorder, retire and bring back. */
export function PlanTemplatePanel() {
  const { t } = useTranslation();
  const sections = useQuery(templateQuery()).data?.items ?? [];
  const update = usePlanMutation(plansApi.updateSection);
  const reorder = usePlanMutation(plansApi.reorderSections);
  const add = usePlanMutation(plansApi.addSection);
  const [draft, setDraft] = useState({ titleEn: '', titleRu: '' });
  const titleOf = useTitleOf();
  const retireWords = {
    retired: t('plans.template.retired'),
    retire: t('plans.template.retire'),
    restore: t('plans.template.restore'),
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{t('plans.template.tab')}</Title>
      <Table aria-label={t('plans.template.tab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lists.titleEn')}</Table.Th>
            <Table.Th>{t('lists.titleRu')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((section, index) => {
            const change = (patch: { titleEn?: string; titleRu?: string; retired?: boolean }) =>
              update.mutate({ id: section.id, ...patch }, { onError: notifyError });
            return (
              <Table.Tr key={section.id}>
                <TitleCells row={section} onCommit={change} />
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <MoveButtons
                      title={titleOf(section)}
                      index={index}
                      count={sections.length}
                      onMove={(by) =>
                        reorder.mutate(
                          movedIds(
                            sections.map((each) => each.id),
                            index,
                            by,
                          ),
                          { onError: notifyError },
                        )
                      }
                    />
                    <RetireToggle
                      name={titleOf(section)}
                      retired={section.retired}
                      words={retireWords}
                      onToggle={() => change({ retired: !section.retired })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <TitleDraftRow
        draft={draft}
        onDraft={(patch) => setDraft({ ...draft, ...patch })}
        addLabel={t('plans.template.add')}
        adding={add.isPending}
        onAdd={() =>
          add.mutate(draft, { onSuccess: () => setDraft({ titleEn: '', titleRu: '' }), onError: notifyError })
        }
      />
    </Stack>
  );
}
