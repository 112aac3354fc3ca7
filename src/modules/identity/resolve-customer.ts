/**
 * IDENTITY RESOLUTION RULES — every inbound record (API upsert, import row, form, message)
 * follows them; the CSV importer's bulk variant must give the same answers.
 *
 * 1. Validate first. Identifiers are normalised by normaliseIdentifier (customers'
 *    identifiers.ts, the one truth: email lower-case, phone E.164 with region TH, ids
 *    trimmed; an external id needs its system). A bad one is validation_failed with the
 *    path identifiers.N.value (or .system); profile fields are checked by the customers
 *    schemas (profile.email, …). Nothing is written.
 * 2. The profile's email, phone and lineId count as identifiers too (email, phone, line).
 * 3. Lock: pg_advisory_xact_lock on each identifier key, in sorted key order, before
 *    reading (identifier-locks.ts). Two simultaneous records with the same new identifier
 *    therefore end as ONE profile; the unique index customer_identities_key is the
 *    backstop (a lost race with a writer that does not lock is retried, then reported).
 *    A matched profile's row is then locked FOR UPDATE before any of its identities,
 *    the same order merges use.
 * 4. Match: identifiers are tried in IDENTIFIER_KINDS trust order (external, line,
 *    facebook, pos, email, phone; within a kind, as given). The first one held by a
 *    profile decides; matchedBy records it (rule 'phone', 'external:shopify', …).
 *    Matching ignores record visibility: identity is global.
 * 5. Visibility: if the decided profile is outside the caller's scope, the call is refused
 *    with 409 customer_exists_elsewhere and writes nothing. Returning or changing it would
 *    leak or edit a record the caller may not see; creating a second profile would make a
 *    duplicate on purpose. The caller learns only that the person exists elsewhere.
 * 6. No stealing: identifiers of the record held by ANOTHER profile stay where they are.
 *    They are returned as conflicts (customerId only if the caller may see that profile),
 *    stored in the identity_match entry's data.conflicts and emitted as identity.conflict
 *    events, for the duplicate finder and for people to act on. A profile email/phone/lineId
 *    held elsewhere is dropped from the fields applied.
 * 7. No match: a profile is created (customers' createCustomer: owner = caller unless the
 *    role may assign; display name from the names, else the email/phone/first identifier).
 *    Its email/phone/lineId columns are filled from the first identifier of each kind.
 * 8. Match with onMatch 'update' (default): the given profile fields overwrite the
 *    profile's (customers' updateCustomer), empty email/phone/lineId columns are filled
 *    from the record's identifiers, and identifiers nobody holds are attached. With
 *    'skip' the profile and its identifiers are left as they are.
 * 9. Record: one identity_match activity on the profile (data: rule, kind, system, value,
 *    channel, created[, conflicts, skipped]), an audit entry and an identity.resolved event.
 *
 * Permissions: customers create, and customers update when a profile matched.
 */
import { eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import {
  createCustomer,
  customers,
  deriveDisplayName,
  getCustomer,
  type Identifier,
  identifierKey,
  matchRule,
  refreshSearchText,
  type UpdateCustomerInput,
  updateCustomer,
  visibleCustomer,
} from '../customers/index.ts';
import { attachIdentifiers } from './attach-identifiers.ts';
import { findOwners, type IdentityOwner, lockIdentifiers } from './identifier-locks.ts';
import { type InboundRecord, type NormalisedInbound, normaliseInbound } from './inbound-input.ts';
import { recordResolution } from './record-resolution.ts';
import type { IdentityConflict, MatchedBy, Resolution } from './resolution-view.ts';

const CONTACT_COLUMNS = [
  ['email', 'email', 254],
  ['phone', 'phone', 40],
  ['line', 'lineId', 50],
] as const;
type Contacts = { email: string | null; phone: string | null; lineId: string | null };

/** Tries a resolution again when a writer outside the identifier locks won a race. */
const ATTEMPTS = 3;

export async function resolveCustomer(db: DbOrTx, actor: Actor, raw: InboundRecord): Promise<Resolution> {
  authorize(actor.principal, 'customers', 'create');
  const inbound = normaliseInbound(raw);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => resolveOnce(tx, actor, inbound));
    } catch (err) {
      if (attempt >= ATTEMPTS || !lostRace(err)) throw err;
    }
  }
}

