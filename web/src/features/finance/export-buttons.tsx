import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../../api/client';
import { downloadList, type ExportFormat } from '../../shared/download';
import { notifyError } from '../../shared/notify';

/** CSV and XLSX buttons for a list's export, with the list's filters. */
export function ExportButtons({
  path,
  name,
  query = {},
  label,
}: {
  path: string;
  name: string;
  query?: Record<string, QueryValue>;
  label: string;
}) {
  const { t } = useTranslation();
  const download = (format: ExportFormat) => downloadList(path, name, query, format).catch(notifyError);
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} />}
        onClick={download.bind(null, 'csv')}
        aria-label={`${label}: CSV`}
      >
        {t('finance.exports.csv')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} />}
        onClick={download.bind(null, 'xlsx')}
        aria-label={`${label}: XLSX`}
      >
        {t('finance.exports.xlsx')}
      </Button>
    </Group>
  );
}
