import { eq, sql } from 'drizzle-orm';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { deliverySettings } from './schema';
import { type UpdateDeliverySettingsInput, updateDeliverySettingsInput } from './schemas';

/** The delivery settings; `version` 0 until first changed. */
export type DeliverySettings = { acceptanceHours: number; version: number };

export const defaultAcceptanceHours = 24;

export async function getDeliverySettings(ctx: UseCaseContext): Promise<DeliverySettings> {
  const [row] = await ctx.db
    .select({ acceptanceHours: deliverySettings.acceptanceHours, version: deliverySettings.version })
    .from(deliverySettings)
    .where(eq(deliverySettings.workspaceId, ctx.actor.workspaceId));
  return row ?? { acceptanceHours: defaultAcceptanceHours, version: 0 };
}

/** Replaces the settings (created on the first change); 412 when `expectedVersion` is stale. */
export async function updateDeliverySettings(
  ctx: UseCaseContext,
  rawInput: UpdateDeliverySettingsInput,
  expectedVersion?: number,
): Promise<DeliverySettings> {
  const input = updateDeliverySettingsInput.parse(rawInput);
  const current = await getDeliverySettings(ctx);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  const [row] = await ctx.db
    .insert(deliverySettings)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: deliverySettings.workspaceId,
      set: { ...input, updatedAt: ctx.now, version: sql`${deliverySettings.version} + 1` },
    })
    .returning({ acceptanceHours: deliverySettings.acceptanceHours, version: deliverySettings.version });
  return row as DeliverySettings;
}
