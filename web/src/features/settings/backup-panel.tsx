import { Alert, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client';
import { confirmDanger } from '../../shared/confirm';
import { saveBlob } from '../../shared/download';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { meQueryKey } from '../auth/session';

type RestoreResult = { workspaceId: string; name: string; sourceWorkspaceId: string; rows: number };

/** Saves the workspace's backup file, which the server streams from one snapshot. */
async function downloadBackup(): Promise<void> {
  const file = await apiRequest<Blob>('POST', '/workspace/backups', { as: 'blob' });
  saveBlob(file, `accord-${localDay()}.accord-backup.gz`);
}

/** Admins: download a backup of the whole workspace, or restore one into a new workspace. */
export function BackupPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const download = useMutation({ mutationFn: downloadBackup, meta: { handlesErrors: true } });
  const restore = useMutation({
    mutationFn: (file: File) => apiRequest<RestoreResult>('POST', '/workspace/restore', { file }),
    onSuccess: (result) => {
      setRestored(result);
      notifySuccess(t('settings.backup.restored', { name: result.name }));
      // NOTE: the restored workspace joins the workspace switcher, which reads /me.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    meta: { handlesErrors: true },
  });
  const askToRestore = (file: File | null) => {
    if (!file) return;
    confirmDanger({
      title: t('settings.backup.confirmTitle'),
      message: t('settings.backup.confirmMessage', { file: file.name }),
      confirmLabel: t('settings.backup.confirm'),
      onConfirm: () => restore.mutate(file, { onError: notifyError }),
    });
  };
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('settings.backup.downloadTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.backup.downloadHint')}
        </Text>
        <Button
          leftSection={<IconDownload size={16} />}
          loading={download.isPending}
          onClick={() => download.mutate(undefined, { onError: notifyError })}
        >
          {t('settings.backup.download')}
        </Button>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('settings.backup.restoreTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.backup.restoreHint')}
        </Text>
        <Group>
          <FileButton accept=".gz,application/gzip" onChange={askToRestore}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={restore.isPending}>
                {t('settings.backup.restore')}
              </Button>
            )}
          </FileButton>
        </Group>
        {restored && (
          <Alert mt="md" color="teal" title={t('settings.backup.restoredTitle')}>
            {t('settings.backup.restoredDetail', { name: restored.name, rows: restored.rows })}
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
