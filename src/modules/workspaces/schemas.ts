import { z } from 'zod';
import { roles } from '../../platform/auth/permissions';
import { locales } from '../../platform/i18n/locale';
import { currencySchema, timeZoneSchema } from '../../platform/schemas';
import { emailSchema, passwordSchema, personNameSchema } from '../users/schemas';

export const roleSchema = z.enum(roles);

export const workspaceSettingsInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  defaultCurrency: currencySchema.default('RUB'),
  locale: z.enum(locales).default('ru'),
  timeZone: timeZoneSchema.default('Europe/Moscow'),
});
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsInput>;

export const updateWorkspaceInput = workspaceSettingsInput.partial();
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
