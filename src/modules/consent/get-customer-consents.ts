import { z } from '@hono/zod-openapi';
import { asc, desc, eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { CONTACT_REASONS, decideContact } from './consent-decision.ts';
import { CONSENT_CHANNELS, CONTACT_CHANNELS } from './consent-input.ts';
import { consentRecordViewSchema, toConsentRecordView } from './consent-view.ts';
import { consentPurposes, consentRecords, consentState } from './schema.ts';

const cellSchema = z
  .object({
    status: z.string(),
    lawfulBasis: z.string(),
    textVersion: z.number().int().nullable(),
    recordId: z.string().uuid(),
    updatedAt: z.string(),
  })
  .nullable();

const contactSchema = z.object({ allowed: z.boolean(), reason: z.enum(CONTACT_REASONS) });

export const customerConsentsSchema = z
  .object({
    customerId: z.string().uuid(),
    purposes: z.array(
      z.object({
        code: z.string(),
        nameTh: z.string(),
        nameEn: z.string(),
        lawfulBasis: z.string(),
        currentVersion: z.number().int(),
        /** The latest record per channel (email, sms, line, phone, any); null where none. */
        channels: z.record(z.enum(CONSENT_CHANNELS), cellSchema),
        /** What mayContact answers now, per contact channel. */
        contact: z.record(z.enum(CONTACT_CHANNELS), contactSchema),
      }),
    ),
    history: z.array(consentRecordViewSchema),
  })
  .openapi('CustomerConsents');
export type CustomerConsents = z.infer<typeof customerConsentsSchema>;
type Purpose = CustomerConsents['purposes'][number];

/** The consent matrix (purpose × channel) of a customer the caller may see, and its full history. */
export async function getCustomerConsents(db: DbOrTx, actor: Actor, customerId: string): Promise<CustomerConsents> {
  authorize(actor.principal, 'customers', 'read');
  const [customer] = await db
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, customerId)));
  if (!customer) throw new AppError('not_found');
  const purposes = await db
    .select()
    .from(consentPurposes)
    .where(eq(consentPurposes.active, true))
    .orderBy(asc(consentPurposes.createdAt), asc(consentPurposes.code));
  const state = await db.select().from(consentState).where(eq(consentState.customerId, customerId));
  const history = await db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.customerId, customerId))
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.id));
  return {
    customerId,
    purposes: purposes.map((p) => {
      const rows = state.filter((s) => s.purpose === p.code);
      const facts = rows.map((s) => ({ ...s, at: s.updatedAt }));
      const channels = Object.fromEntries(
        CONSENT_CHANNELS.map((ch) => {
          const s = rows.find((r) => r.channel === ch);
          return [
            ch,
            s
              ? {
                  status: s.status,
                  lawfulBasis: s.lawfulBasis,
                  textVersion: s.textVersion,
                  recordId: s.recordId,
                  updatedAt: s.updatedAt.toISOString(),
                }
              : null,
          ];
        }),
      ) as Purpose['channels'];
      const contact = Object.fromEntries(
        CONTACT_CHANNELS.map((ch) => {
          const d =
            customer.status === 'active'
              ? decideContact(p.lawfulBasis, ch, facts)
              : { allowed: false, reason: 'profile_inactive' as const };
          return [ch, { allowed: d.allowed, reason: d.reason }];
        }),
      ) as Purpose['contact'];
      return {
        code: p.code,
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        lawfulBasis: p.lawfulBasis,
        currentVersion: p.currentVersion,
        channels,
        contact,
      };
    }),
    history: history.map(toConsentRecordView),
  };
}
