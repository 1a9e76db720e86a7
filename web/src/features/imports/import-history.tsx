import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format';
import { type ImportStatus, importHistoryQuery } from './imports-api';

const statusColor: Record<ImportStatus, string> = {
  draft: 'gray',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
  cancelled: 'yellow',
  undone: 'gray',
};

/**
 * The workspace's imports, newest first: a draft is taken up where it was left, a finished one
 * opened to see its result and undo it, an interrupted one to resume it.
 */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const list = useInfiniteQuery(importHistoryQuery());
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('imports.history.title')}</Title>
      <Paper withBorder>
        <Table striped aria-label={t('imports.history.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.history.file')}</Table.Th>
              <Table.Th>{t('imports.kind')}</Table.Th>
              <Table.Th>{t('imports.history.status')}</Table.Th>
              <Table.Th>{t('imports.history.rows')}</Table.Th>
              <Table.Th>{t('imports.history.by')}</Table.Th>
              <Table.Th>{t('imports.history.at')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm">{item.fileName}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`imports.sources.${item.source}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`imports.kinds.${item.kind}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[item.status]} styles={{ label: { overflow: 'visible' } }}>
                    {t(`imports.history.statuses.${item.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {item.status === 'draft'
                    ? t('imports.history.total', { rows: item.totalRows.toLocaleString(i18n.language) })
                    : t('imports.result.counts', {
                        created: item.createdCount.toLocaleString(i18n.language),
                        updated: item.updatedCount.toLocaleString(i18n.language),
                        unchanged: item.unchangedCount.toLocaleString(i18n.language),
                        failed: item.failedCount.toLocaleString(i18n.language),
                      })}
                </Table.Td>
                <Table.Td>{item.createdBy?.name ?? '—'}</Table.Td>
                <Table.Td>{format.dateTime(item.finishedAt ?? item.createdAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('imports.history.openFile', { file: item.fileName })}
                    onClick={() => onOpen(item.id)}
                  >
                    {t(item.status === 'draft' ? 'imports.history.continue' : 'imports.history.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('imports.history.empty')}
          </Text>
        )}
      </Paper>
      {list.hasNextPage && (
        <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('imports.history.more')}
        </Button>
      )}
    </Stack>
  );
}
