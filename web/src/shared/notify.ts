import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { isApiError } from '../api/problem';

/** Shows a failed request as a toast: the problem's title, its detail and any field messages. */
export function notifyError(error: unknown): void {
  if (isApiError(error)) {
    // NOTE: a 401 is handled once, globally, by returning to the sign-in page.
    if (error.status === 401) return;
    const { title, detail, errors } = error.problem;
    const fieldLines = errors.map((fieldError) => fieldError.message).filter((line) => line !== detail);
    notifications.show({
      color: 'red',
      title,
      message: [detail, ...fieldLines].filter(Boolean).join('\n'),
      style: { whiteSpace: 'pre-line' },
    });
    return;
  }
  notifications.show({
    color: 'red',
    title: i18n.t('errors.unexpectedTitle'),
    message: error instanceof Error ? error.message : String(error),
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
