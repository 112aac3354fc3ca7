import { eq } from 'drizzle-orm';
import { scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type CustomFieldRules, loadCustomFieldRules } from './custom-field-cells.ts';

export const ON_MATCH = ['update', 'skip'] as const;
export type OnMatch = (typeof ON_MATCH)[number];

export interface Ownership {
  ownerId: string | null;
  teamId: string | null;
}

/** What every batch of one import needs besides its rows: who imports, how matches are treated, who may own. */
export interface ImportContext {
  importId: string;
  actor: Actor;
  onMatch: OnMatch;
  /** Owner of created customers unless ownerEmail says otherwise (the importing user). */
  defaultOwner: Ownership;
  /** Active users by lower-case email, for the ownerEmail column. */
  owners: Map<string, Ownership & { email: string }>;
  /** Nothing is written but the import's own progress and rejections. */
  dryRun: boolean;
  /** Active custom field definitions, to check the custom field cells. */
  customFields: CustomFieldRules;
}

/** Whether the actor may see a customer with this owner and team (the same rule as visibleCustomer). */
export function maysee(actor: Actor, owner: Ownership): boolean {
  const scope = scopeFor(actor.principal, 'customers');
  if (scope === 'all') return true;
  if (owner.ownerId !== null && owner.ownerId === actor.principal.userId) return true;
  return scope === 'team' && actor.principal.teamId !== null && owner.teamId === actor.principal.teamId;
}

/**
 * The owner for a created customer: the importer, or the ownerEmail column's user when the
 * importer's role may assign it (the same rules as creating one customer by hand).
 */
export function ownerFor(ctx: ImportContext, email: string | undefined): Ownership | { en: string; th: string } {
  if (email === undefined) return ctx.defaultOwner;
  const owner = ctx.owners.get(email);
  if (!owner) return { en: `ownerEmail: no active user ${email}`, th: `ownerEmail: ไม่พบผู้ใช้ที่ใช้งานอยู่ ${email}` };
  const { principal } = ctx.actor;
  if (owner.ownerId === principal.userId) return owner;
  const scope = scopeFor(principal, 'customers');
  if (scope === 'own') {
    return { en: 'ownerEmail: your role may not choose the owner', th: 'ownerEmail: บทบาทของคุณไม่สามารถกำหนดผู้ดูแลได้' };
  }
  if (scope === 'team' && (!principal.teamId || owner.teamId !== principal.teamId)) {
    return {
      en: 'ownerEmail: you can assign only members of your team',
      th: 'ownerEmail: คุณมอบหมายได้เฉพาะสมาชิกในทีมของคุณ',
    };
  }
  return owner;
}

export async function loadImportContext(
  db: DbOrTx,
  actor: Actor,
  input: { importId: string; onMatch: OnMatch; dryRun: boolean },
): Promise<ImportContext> {
  const rows = await db
    .select({ id: users.id, email: users.email, teamId: users.teamId })
    .from(users)
    .where(eq(users.status, 'active'));
  const owners = new Map(rows.map((u) => [u.email.toLowerCase(), { ownerId: u.id, teamId: u.teamId, email: u.email }]));
  const self = actor.principal.userId;
  return {
    ...input,
    actor,
    owners,
    customFields: await loadCustomFieldRules(db),
    defaultOwner: { ownerId: self, teamId: self ? (rows.find((u) => u.id === self)?.teamId ?? null) : null },
  };
}
