import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import {
  type CreateSpendInput,
  createSpendSchema,
  type MarketingSpendView,
  parseMonth,
  spendExists,
  toSpendView,
} from './marketing-spend-view.ts';
import { marketingSpend } from './schema.ts';

/** Enters a month's marketing spend (marketing create: marketing, managers, admins); one entry per month, currency and channel. */
export async function createMarketingSpend(
  db: DbOrTx,
  actor: Actor,
  raw: CreateSpendInput,
): Promise<MarketingSpendView> {
  authorize(actor.principal, 'marketing', 'create');
  const input = validateInput(createSpendSchema, raw);
  const month = parseMonth(input.month);
  return db.transaction(async (tx) => {
    const currency = input.currency ?? (await getSettings(tx)).currency;
    const channel = input.channel ?? '';
    const [row] = await tx
      .insert(marketingSpend)
      .values({
        month,
        currency,
        channel,
        amountSatang: input.amountSatang,
        note: input.note ?? null,
        createdBy: actor.principal.userId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw spendExists(month, currency, channel);
    const view = toSpendView(row);
    await recordAudit(tx, actor, { entityType: 'marketing_spend', entityId: row.id, action: 'create', after: view });
    return view;
  });
}
