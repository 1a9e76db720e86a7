import type { Locale } from './i18n/locale';
import type { UseCaseContext } from './use-case';

/**
 * An all-day entry a module adds to a member's calendar feed (the relationship map's iCalendar
 * address): a reminder on the day something is due. `uid` must stay the same for the same
 * reminder so a calendar app updates it rather than adding another.
 */
export type CalendarEntry = {
  uid: string;
  /** `YYYY-MM-DD`. */
  day: string;
  summary: string;
  description: string;
  changedAt: Date;
};

/**
 * What a module offers the calendar feed: the reader's entries between two days (inclusive), in
 * their language, within what their role lets them see. Passed in where the app is wired, so the
 * feed depends on no module that fills it.
 */
export type CalendarSource = (
  ctx: UseCaseContext,
  locale: Locale,
  days: { from: string; until: string },
) => Promise<CalendarEntry[]>;
