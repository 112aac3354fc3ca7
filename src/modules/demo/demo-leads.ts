import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/database.ts';
import {
  type CreateLeadInput,
  changeLeadStatus,
  createAssignmentRule,
  createLead,
  createScoringRule,
  leadEvents,
  rescoreAllLeads,
  type ScoringRuleInput,
} from '../leads/index.ts';
import { DEMO_STAFF, TEAM_BANGKOK, TEAM_CHIANG_MAI } from './demo-business.ts';
import { Random } from './random.ts';
import { COMPANIES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './thai-names.ts';
import { THAI_PLACES } from './thai-places.ts';

const DEMO_MARK = { entityType: 'lead', action: 'demo_load' } as const;
export const DEMO_LEADS = 40;
const NORTH = ['เชียงใหม่', 'ลำพูน', 'ลำปาง', 'เชียงราย'];
const SOURCES = [
  ['form', 35],
  ['line', 25],
  ['manual', 15],
  ['referral', 15],
  ['event', 10],
] as const;
const EVENTS = [
  ['visit', 40],
  ['email_open', 25],
  ['email_click', 20],
  ['reply', 10],
  ['meeting', 5],
] as const;
const DAY = 86_400_000;

const SCORING: ScoringRuleInput[] = [
  {
    name: 'กรุงเทพฯ และปริมณฑล',
    kind: 'fit',
    field: 'province',
    operator: 'equals',
    values: ['กรุงเทพมหานคร', 'นนทบุรี', 'สมุทรปราการ'],
    points: 15,
  },
  { name: 'ลูกค้าองค์กร', kind: 'fit', field: 'company', operator: 'present', values: [], points: 15 },
  { name: 'มาจากการแนะนำ', kind: 'fit', field: 'source', operator: 'equals', values: ['referral'], points: 10 },
  { name: 'กรอกฟอร์ม', kind: 'behaviour', eventKind: 'form_fill', points: 15, halfLifeDays: 30, maxEvents: 3 },
  { name: 'คลิกลิงก์ในอีเมล', kind: 'behaviour', eventKind: 'email_click', points: 10, halfLifeDays: 14, maxEvents: 5 },
  { name: 'เข้าชมเว็บไซต์', kind: 'behaviour', eventKind: 'visit', points: 3, halfLifeDays: 7, maxEvents: 10 },
  { name: 'ตอบกลับ', kind: 'behaviour', eventKind: 'reply', points: 20, halfLifeDays: 30, maxEvents: 3 },
  { name: 'นัดพบ', kind: 'behaviour', eventKind: 'meeting', points: 25, halfLifeDays: 60, maxEvents: 2 },
];

/**
 * Demo leads for the café chain: assignment rules (northern provinces → the Chiang Mai
 * team, everyone else round-robin to the Bangkok team), scoring rules, and 40 leads with
 * a few weeks of behaviour, some contacted, qualified or disqualified. Loaded once.
 */
export async function loadDemoLeads(db: Db, actor: Actor, options: { seed: number; now: Date }): Promise<number> {
  const [done] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, DEMO_MARK.entityType), eq(auditLog.action, DEMO_MARK.action)))
    .limit(1);
  if (done) return 0;
  const sales = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_STAFF.filter((s) => s.role === 'sales').map((s) => s.email),
      ),
    )
    .orderBy(asc(users.email));
  const teamOf = new Map(DEMO_STAFF.map((s) => [s.email, s.team]));
  const ids = (team: string) => sales.filter((s) => teamOf.get(s.email) === team).map((s) => s.id);
  if (ids(TEAM_BANGKOK).length === 0 || ids(TEAM_CHIANG_MAI).length === 0) return 0;
  await createAssignmentRule(db, actor, {
    name: 'ภาคเหนือ → ทีมเชียงใหม่',
    kind: 'territory',
    provinces: NORTH,
    userIds: ids(TEAM_CHIANG_MAI),
    position: 1,
  });
  await createAssignmentRule(db, actor, {
    name: 'ทุกลีด → ทีมกรุงเทพ',
    kind: 'round_robin',
    userIds: ids(TEAM_BANGKOK),
    position: 10,
  });
  for (const rule of SCORING) await createScoringRule(db, actor, rule);

  const rnd = new Random(options.seed + 505);
  const now = options.now.getTime();
  const events: (typeof leadEvents.$inferInsert)[] = [];
  for (let i = 0; i < DEMO_LEADS; i += 1) {
    const [first, firstEn] = rnd.pick(rnd.chance(0.5) ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const [last] = rnd.pick(SURNAMES);
    const business = rnd.chance(0.4) ? rnd.pick(COMPANIES) : null;
    const place = rnd.chance(0.2) ? { province: rnd.pick(NORTH) } : rnd.pick(THAI_PLACES);
    const source = rnd.weighted(SOURCES);
    const input: CreateLeadInput = {
      firstName: first,
      lastName: last,
      source,
      province: place.province,
      email: business ? `${firstEn}@${business[1]}.example.co.th` : `${firstEn}.${i}@example.com`,
      phone: `08${rnd.int(1, 9)}${rnd.digits(7)}`,
      ...(business ? { company: business[0] } : {}),
    };
    const lead = await createLead(db, actor, input);
    const age = rnd.int(1, 60);
    if (source === 'form') events.push({ leadId: lead.id, kind: 'form_fill', occurredAt: new Date(now - age * DAY) });
    for (let e = rnd.int(0, 6); e > 0; e -= 1) {
      events.push({ leadId: lead.id, kind: rnd.weighted(EVENTS), occurredAt: new Date(now - rnd.int(0, age) * DAY) });
    }
    const roll = rnd.float();
    if (roll < 0.15)
      await changeLeadStatus(db, actor, lead.id, {
        status: 'disqualified',
        reason: rnd.pick(['ไม่มีงบประมาณ', 'ติดต่อไม่ได้', 'ไม่ใช่ผู้ตัดสินใจ']),
      });
    else if (roll < 0.35) await changeLeadStatus(db, actor, lead.id, { status: 'qualified' });
    else if (roll < 0.6) await changeLeadStatus(db, actor, lead.id, { status: 'contacted' });
    // Spread the leads over the last two months, so the list is not all "today".
    await db.execute(
      sql`update leads set created_at = ${new Date(now - age * DAY).toISOString()}::timestamptz where id = ${lead.id}`,
    );
  }
  if (events.length) await db.insert(leadEvents).values(events);
  await rescoreAllLeads(db);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      entityType: DEMO_MARK.entityType,
      entityId: null,
      action: DEMO_MARK.action,
      changes: { count: { before: null, after: DEMO_LEADS }, seed: { before: null, after: options.seed } },
    }),
  );
  return DEMO_LEADS;
}
