import { and, eq, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { lockRow } from '../../platform/db/client';
import { type AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { accountForWrite, financeAccountScope } from './access';
import { financeMessages } from './messages';
import { contracts } from './schema';
import {
  type ContractKind,
  type ContractStatus,
  type CreateContractInput,
  createContractInput,
  type UpdateContractInput,
  updateContractInput,
} from './schemas';

export type Contract = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  number: string;
  signedOn: string;
  kind: ContractKind;
  startsOn: string;
  endsOn: string | null;
  valueMinor: number | null;
  currency: Currency;
  autoRenewal: boolean;
  paymentTermsDays: number;
  status: ContractStatus;
  documentUrl: string | null;
  reminderDaysBefore: number;
  /** When to start talking about renewal: the end date less the reminder days. */
  reminderOn: string | null;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const contractColumns = {
  id: contracts.id,
  accountId: contracts.accountId,
  account: { id: accounts.id, name: accounts.name },
  number: contracts.number,
  signedOn: contracts.signedOn,
  kind: contracts.kind,
  startsOn: contracts.startsOn,
  endsOn: contracts.endsOn,
  valueMinor: contracts.valueMinor,
  currency: contracts.currency,
  autoRenewal: contracts.autoRenewal,
  paymentTermsDays: contracts.paymentTermsDays,
  status: contracts.status,
  documentUrl: contracts.documentUrl,
  reminderDaysBefore: contracts.reminderDaysBefore,
  reminderOn: sql<string | null>`(${contracts.endsOn} - ${contracts.reminderDaysBefore})::text`,
  notes: contracts.notes,
  version: contracts.version,
  createdAt: contracts.createdAt,
  updatedAt: contracts.updatedAt,
};

/** A contract whose account's money the actor may see; else 404. */
export async function getContract(ctx: UseCaseContext, id: string): Promise<Contract> {
  const [row] = await ctx.db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, contracts.workspaceId), eq(accounts.id, contracts.accountId)))
    .where(
      and(
        eq(contracts.workspaceId, ctx.actor.workspaceId),
        eq(contracts.id, id),
        financeAccountScope(ctx, contracts.accountId),
      ),
    );
  if (!row) throw notFound(financeMessages.contract);
  return row as Contract;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

function numberTaken(): AppError {
  return ruleViolated(financeMessages.contractNumberTaken, undefined, 'number');
}

/** Records a contract with an account. */
export async function createContract(ctx: UseCaseContext, rawInput: CreateContractInput): Promise<Contract> {
  const input = createContractInput.parse(rawInput);
  await accountForWrite(ctx, input.accountId);
  const id = await ctx.db
    .insert(contracts)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: contracts.id });
  if (!id[0]) throw numberTaken();
  return getContract(ctx, id[0].id);
}

/** Changes a contract; 412 on a stale If-Match. */
export async function updateContract(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateContractInput,
  expectedVersion?: number,
): Promise<Contract> {
  const input = updateContractInput.parse(rawInput);
  await lockRow(ctx.db, contracts, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getContract(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const startsOn = input.startsOn ?? current.startsOn;
  const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
  if (endsOn && endsOn < startsOn) throw ruleViolated(financeMessages.periodOrder, undefined, 'endsOn');
  try {
    await ctx.db
      .update(contracts)
      .set({ ...input, updatedAt: ctx.now, version: sql`${contracts.version} + 1` })
      .where(and(eq(contracts.workspaceId, ctx.actor.workspaceId), eq(contracts.id, id)));
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    throw error;
  }
  return getContract(ctx, id);
}
