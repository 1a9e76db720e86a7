import { z } from 'zod';
import { roles } from '../../platform/auth/permissions';
import { locales } from '../../platform/i18n/locale';
import { currencySchema, timeZoneSchema } from '../../platform/schemas';
import { emailSchema, passwordSchema, personNameSchema } from '../users/schemas';

export const roleSchema = z.enum(roles);

const settingsFields = {
  name: z.string().trim().min(1).max(200),
  defaultCurrency: currencySchema,
  locale: z.enum(locales),
  timeZone: timeZoneSchema,
};

export const workspaceSettingsInput = z.strictObject({
  ...settingsFields,
  defaultCurrency: settingsFields.defaultCurrency.default('RUB'),
  locale: settingsFields.locale.default('ru'),
  timeZone: settingsFields.timeZone.default('Europe/Moscow'),
});
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsInput>;

// NOTE: not `workspaceSettingsInput.partial()`: zod 4 applies a default even under `.optional()`,
// so changing only the name would reset the currency, language and time zone.
export const updateWorkspaceInput = z.strictObject(settingsFields).partial();
export type UpdateWorkspaceInput = z.input<typeof updateWorkspaceInput>;

export const addMemberInput = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  /** For a person without an Accord user yet. */
  name: personNameSchema.optional(),
  /** Initial password for a new user; generated and returned once when omitted. */
  password: passwordSchema.optional(),
});
export type AddMemberInput = z.input<typeof addMemberInput>;

export const updateMemberInput = z.strictObject({ role: roleSchema });

export const removeMemberInput = z.strictObject({
  /** Who takes over the accounts the removed member owns. */
  reassignTo: z.uuid().optional(),
});
