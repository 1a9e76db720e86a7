import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../api/client';
import { downloadList, type ExportFormat } from './download';
import { notifyError } from './notify';

/**
 * Downloads a list with its current filters as CSV (UTF-8 with BOM) or XLSX. `path` is the list's
 * export route; undefined filters are left out of the query.
 */
export function ExportMenu({
  path,
  name,
  query = {},
}: {
  path: string;
  name: string;
  query?: Record<string, QueryValue | undefined>;
}) {
  const { t } = useTranslation();
  const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
  const download = useMutation({
    mutationFn: (format: ExportFormat) => downloadList(path, name, filters as Record<string, QueryValue>, format),
    onError: notifyError,
  });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={download.isPending}>
          {t('lists.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => download.mutate('csv')}>{t('lists.exportCsv')}</Menu.Item>
        <Menu.Item onClick={() => download.mutate('xlsx')}>{t('lists.exportXlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
