import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { assignLeadsBatch } from './assign-leads-batch.ts';
import type { ImportedLead } from './lead-import-row.ts';
import { rescoreLeads } from './rescore-lead.ts';
import { leads } from './schema.ts';

export const ON_DUPLICATE = ['skip', 'create'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

export interface LeadBatchRow {
  line: number;
  lead: ImportedLead;
}

export interface LeadBatchOutcome {
  line: number;
  action: 'create' | 'skip' | 'reject';
  /** "English / Thai" for a rejected or skipped row. */
  reason: string | null;
  leadId: string | null;
}

type Owner = { ownerId: string | null; teamId: string | null; ruleId: string | null };

const both = (en: string, th: string) => `${en} / ${th}`;

/** Active users named as owners in the batch, by lower-case email. */
async function ownersByEmail(tx: DbOrTx, emails: string[]) {
  if (emails.length === 0) return new Map<string, { id: string; teamId: string | null }>();
  const rows = await tx
    .select({ id: users.id, email: users.email, teamId: users.teamId })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, emails), eq(users.status, 'active')));
  return new Map(rows.map((u) => [u.email.toLowerCase(), { id: u.id, teamId: u.teamId }]));
}

/** Existing leads with one of these emails or phones (index scans on leads_email_idx / leads_phone_idx). */
async function existingKeys(tx: DbOrTx, rows: LeadBatchRow[]): Promise<Map<string, string>> {
  const emails = [...new Set(rows.flatMap((r) => (r.lead.email ? [r.lead.email] : [])))];
  const phones = [...new Set(rows.flatMap((r) => (r.lead.phone ? [r.lead.phone] : [])))];
  const keys = new Map<string, string>();
  if (emails.length === 0 && phones.length === 0) return keys;
  const found = await tx
    .select({ name: leads.displayName, email: leads.email, phone: leads.phone })
    .from(leads)
    .where(
      or(
        emails.length ? inArray(leads.email, emails) : undefined,
        phones.length ? inArray(leads.phone, phones) : undefined,
      ),
    );
  for (const l of found) {
    if (l.email) keys.set(`e:${l.email}`, l.name);
    if (l.phone) keys.set(`p:${l.phone}`, l.name);
  }
  return keys;
}

const keysOf = (lead: ImportedLead) => [
  ...(lead.email ? [`e:${lead.email}`] : []),
  ...(lead.phone ? [`p:${lead.phone}`] : []),
];

/**
 * Writes one batch of imported leads in the caller's transaction: owners named in the file
 * checked (an active user; a salesperson may name only themselves), leads whose email or
 * phone is already on a lead (or earlier in the file) skipped unless `onDuplicate` is
 * 'create', the rest owned by the assignment rules as when entered one by one, inserted
 * set-based and scored. Nothing but the plan is computed in a dry run.
 */
export async function importLeadBatch(
  tx: DbOrTx,
  actor: Actor,
  rows: LeadBatchRow[],
  options: { dryRun: boolean; onDuplicate: OnDuplicate },
): Promise<LeadBatchOutcome[]> {
  authorize(actor.principal, 'sales', 'create');
  const me = actor.principal.userId ?? null;
  const ownScope = scopeFor(actor.principal, 'sales') === 'own';
  const owners = await ownersByEmail(tx, [
    ...new Set(rows.flatMap((r) => (r.lead.ownerEmail ? [r.lead.ownerEmail] : []))),
  ]);
  const seen = options.onDuplicate === 'skip' ? await existingKeys(tx, rows) : new Map<string, string>();
  const outcomes: LeadBatchOutcome[] = [];
  const accepted: { row: LeadBatchRow; owner: Owner | null; outcome: LeadBatchOutcome }[] = [];
  const myTeam = me
    ? ((await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, me)))[0]?.teamId ?? null)
    : null;
  for (const row of rows) {
    const { lead } = row;
    let owner: Owner | null = null;
    if (lead.ownerEmail) {
      const user = owners.get(lead.ownerEmail);
      if (!user) {
        outcomes.push({
          line: row.line,
          action: 'reject',
          reason: both(`owner: no active user ${lead.ownerEmail}`, `owner: ไม่พบผู้ใช้ที่ใช้งานอยู่ ${lead.ownerEmail}`),
          leadId: null,
        });
        continue;
      }
      if (ownScope && user.id !== me) {
        outcomes.push({
          line: row.line,
          action: 'reject',
          reason: both('owner: your role may only name yourself', 'owner: บทบาทของคุณกำหนดผู้ดูแลได้เฉพาะตัวเอง'),
          leadId: null,
        });
        continue;
      }
      owner = { ownerId: user.id, teamId: user.teamId, ruleId: null };
    } else if (ownScope && me) {
      owner = { ownerId: me, teamId: myTeam, ruleId: null };
    }
    if (options.onDuplicate === 'skip') {
      const dupe = keysOf(lead).find((k) => seen.has(k));
      if (dupe) {
        const what = dupe.startsWith('e:') ? 'email' : 'phone';
        const whatTh = what === 'email' ? 'อีเมล' : 'เบอร์โทร';
        const name = seen.get(dupe) ?? '';
        outcomes.push({
          line: row.line,
          action: 'skip',
          reason: both(`a lead with this ${what} exists: ${name}`, `มีลีดที่ใช้${whatTh}นี้อยู่แล้ว: ${name}`),
          leadId: null,
        });
        continue;
      }
      for (const k of keysOf(lead)) seen.set(k, lead.displayName);
    }
    const outcome: LeadBatchOutcome = { line: row.line, action: 'create', reason: null, leadId: null };
    outcomes.push(outcome);
    accepted.push({ row, owner, outcome });
  }
  if (options.dryRun || accepted.length === 0) return outcomes;

  const unowned = accepted.filter((a) => a.owner === null);
  const byRule = await assignLeadsBatch(
    tx,
    unowned.map((a) => ({ province: a.row.lead.province, source: a.row.lead.source })),
  );
  unowned.forEach((a, i) => {
    a.owner = byRule[i] ?? { ownerId: me, teamId: myTeam, ruleId: null };
  });
  const now = new Date().toISOString();
  const records = accepted.map(({ row: { lead }, owner, outcome }) => {
    outcome.leadId = randomUUID();
    return {
      id: outcome.leadId,
      display_name: lead.displayName,
      first_name: lead.firstName,
      last_name: lead.lastName,
      company: lead.company,
      job_title: lead.jobTitle,
      email: lead.email,
      phone: lead.phone,
      line_id: lead.lineId,
      province: lead.province,
      source: lead.source,
      source_detail: lead.sourceDetail,
      status: lead.status,
      disqualify_reason: lead.disqualifyReason,
      notes: lead.notes,
      owner_id: owner?.ownerId ?? null,
      team_id: owner?.teamId ?? null,
      assigned_by_rule_id: owner?.ruleId ?? null,
      contacted_at: lead.status === 'contacted' || lead.status === 'qualified' ? now : null,
      qualified_at: lead.status === 'qualified' ? now : null,
      disqualified_at: lead.status === 'disqualified' ? now : null,
      created_by: me,
      created_at: now,
      updated_at: now,
    };
  });
  const columns = sql.raw(Object.keys(records[0] ?? {}).join(', '));
  // One statement per batch; the rows travel as one JSON parameter (no parameter limit).
  await tx.execute(sql`insert into ${leads} (${columns})
    select ${columns} from jsonb_populate_recordset(null::${leads}, ${JSON.stringify(records)}::jsonb)`);
  await rescoreLeads(
    tx,
    records.map((r) => r.id),
  );
  return outcomes;
}
