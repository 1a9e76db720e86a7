import type { AccountStatus, TeamRole } from '../../api/shared';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { type CustomFormValues, toCustomFormValues, toCustomInput } from '../custom-fields/custom-values';
import type { Account } from './accounts-api';

export type AccountFormValues = {
  name: string;
  legalName: string;
  taxId: string;
  website: string;
  industry: string;
  segment: string;
  status: AccountStatus;
  ownerId: string | null;
  parentId: string | null;
  currency: string;
  tags: string[];
  notes: string;
  team: { userId: string; role: TeamRole }[];
  custom: CustomFormValues;
};

/** The form's starting values: the account as stored, or a new one owned by the current user. */
export function toAccountFormValues(
  account: Account | undefined,
  defaults: { ownerId: string; currency: string },
  definitions: readonly CustomField[],
): AccountFormValues {
  return {
    name: account?.name ?? '',
    legalName: account?.legalName ?? '',
    taxId: account?.taxId ?? '',
    website: account?.website ?? '',
    industry: account?.industry ?? '',
    segment: account?.segment ?? '',
    status: account?.status ?? 'prospect',
    ownerId: account?.ownerId ?? defaults.ownerId,
    parentId: account?.parentId ?? null,
    currency: account?.currency ?? defaults.currency,
    tags: account?.tags ?? [],
    notes: account?.notes ?? '',
    team: account?.team.map(({ userId, role }) => ({ userId, role })) ?? [],
    custom: toCustomFormValues(definitions, account?.custom ?? {}),
  };
}

/**
 * What to send: the form's values with custom values typed for the API. Blank texts stay blank;
 * the API's schema (shared with the form's validation) turns them into "cleared".
 */
export function toAccountInput(
  values: AccountFormValues,
  definitions: readonly CustomField[],
): Record<string, unknown> {
  const { ownerId, custom, team, ...rest } = values;
  return {
    ...rest,
    ...(ownerId ? { ownerId } : {}),
    // NOTE: a team row with nobody chosen yet is sent without userId, so it reads "required".
    team: team.map(({ userId, role }) => (userId ? { userId, role } : { role })),
    custom: toCustomInput(definitions, custom),
  };
}
