import { ActionIcon, Badge, Button, Group, Table, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BlurTextInput } from './blur-input';

// The settings lists that carry a title in both languages (pipeline stages, plan template sections)
// share their pieces here: the two title cells edited in place, the move buttons, the retire toggle
// and the row that adds one more.

export type Titled = { titleEn: string; titleRu: string };

/** The title in the reader's language. */
export function useTitleOf() {
  const { i18n } = useTranslation();
  return (row: Titled) => (i18n.language === 'ru' ? row.titleRu : row.titleEn);
}

/** The ids in their new order after the one at `index` moves `by` one place. */
export function movedIds(ids: string[], index: number, by: -1 | 1): string[] {
  const order = [...ids];
  const [moved] = order.splice(index, 1);
  order.splice(index + by, 0, moved as string);
  return order;
}

/** Two table cells renaming a row in English and Russian when a field loses focus. */
export function TitleCells({ row, onCommit }: { row: Titled; onCommit: (patch: Partial<Titled>) => void }) {
  const { t } = useTranslation();
  const title = useTitleOf()(row);
  return (
    <>
      <Table.Td>
        <BlurTextInput
          label={`${t('lists.titleEn')}: ${title}`}
          value={row.titleEn}
          onCommit={(titleEn) => onCommit({ titleEn })}
        />
      </Table.Td>
      <Table.Td>
        <BlurTextInput
          label={`${t('lists.titleRu')}: ${title}`}
          value={row.titleRu}
          onCommit={(titleRu) => onCommit({ titleRu })}
        />
      </Table.Td>
    </>
  );
}

/** Up and down arrows; the first cannot go up, the last cannot go down. */
export function MoveButtons({
  title,
  index,
  count,
  onMove,
}: {
  title: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionIcon
        variant="subtle"
        disabled={index === 0}
        aria-label={t('lists.moveUp', { title })}
        onClick={() => onMove(-1)}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        disabled={index === count - 1}
        aria-label={t('lists.moveDown', { title })}
        onClick={() => onMove(1)}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
    </>
  );
}

/** A «retired» badge and the button that retires a row or brings it back, in the list's own words. */
export function RetireToggle({
  name,
  retired,
  words,
  onToggle,
}: {
  name: string;
  retired: boolean;
  words: { retired: string; retire: string; restore: string };
  onToggle: () => void;
}) {
  const action = retired ? words.restore : words.retire;
  return (
    <>
      {retired && <Badge color="gray">{words.retired}</Badge>}
      <Button size="xs" variant="default" onClick={onToggle} aria-label={`${action}: ${name}`}>
        {action}
      </Button>
    </>
  );
}

/** The fields under a list for one more row: both titles, any `extra` fields, and the add button. */
export function TitleDraftRow({
  draft,
  onDraft,
  extra,
  addLabel,
  adding,
  onAdd,
}: {
  draft: Titled;
  onDraft: (patch: Partial<Titled>) => void;
  extra?: ReactNode;
  addLabel: string;
  adding: boolean;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="end">
      <TextInput
        label={t('lists.titleEn')}
        value={draft.titleEn}
        onChange={(event) => onDraft({ titleEn: event.currentTarget.value })}
      />
      <TextInput
        label={t('lists.titleRu')}
        value={draft.titleRu}
        onChange={(event) => onDraft({ titleRu: event.currentTarget.value })}
      />
      {extra}
      <Button loading={adding} onClick={onAdd}>
        {addLabel}
      </Button>
    </Group>
  );
}
