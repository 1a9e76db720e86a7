import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type RequestOptions } from '../../api/client';
import { notifyError } from '../../shared/notify';
import { saveBlob } from './import-labels';

type ExportFormat = 'csv' | 'xlsx';

/** Downloads a list with its current filters as CSV (UTF-8 with BOM) or XLSX. */
export function ExportMenu({ list, query }: { list: 'accounts' | 'contacts'; query: RequestOptions['query'] }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (format: ExportFormat) => api.file(`/exports/${list}`, { query: { ...query, format } }),
    onSuccess: (blob, format) => saveBlob(blob, `${list}.${format}`),
    onError: notifyError,
  });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={download.isPending}>
          {t('imports.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => download.mutate('csv')}>{t('imports.exportCsv')}</Menu.Item>
        <Menu.Item onClick={() => download.mutate('xlsx')}>{t('imports.exportXlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
