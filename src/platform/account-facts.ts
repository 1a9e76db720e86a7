import type { LocalizedText } from './i18n/text';
import type { UseCaseContext } from './use-case';

/**
 * A number Accord knows about each account — relationship strength, revenue over twelve months,
 * NPS, days of payment delay — offered by the module that holds the data, for others to use
 * without importing it: portfolio scoring criteria, account health factors, derived KPI series.
 * The composition root (src/server.ts) hands every module's facts to the modules that read them,
 * so a fact whose module does not exist yet simply is not in the list.
 */
export type AccountFact = {
  /** Stable id, `<module>.<fact>`, e.g. `relationships.strength`; stored in models that use it. */
  key: string;
  label: LocalizedText;
  description: LocalizedText;
  unit: 'score' | 'money' | 'percent' | 'count' | 'days' | 'ratio';
  /** Whether more is better for us (NPS) or worse (payment delay). */
  higherIsBetter: boolean;
  /**
   * Values for these accounts of the actor's workspace (all of its accounts when omitted); an
   * account the module has no data for is left out of the map, never given a zero.
   */
  read(ctx: UseCaseContext, accountIds?: readonly string[]): Promise<Map<string, number>>;
};
