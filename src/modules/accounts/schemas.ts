import { z } from 'zod';
import { commaList, listQuerySchema, totalFlag } from '../../platform/list-query';
import { currencySchema, optionalText } from '../../platform/schemas';
import { customValuesInput } from '../custom-fields/schemas';
import { accountMessages } from './messages';
import { isValidInn } from './tax-id';
import { normalizeWebsite } from './website';

export const accountStatuses = ['prospect', 'active', 'key', 'at_risk', 'lost'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const teamRoles = ['manager', 'specialist', 'executive_sponsor', 'finance', 'support'] as const;
export type TeamRole = (typeof teamRoles)[number];

/** A tax id: a Russian INN (10 or 12 digits, check digits verified) or another country's id. */
export const taxIdSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .max(32)
      .refine((value) => /^[0-9A-Z]*$/.test(value), { params: { text: accountMessages.taxIdFormat } })
      .refine((value) => !/^\d{10}$|^\d{12}$/.test(value) || isValidInn(value), {
        params: { text: accountMessages.innChecksum },
      }),
  )
  .nullish()
  .transform((value) => (value ? value : null));

export const websiteSchema = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((value, context) => {
    if (!value) return null;
    const normalized = normalizeWebsite(value);
    if (!normalized) {
      context.addIssue({ code: 'custom', params: { text: accountMessages.websiteFormat } });
      return z.NEVER;
    }
    return normalized;
  });

const tagsSchema = z
  .array(z.string().trim().min(1).max(50))
  .max(50)
  .transform((tags) => [...new Set(tags)]);

export const teamMemberInput = z.strictObject({ userId: z.uuid(), role: z.enum(teamRoles) });

const editableFields = {
  legalName: optionalText(500),
  taxId: taxIdSchema,
  website: websiteSchema,
  industry: optionalText(100),
  segment: optionalText(100),
  status: z.enum(accountStatuses),
  ownerId: z.uuid(),
  parentId: z.uuid().nullable(),
  currency: currencySchema,
  tags: tagsSchema,
  notes: optionalText(10_000),
  custom: customValuesInput,
  team: z
    .array(teamMemberInput)
    .max(50)
    .refine((team) => new Set(team.map((member) => member.userId)).size === team.length, {
      params: { text: accountMessages.teamDuplicate },
    }),
};

const nameSchema = z.string().trim().min(1).max(300);

export const createAccountInput = z.strictObject({
  name: nameSchema,
  ...editableFields,
  status: editableFields.status.default('prospect'),
  ownerId: editableFields.ownerId.optional(),
  parentId: editableFields.parentId.optional(),
  currency: editableFields.currency.optional(),
  tags: editableFields.tags.default([]),
  custom: editableFields.custom.optional(),
  team: editableFields.team.default([]),
});
export type CreateAccountInput = z.input<typeof createAccountInput>;

export const updateAccountInput = z.strictObject({
  name: nameSchema.optional(),
  legalName: editableFields.legalName.optional(),
  taxId: editableFields.taxId.optional(),
  website: editableFields.website.optional(),
  industry: editableFields.industry.optional(),
  segment: editableFields.segment.optional(),
  status: editableFields.status.optional(),
  ownerId: editableFields.ownerId.optional(),
  parentId: editableFields.parentId.optional(),
  currency: editableFields.currency.optional(),
  tags: editableFields.tags.optional(),
  notes: editableFields.notes.optional(),
  custom: editableFields.custom.optional(),
  team: editableFields.team.optional(),
});
export type UpdateAccountInput = z.input<typeof updateAccountInput>;

/** What narrows the accounts list; the facets take the same filters. */
export const accountFilters = z.object({
  q: z.string().trim().max(200).optional(),
  ownerId: commaList(z.uuid()),
  status: commaList(z.enum(accountStatuses)),
  industry: commaList(z.string().max(100)),
  tag: z.string().max(50).optional(),
  parentId: z.uuid().optional(),
});
export type AccountFilters = z.input<typeof accountFilters>;

export const listAccountsQuery = listQuerySchema(['name', 'updatedAt', 'createdAt', 'status'], 'name').extend({
  ...accountFilters.shape,
  total: totalFlag,
});
export type ListAccountsQuery = z.input<typeof listAccountsQuery>;
