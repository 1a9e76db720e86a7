import { z } from 'zod';
import { emailSchema, passwordSchema } from '../users/schemas';

export const loginInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
  workspaceId: z.uuid().optional(),
});
export type LoginInput = z.input<typeof loginInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const switchWorkspaceInput = z.strictObject({ workspaceId: z.uuid() });

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;
