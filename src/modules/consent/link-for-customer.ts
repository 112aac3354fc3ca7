import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, validateInput, visibleCustomer } from '../customers/index.ts';
import { CONSENT_CHANNELS } from './consent-input.ts';
import { findActivePurpose } from './find-purpose.ts';
import { consentWithdrawalLink } from './withdrawal-link.ts';

export const linkRequestSchema = z
  .object({ purpose: z.string().trim().min(1).max(64), channel: z.enum(CONSENT_CHANNELS) })
  .openapi('ConsentLinkRequest');

/** A signed withdrawal link for a customer the caller may see (staff put it in messages). */
export async function createLinkForCustomer(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  raw: z.input<typeof linkRequestSchema>,
): Promise<{ path: string; apiPath: string }> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(linkRequestSchema, raw);
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, customerId)));
  if (!row) throw new AppError('not_found');
  await findActivePurpose(db, input.purpose);
  const { path, apiPath } = await consentWithdrawalLink(db, { customerId, ...input });
  return { path, apiPath };
}
