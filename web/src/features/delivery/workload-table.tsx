import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkloadGrouping } from '../../api/shared';
import { useFormat } from '../../shared/use-format';
import { workloadQuery } from './delivery-api';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Estimated hours against capacity per ISO week; over-capacity cells are red and say so. */
export function WorkloadTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<WorkloadGrouping>('specialist');
  const workload = useQuery(workloadQuery(by));
  const rows = workload.data?.rows ?? [];
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={by}
        onChange={(value) => setBy(value as WorkloadGrouping)}
        data={[
          { value: 'specialist', label: t('delivery.workload.bySpecialist') },
          { value: 'department', label: t('delivery.workload.byDepartment') },
        ]}
      />
      {rows.length === 0 && !workload.isPending ? (
        <Text c="dimmed">{t('delivery.workload.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label={t('delivery.workload.label')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('delivery.workload.name')}</Table.Th>
                <Table.Th>{t('delivery.workload.capacity')}</Table.Th>
                {(workload.data?.weeks ?? []).map((week, index) => (
                  <Table.Th key={week}>
                    {workload.data?.rows[0]?.cells[index]?.week ?? week}
                    <Text size="xs" c="dimmed">
                      {format.calendarDate(week)}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row">{row.name}</Table.Th>
                  <Table.Td>{hours(row.capacityMinutes)}</Table.Td>
                  {row.cells.map((cell) => (
                    <Table.Td
                      key={cell.weekStart}
                      bg={cell.overCapacity ? 'var(--mantine-color-red-1)' : undefined}
                      c={cell.overCapacity ? 'red.9' : undefined}
                      fw={cell.overCapacity ? 600 : undefined}
                    >
                      {t('delivery.workload.cell', {
                        hours: hours(cell.estimateMinutes),
                        capacity: hours(cell.capacityMinutes),
                      })}
                      {cell.overCapacity && (
                        <Text size="xs" c="red.9">
                          {t('delivery.workload.over')}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
