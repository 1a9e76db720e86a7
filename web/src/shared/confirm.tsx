import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18n from 'i18next';
import type { ReactNode } from 'react';

type ConfirmOptions = {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
};

/** Asks before something that cannot be undone; the confirm button is red and names the action. */
export function confirmDanger({ title, message, confirmLabel, onConfirm }: ConfirmOptions): void {
  modals.openConfirmModal({
    title,
    children: typeof message === 'string' ? <Text size="sm">{message}</Text> : message,
    labels: { confirm: confirmLabel, cancel: i18n.t('actions.cancel') },
    confirmProps: { color: 'red' },
    onConfirm,
  });
}
