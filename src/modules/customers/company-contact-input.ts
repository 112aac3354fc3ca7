import { z } from '@hono/zod-openapi';
import { customerSummarySchema } from './extras-summary.ts';

/** Roles in a company's buying centre. */
export const CONTACT_ROLES = ['decision_maker', 'influencer', 'buyer', 'user', 'gatekeeper'] as const;
export const CONTACT_ROLE_LABELS = {
  decision_maker: { th: 'ผู้ตัดสินใจ', en: 'Decision maker' },
  influencer: { th: 'ผู้มีอิทธิพล', en: 'Influencer' },
  buyer: { th: 'ผู้ซื้อ', en: 'Buyer' },
  user: { th: 'ผู้ใช้', en: 'User' },
  gatekeeper: { th: 'ผู้กลั่นกรอง', en: 'Gatekeeper' },
} as const satisfies Record<(typeof CONTACT_ROLES)[number], { th: string; en: string }>;

const jobTitle = z
  .string()
  .trim()
  .max(100)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .openapi({ example: 'ผู้จัดการฝ่ายจัดซื้อ' });

export const linkContactSchema = z
  .object({
    personId: z.string().uuid(),
    role: z.enum(CONTACT_ROLES),
    jobTitle: jobTitle.optional(),
  })
  .openapi('LinkContact');
export type LinkContactInput = z.input<typeof linkContactSchema>;

export const updateContactSchema = z
  .object({ role: z.enum(CONTACT_ROLES), jobTitle })
  .partial()
  .openapi('UpdateContact');
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export const contactLinkViewSchema = z
  .object({
    companyId: z.string().uuid(),
    personId: z.string().uuid(),
    role: z.enum(CONTACT_ROLES),
    jobTitle: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ContactLink');
export type ContactLinkView = z.infer<typeof contactLinkViewSchema>;

export const contactListSchema = z
  .object({
    kind: z.enum(['company', 'person']).openapi({
      description: "company: the company's people; person: the companies the person is a contact of",
    }),
    items: z.array(
      z.object({
        customer: customerSummarySchema,
        role: z.enum(CONTACT_ROLES),
        jobTitle: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    hidden: z.number().int().openapi({ description: 'Links to profiles you may not see (not listed).' }),
  })
  .openapi('ContactList');
export type ContactList = z.infer<typeof contactListSchema>;

export function toContactLinkView(row: {
  companyId: string;
  personId: string;
  role: string;
  jobTitle: string | null;
  createdAt: Date;
}): ContactLinkView {
  return {
    companyId: row.companyId,
    personId: row.personId,
    role: row.role as ContactLinkView['role'],
    jobTitle: row.jobTitle,
    createdAt: row.createdAt.toISOString(),
  };
}
