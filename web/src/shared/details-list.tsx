import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export type DetailEntry = { label: string; value: ReactNode };

/** Label–value pairs of a record; empty values are left out rather than shown as dashes. */
export function DetailsList({ entries }: { entries: readonly DetailEntry[] }) {
  const filled = entries.filter(
    (entry) => entry.value !== null && entry.value !== undefined && entry.value !== '' && entry.value !== false,
  );
  return (
    <DataList orientation="horizontal" labelWidth={180} size="sm">
      {filled.map((entry) => (
        <DataList.Item key={entry.label}>
          <DataList.ItemLabel>{entry.label}</DataList.ItemLabel>
          <DataList.ItemValue>{entry.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
