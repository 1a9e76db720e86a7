import type { UseCaseContext } from '../../platform/use-case';
import type { AccountStatus } from './schemas';

/**
 * A rule another module puts on an account entering a status — the portfolio's cap on key
 * accounts — asked before the account is created with or changed into it; it throws an AppError
 * to refuse. The composition root hands it to the accounts routes, so this module imports no other.
 */
export type AccountStatusGuard = (
  ctx: UseCaseContext,
  change: { accountId: string | undefined; from: AccountStatus | undefined; to: AccountStatus },
) => Promise<void>;
