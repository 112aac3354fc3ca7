// Issue 5, part 4: rescoring every open lead (rule score + learned score) and training the
// logistic-regression model, on synthetic leads: each has 0–8 events over the last 90 days;
// a fifth are decided (half disqualified, half converted on a won deal; clickers win more).
//   npx tsx bench/lead-scoring.ts [--leads 20000] [--pglite] [--database-url postgres://…/postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/core/auth/principal.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { rowsOf } from '../src/core/db/rows-of.ts';
import { createScoringRule } from '../src/modules/leads/manage-scoring-rules.ts';
import { rescoreAllLeads } from '../src/modules/leads/rescore-lead.ts';
import { leadScoreModels } from '../src/modules/leads/schema.ts';
import type { ScoringRuleInput } from '../src/modules/leads/scoring-rule-input.ts';
import { trainScoreModel } from '../src/modules/leads/train-score-model.ts';
import { BENCH_PG_URL, benchDatabase } from './support/pg-database.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '20000' },
    pglite: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: BENCH_PG_URL },
  },
});
const n = Number(values.leads);
const secs = (from: number) => ((performance.now() - from) / 1000).toFixed(2);
const pgBench = values.pglite ? undefined : await benchDatabase(values['database-url']);
const dir = values.pglite ? mkdtempSync(join(tmpdir(), 'sampan-bench-leads-')) : undefined;
const database = await openDatabase(
  pgBench ? { databaseUrl: pgBench.url, poolMax: 2 } : { dataDir: join(dir ?? '', 'data') },
);
try {
  console.log(`# Lead scoring, ${n.toLocaleString('en')} leads on ${database.kind}`);
  console.log(
    `machine: ${machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await migrateDatabase(database);
  const db = database.db;
  const actor = systemActor('cli');
  const rules: ScoringRuleInput[] = [
    { name: 'Bangkok', kind: 'fit', field: 'province', operator: 'equals', values: ['กรุงเทพมหานคร'], points: 15 },
    { name: 'Company', kind: 'fit', field: 'company', operator: 'present', values: [], points: 15 },
    { name: 'Referral', kind: 'fit', field: 'source', operator: 'equals', values: ['referral'], points: 10 },
    { name: 'Form', kind: 'behaviour', eventKind: 'form_fill', points: 15, halfLifeDays: 30, maxEvents: 3 },
    { name: 'Click', kind: 'behaviour', eventKind: 'email_click', points: 10, halfLifeDays: 14, maxEvents: 5 },
    { name: 'Visit', kind: 'behaviour', eventKind: 'visit', points: 3, halfLifeDays: 7, maxEvents: 10 },
    { name: 'Reply', kind: 'behaviour', eventKind: 'reply', points: 20, halfLifeDays: 30, maxEvents: 3 },
    { name: 'Meeting', kind: 'behaviour', eventKind: 'meeting', points: 25, halfLifeDays: 60, maxEvents: 2 },
  ];
  for (const rule of rules) await createScoringRule(db, actor, rule);
  let t = performance.now();
  const [customer] = await rowsOf<{ id: string }>(
    db,
    sql`insert into customers (display_name) values ('bench') returning id`,
  );
  const [deal] = await rowsOf<{ id: string }>(
    db,
    sql`insert into deals (customer_id, title, pipeline_id, stage_id, currency, status, won_at)
        select ${customer?.id}::uuid, 'bench', pipeline_id, id, 'THB', 'won', now() from pipeline_stages where kind = 'won' limit 1
        returning id`,
  );
  await db.execute(sql`
    insert into leads (display_name, province, company, source, status, disqualify_reason, disqualified_at,
                       converted_at, converted_customer_id, converted_deal_id)
    select 'lead ' || g,
      case when g % 3 = 0 then 'กรุงเทพมหานคร' else 'เชียงใหม่' end,
      case when g % 7 = 0 then 'บริษัท ' || g end,
      case when g % 5 = 0 then 'referral' else 'form' end,
      case when g % 10 = 0 then (case when (g / 10) % 2 = 0 then 'disqualified' else 'converted' end) else 'new' end,
      case when g % 10 = 0 and (g / 10) % 2 = 0 then 'bench' end,
      case when g % 10 = 0 and (g / 10) % 2 = 0 then now() end,
      case when g % 10 = 0 and (g / 10) % 2 = 1 then now() end,
      case when g % 10 = 0 and (g / 10) % 2 = 1 then ${customer?.id}::uuid end,
      case when g % 10 = 0 and (g / 10) % 2 = 1 then ${deal?.id}::uuid end
    from generate_series(1, ${n}::int) g`);
  await db.execute(sql`
    insert into lead_events (lead_id, kind, occurred_at)
    select l.id, (array['form_fill','email_open','email_click','visit','reply','meeting'])[1 + floor(random() * 6)::int],
      now() - random() * interval '90 days'
    from leads l, generate_series(1, 8) k
    where k <= floor(random() * 9) + case when l.status = 'converted' then 2 else 0 end`);
  const [counts] = await rowsOf<{ events: number }>(db, sql`select count(*)::int as events from lead_events`);
  console.log(`loaded ${n} leads and ${counts?.events} events in ${secs(t)} s`);
  t = performance.now();
  const rescored = await rescoreAllLeads(db);
  console.log(`| rescore all open leads (rule score) | ${rescored} | ${secs(t)} s |`);
  const [model] = await db.insert(leadScoreModels).values({ minOutcomes: 40 }).returning();
  t = performance.now();
  const trained = await trainScoreModel(db, String(model?.id));
  console.log(
    `| train (n=${trained.nTrain}, holdout ${trained.nHoldout}) + rescore with the model | ${trained.status} | ${secs(t)} s | accuracy ${trained.accuracy?.toFixed(3)}, AUC ${trained.auc?.toFixed(3)} |`,
  );
} finally {
  await database.close();
  await pgBench?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
