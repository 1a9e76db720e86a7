import { and, eq, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { financeSettings } from './schema';
import { defaultVatRates, type UpdateFinanceSettingsInput, updateFinanceSettingsInput, type VatMode } from './schemas';

/** The workspace's finance settings; `version` 0 until first changed. */
export type FinanceSettings = {
  vatRates: number[];
  noVatAllowed: boolean;
  defaultVatRate: number | null;
  vatMode: VatMode;
  baseCurrency: Currency;
  paymentTermsDays: number;
  version: number;
};

const defaults: FinanceSettings = {
  vatRates: defaultVatRates,
  noVatAllowed: true,
  defaultVatRate: 2200,
  vatMode: 'included',
  baseCurrency: 'RUB',
  paymentTermsDays: 10,
  version: 0,
};

const columns = {
  vatRates: financeSettings.vatRates,
  noVatAllowed: financeSettings.noVatAllowed,
  defaultVatRate: financeSettings.defaultVatRate,
  vatMode: financeSettings.vatMode,
  baseCurrency: financeSettings.baseCurrency,
  paymentTermsDays: financeSettings.paymentTermsDays,
  version: financeSettings.version,
};

const asSettings = (row: Record<keyof typeof columns, unknown>) => row as FinanceSettings;

export async function getFinanceSettings(ctx: UseCaseContext): Promise<FinanceSettings> {
  const [row] = await ctx.db
    .select(columns)
    .from(financeSettings)
    .where(eq(financeSettings.workspaceId, ctx.actor.workspaceId));
  return row ? asSettings(row) : defaults;
}

/** Replaces the settings (created on the first change); 412 when `expectedVersion` is stale. */
export async function updateFinanceSettings(
  ctx: UseCaseContext,
  rawInput: UpdateFinanceSettingsInput,
  expectedVersion?: number,
): Promise<FinanceSettings> {
  const input = updateFinanceSettingsInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  const values = { ...input, vatRates: [...input.vatRates].sort((a, b) => a - b) };
  if (expectedVersion === undefined || expectedVersion === 0) {
    const [inserted] = await ctx.db
      .insert(financeSettings)
      .values({ workspaceId, ...values, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing({ target: financeSettings.workspaceId })
      .returning(columns);
    if (inserted) return asSettings(inserted);
    if (expectedVersion === 0) throw staleVersion();
  }
  const [updated] = await ctx.db
    .update(financeSettings)
    .set({ ...values, updatedAt: ctx.now, version: sql`${financeSettings.version} + 1` })
    .where(
      and(
        eq(financeSettings.workspaceId, workspaceId),
        expectedVersion === undefined ? undefined : eq(financeSettings.version, expectedVersion),
      ),
    )
    .returning(columns);
  if (!updated) throw staleVersion();
  return asSettings(updated);
}
