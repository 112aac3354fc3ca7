import { z } from '@hono/zod-openapi';
import { type CustomerView, customerViewSchema, IDENTIFIER_KINDS } from '../customers/index.ts';

export const matchedBySchema = z
  .object({
    rule: z.string().openapi({ description: 'phone, email, line, facebook, pos or external:<system>' }),
    kind: z.enum(IDENTIFIER_KINDS),
    system: z.string(),
    value: z.string().openapi({ description: 'The normalised identifier that matched, e.g. +66812345678.' }),
  })
  .openapi('IdentityMatch');

export const conflictSchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS),
    system: z.string(),
    value: z.string(),
    customerId: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'The profile that holds it; null when that profile is outside your scope.' }),
  })
  .openapi('IdentityConflict');

export const resolutionSchema = z
  .object({
    customer: customerViewSchema,
    created: z.boolean(),
    matchedBy: matchedBySchema.nullable(),
    conflicts: z.array(conflictSchema).openapi({
      description:
        'Identifiers of the record that belong to other profiles: kept there, not moved, and recorded for review.',
    }),
  })
  .openapi('CustomerResolution');

export type MatchedBy = z.infer<typeof matchedBySchema>;
export type IdentityConflict = z.infer<typeof conflictSchema>;
export interface Resolution {
  customer: CustomerView;
  created: boolean;
  matchedBy: MatchedBy | null;
  conflicts: IdentityConflict[];
}
