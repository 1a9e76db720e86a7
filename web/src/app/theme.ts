import { createTheme, Drawer, Modal, Notification, PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';

/** Mantine's theme, with the few texts Mantine itself renders (close, show password) in the UI language. */
export function createAppTheme(t: TFunction) {
  const closeButtonProps = { 'aria-label': t('actions.close') };
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'md',
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('auth.togglePassword') } },
      }),
    },
  });
}