function lostRace(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'identifier_in_use';
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    // unique_violation: a writer outside the locks took an identifier; deadlock_detected: lost to a merge.
    if (code === '23505' || code === '40P01') return true;
  }
  return false;
}

/** The profile fields to apply: contacts held by another profile dropped, empty ones filled. */
function profileToApply(
  inbound: NormalisedInbound,
  owners: Map<string, IdentityOwner>,
  customerId: string | null,
  current: Contacts | null,
): UpdateCustomerInput {
  const profile: Record<string, unknown> = { ...inbound.profile };
  const mine = (id: Identifier) => {
    const o = owners.get(identifierKey(id));
    return !o || o.customerId === customerId;
  };
  for (const [kind, column, max] of CONTACT_COLUMNS) {
    const given = inbound.contacts[column];
    if (given && !mine(given)) delete profile[column];
    if (profile[column] !== undefined || (current && current[column] !== null)) continue;
    const candidate = inbound.identifiers.find((i) => i.kind === kind && i.value.length <= max && mine(i));
    if (candidate) profile[column] = candidate.value;
  }
  return profile as UpdateCustomerInput;
}

function fallbackName(identifiers: readonly Identifier[]): string {
  const order = ['email', 'phone', 'line', 'facebook', 'pos', 'external'];
  const first = [...identifiers].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  return first?.value ?? '?';
}

async function resolveOnce(tx: DbOrTx, actor: Actor, inbound: NormalisedInbound): Promise<Resolution> {
  await lockIdentifiers(tx, inbound.identifiers);
  const owners = await findOwners(tx, inbound.identifiers);
  const decisive = inbound.identifiers.find((i) => owners.has(identifierKey(i)));
  let customerId: string;
  let matchedBy: MatchedBy | null = null;
  const skipped = decisive !== undefined && inbound.onMatch === 'skip';
  if (decisive) {
    customerId = (owners.get(identifierKey(decisive)) as IdentityOwner).customerId;
    const [row] = await tx
      .select({ email: customers.email, phone: customers.phone, lineId: customers.lineId })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, customerId)))
      // Customer before its identities, the order merges lock in, so the two never deadlock.
      .for('update');
    if (!row) throw new AppError('customer_exists_elsewhere');
    authorize(actor.principal, 'customers', 'update');
    matchedBy = { rule: matchRule(decisive), kind: decisive.kind, system: decisive.system, value: decisive.value };
    if (!skipped) {
      const profile = profileToApply(inbound, owners, customerId, row);
      if (Object.keys(profile).length) await updateCustomer(tx, actor, customerId, profile);
    }
  } else {
    const profile = profileToApply(inbound, owners, null, null);
    if (!profile.displayName && !deriveDisplayName(profile)) profile.displayName = fallbackName(inbound.identifiers);
    customerId = (await createCustomer(tx, actor, profile)).id;
  }
  const conflicts = inbound.identifiers.flatMap((i) => {
    const o = owners.get(identifierKey(i));
    return o && o.customerId !== customerId ? [{ ...i, customerId: o.customerId }] : [];
  });
  let added: Identifier[] = [];
  if (!skipped) {
    const attached = await attachIdentifiers(tx, customerId, inbound.identifiers, owners);
    added = attached.added;
    for (const l of attached.lost) conflicts.push({ ...l.identifier, customerId: l.customerId });
    if (added.length) await refreshSearchText(tx, [customerId]);
  }
  await recordResolution(tx, actor, {
    customerId,
    created: decisive === undefined,
    skipped,
    matchedBy,
    first: inbound.identifiers[0],
    channel: inbound.channel,
    added,
    conflicts,
  });
  return {
    customer: await getCustomer(tx, actor, customerId),
    created: decisive === undefined,
    matchedBy,
    conflicts: await visibleConflicts(tx, actor, conflicts),
  };
}

/** Conflicts as the caller may see them: another profile's id only if it is in their scope. */
async function visibleConflicts(
  tx: DbOrTx,
  actor: Actor,
  conflicts: { kind: Identifier['kind']; system: string; value: string; customerId: string }[],
): Promise<IdentityConflict[]> {
  const out: IdentityConflict[] = [];
  for (const c of conflicts) {
    const [row] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, c.customerId)));
    out.push({ kind: c.kind, system: c.system, value: c.value, customerId: row ? c.customerId : null });
  }
  return out;
}
