import { z } from 'zod';
import { locales } from '../../platform/i18n/locale';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const passwordSchema = z.string().min(8).max(200);
export const personNameSchema = z.string().trim().min(1).max(200);
export const localeSchema = z.enum(locales);

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  locale: localeSchema.default('en'),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateProfileInput = z.strictObject({
  name: personNameSchema.optional(),
  locale: localeSchema.optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
