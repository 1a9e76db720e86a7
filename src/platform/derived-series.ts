import type { Permission } from './auth/permissions';
import type { LocalizedText } from './i18n/text';
import type { UseCaseContext } from './use-case';

/** One computed observation: an account's value along a dimension on a date (`YYYY-MM-DD`). */
export type DerivedPoint = { accountId: string; dimension: string; at: string; value: number };

/**
 * A KPI series that a module computes from its own data — revenue invoiced per month, payment
 * delay — offered to the KPI module without either importing the other (decision 0013, like the
 * account facts of decision 0009). The composition root (src/server.ts) lists the providers and
 * passes them to the KPI module, whose background job writes their points into read-only series.
 */
export type DerivedSeriesProvider = {
  /** Stable id, `<module>.<series>`, stored on the series it fills. */
  key: string;
  /** The module the numbers come from, shown as the series' source. */
  module: string;
  /** The catalogue metric the series measures (a built-in key). */
  metricKey: string;
  label: LocalizedText;
  description: LocalizedText;
  /**
   * Who may read the series: the module's own read permission, and the one that opens every
   * account (without it, only the accounts one owns or is on the team of).
   */
  access: { read: Permission; readAll: Permission };
  /**
   * A cheap fingerprint of the source data as of `ctx.now` (counts, last change, today): the job
   * recomputes the series only when it differs from the one it stored.
   */
  sourceVersion(ctx: UseCaseContext): Promise<string>;
  /**
   * Every point of the actor's workspace from `from` to `to` (dates, inclusive), read as the job's
   * system actor; an account or month without data is absent, never zero.
   */
  readPoints(ctx: UseCaseContext, range: { from: string; to: string }): Promise<DerivedPoint[]>;
};
