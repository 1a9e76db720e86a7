import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown in a form whose save met a 412: someone saved a newer version since the form opened. */
export function ConflictAlert({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  };
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('conflict.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        {t('conflict.text')}
        <Button size="xs" variant="white" color="orange" loading={reloading} onClick={() => void reload()}>
          {t('conflict.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
