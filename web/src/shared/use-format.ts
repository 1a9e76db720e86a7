import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session';

/** Dates and times in the UI language and the workspace's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { timeZone } = useMe().workspace;
  const language = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return {
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** A calendar date (`2025-03-01`) as it is, without shifting it through a time zone. */
      calendarDate: (day: string) =>
        new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        ),
    };
  }, [language, timeZone]);
}
