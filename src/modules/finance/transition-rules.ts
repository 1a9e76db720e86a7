import { type AppError, ruleViolated } from '../../platform/errors';
import { financeMessages } from './messages';
import type { InvoiceStatus } from './schemas';

export type InvoiceAction = 'issue' | 'send' | 'cancel' | 'reissue' | 'delete';

/** From which statuses each action may be taken; anything else is a 422. */
export const allowedFrom: Record<InvoiceAction, readonly InvoiceStatus[]> = {
  issue: ['draft'],
  send: ['issued'],
  cancel: ['issued', 'sent'],
  reissue: ['cancelled'],
  delete: ['draft'],
};

export function transitionRefused(from: InvoiceStatus, action: InvoiceAction): AppError {
  return ruleViolated(financeMessages.transitionRefused, { from, action });
}

/** Refuses (422) an action the invoice's status does not allow. */
export function assertTransition(from: InvoiceStatus, action: InvoiceAction): void {
  if (!allowedFrom[action].includes(from)) throw transitionRefused(from, action);
}
