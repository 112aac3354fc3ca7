import { z } from '@hono/zod-openapi';
import { PASSWORD_MIN_LENGTH } from './password.ts';
import { ROLES } from './roles.ts';

export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);
export const roleSchema = z.enum(ROLES);
export const localeSchema = z.enum(['th', 'en']);

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(200),
    password: passwordSchema,
    role: roleSchema,
    teamId: z.string().uuid().nullable().optional(),
    locale: localeSchema.optional(),
  })
  .strict()
  .openapi('CreateUser');
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    teamId: z.string().uuid().nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    password: passwordSchema.optional(),
    locale: localeSchema.optional(),
  })
  .strict()
  .openapi('UpdateUser');
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
