import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers } from '../customers/index.ts';
import { CONSENT_CHANNELS } from './consent-input.ts';
import { consentPurposes } from './schema.ts';
import { planWithdrawals } from './withdraw-consents.ts';
import { verifyWithdrawalToken } from './withdrawal-link.ts';
import { writeConsentChanges } from './write-consent.ts';

export const linkWithdrawalSchema = z
  .object({
    purpose: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() }),
    channel: z.enum(CONSENT_CHANNELS),
    /** The contact the link is about, masked (e.g. so•••@example.com, •••••••5678). */
    contact: z.string().nullable(),
    /** True when nothing is left to withdraw (already withdrawn). */
    withdrawn: z.boolean(),
  })
  .openapi('LinkWithdrawal');
export type LinkWithdrawal = z.infer<typeof linkWithdrawalSchema>;

export interface RequestMeta {
  ip?: string | undefined;
  requestId?: string | undefined;
}

/**
 * The data subject acting through a signed link: no user, no role beyond this one act.
 * Their IP address is kept out of the append-only audit log (erasure could not remove it);
 * the consent record's evidence holds it, and that is deleted on erasure.
 */
function subjectActor(meta: RequestMeta): Actor {
  return {
    principal: { type: 'system', userId: null, teamId: null, role: 'viewer', label: 'data subject (consent link)' },
    source: 'web',
    requestId: meta.requestId,
  };
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}•••@${domain}`;
}

export function maskPhone(phone: string): string {
  return `${'•'.repeat(Math.max(phone.length - 4, 3))}${phone.slice(-4)}`;
}

/** Follows merges to the surviving profile; an erased or unknown profile makes the link invalid. */
async function resolveSubject(tx: DbOrTx, token: string) {
  const subject = await verifyWithdrawalToken(tx, token);
  let id: string | null = subject.customerId;
  for (let hop = 0; id && hop < 5; hop++) {
    const [row] = await tx
      .select({
        id: customers.id,
        status: customers.status,
        mergedIntoId: customers.mergedIntoId,
        email: customers.email,
        phone: customers.phone,
        lineId: customers.lineId,
      })
      .from(customers)
      .where(eq(customers.id, id));
    if (row?.status === 'active') {
      const [purpose] = await tx.select().from(consentPurposes).where(eq(consentPurposes.code, subject.purpose));
      if (!purpose?.active) break;
      return { subject, customer: row, purpose };
    }
    id = row?.status === 'merged' ? row.mergedIntoId : null;
  }
  throw new AppError('consent_link_invalid');
}

function contactOf(customer: { email: string | null; phone: string | null; lineId: string | null }, channel: string) {
  if (channel === 'email') return customer.email ? maskEmail(customer.email) : null;
  if (channel === 'sms' || channel === 'phone') return customer.phone ? maskPhone(customer.phone) : null;
  if (channel === 'line') return customer.lineId ? 'LINE' : null;
  if (customer.email) return maskEmail(customer.email);
  return customer.phone ? maskPhone(customer.phone) : null;
}

function view(resolved: Awaited<ReturnType<typeof resolveSubject>>, withdrawn: boolean): LinkWithdrawal {
  const { purpose, subject, customer } = resolved;
  return {
    purpose: { code: purpose.code, nameTh: purpose.nameTh, nameEn: purpose.nameEn },
    channel: subject.channel,
    contact: contactOf(customer, subject.channel),
    withdrawn,
  };
}

/** What the link would withdraw, for the confirmation page. Changes nothing. */
export async function previewLinkWithdrawal(db: DbOrTx, token: string): Promise<LinkWithdrawal> {
  const resolved = await resolveSubject(db, token);
  const plan = await planWithdrawals(db, resolved.customer.id, {
    purpose: resolved.purpose.code,
    channel: resolved.subject.channel,
    source: 'link',
  });
  return view(resolved, plan.length === 0);
}

/** Withdraws what the link names (source 'link'); opening it again changes nothing more. */
export async function withdrawByLink(db: Db, token: string, meta: RequestMeta): Promise<LinkWithdrawal> {
  return db.transaction(async (tx) => {
    const resolved = await resolveSubject(tx, token);
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, resolved.customer.id)).for('update');
    const changes = await planWithdrawals(tx, resolved.customer.id, {
      purpose: resolved.purpose.code,
      channel: resolved.subject.channel,
      source: 'link',
      evidence: { via: 'signed_link', ip: meta.ip ?? null, requestId: meta.requestId ?? null },
    });
    await writeConsentChanges(tx, subjectActor(meta), resolved.customer.id, changes);
    return view(resolved, true);
  });
}
