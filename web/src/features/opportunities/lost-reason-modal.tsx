import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why an opportunity was lost before it moves to the lost stage; the reason is required. */
export function LostReasonModal({
  title,
  onConfirm,
  onClose,
  pending,
}: {
  title: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';
  const confirm = () => {
    setTried(true);
    if (!missing) onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={t('opportunities.markLost')}>
      <Stack>
        <Text size="sm">{title}</Text>
        <Textarea
          label={t('opportunities.lostReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={tried && missing ? t('opportunities.lostReasonRequired') : undefined}
          autosize
          minRows={3}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={pending}>
            {t('opportunities.markLost')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
