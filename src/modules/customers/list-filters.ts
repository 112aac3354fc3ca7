import { z } from '@hono/zod-openapi';
import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { FieldError } from '../../core/http/problem.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { visibleCustomer } from './get-customer.ts';
import { CUSTOMER_KINDS, CUSTOMER_TYPES } from './profile-codes.ts';
import { customers, customFieldDefinitions } from './schema.ts';
import { searchQuery } from './search-text.ts';

export const CUSTOMER_SORTS = ['created_desc', 'created_asc', 'name_asc', 'updated_desc'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const CONSENT_FILTER = /^([a-z0-9_]{1,50}):([a-z0-9_]{1,20}):(granted|withdrawn|denied|none)$/;

function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A query parameter that may be given once or repeated (?tag=a&tag=b). */
function repeatable<T extends z.ZodTypeAny>(item: T) {
  return z.union([item, z.array(item).max(20)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
}

/** An RFM score as a query parameter: a whole number 1–5. */
const rfmScore = z.coerce.number().int().min(1).max(5);

const dateParam = z.string().refine(isDate, {
  message: 'a date is YYYY-MM-DD',
  params: { th: 'วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)' },
});

/**
 * Filters of the customer list, shared by GET /customers and the CSV/XLSX export so both
 * select the same rows. Custom fields are filtered with extra parameters
 * `cf.<key>=value`, `cf.<key>.gte=` and `cf.<key>.lte=` (numbers and dates).
 */
export const customerListFilterSchema = z
  .object({
    q: z.string().trim().max(200).optional().openapi({
      description:
        'Search: Thai names (no spaces needed, prefixes), Latin names (any case/accents), phone in any format or its last digits, email, LINE id, tags.',
    }),
    tag: repeatable(z.string().trim().min(1).max(50))
      .optional()
      .openapi({ description: 'Repeat for several; every tag must match.' }),
    ownerId: z
      .union([z.literal('me'), z.literal('none'), z.string().uuid()])
      .optional()
      .openapi({ description: "A user id, 'me' or 'none' (no owner)." }),
    kind: z.enum(CUSTOMER_KINDS).optional(),
    customerType: z.enum(CUSTOMER_TYPES).optional(),
    province: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().toLowerCase().min(1).max(50).optional(),
    createdFrom: dateParam.optional().openapi({ description: 'First day (business time zone), YYYY-MM-DD.' }),
    createdTo: dateParam.optional().openapi({ description: 'Last day, inclusive (business time zone), YYYY-MM-DD.' }),
    consent: repeatable(
      z.string().refine((v) => CONSENT_FILTER.test(v), {
        message: 'consent filter is <purpose>:<channel>:<granted|withdrawn|denied|none>',
        params: { th: 'ตัวกรองความยินยอมต้องเป็น <วัตถุประสงค์>:<ช่องทาง>:<granted|withdrawn|denied|none>' },
      }),
    )
      .optional()
      .openapi({ description: 'e.g. marketing:email:granted; none = no record for that purpose and channel.' }),
    referredBy: z.string().uuid().optional().openapi({ description: 'Customers referred by this customer.' }),
    ladderStage: repeatable(
      z.enum(['prospect', 'first_time_buyer', 'repeat_customer', 'supporter', 'advocate', 'partner']),
    )
      .optional()
      .openapi({ description: 'Relationship ladder stage; repeat for several (any may match).' }),
    valueGrade: repeatable(z.enum(['A', 'B', 'C']))
      .optional()
      .openapi({ description: 'Value grade of the last analytics recompute; repeat for several.' }),
    rfmSegment: repeatable(
      z.enum([
        'champions',
        'loyal',
        'potential_loyalists',
        'new',
        'promising',
        'need_attention',
        'about_to_sleep',
        'at_risk',
        'cant_lose_them',
        'hibernating',
        'lost',
      ]),
    )
      .optional()
      .openapi({ description: 'RFM segment of the last analytics recompute; repeat for several.' }),
    churnRisk: repeatable(z.enum(['low', 'medium', 'high']))
      .optional()
      .openapi({ description: 'Churn risk band of the last analytics recompute; repeat for several.' }),
    rfmR: repeatable(rfmScore)
      .optional()
      .openapi({ description: 'RFM recency score (1–5) of the last analytics recompute; repeat for several.' }),
    rfmF: repeatable(rfmScore)
      .optional()
      .openapi({ description: 'RFM frequency score (1–5) of the last analytics recompute; repeat for several.' }),
    sort: z.enum(CUSTOMER_SORTS).default('created_desc'),
  })
  .loose();
export type CustomerListFilterInput = z.input<typeof customerListFilterSchema>;
export type CustomerListFilter = z.output<typeof customerListFilterSchema>;

type CfOp = 'eq' | 'gte' | 'lte';
interface CfFilter {
  param: string;
  key: string;
  op: CfOp;
  value: string;
}

/** The cf.* parameters of a query, in the order given. */
function customFieldParams(filter: Record<string, unknown>, errors: FieldError[]): CfFilter[] {
  const out: CfFilter[] = [];
  for (const [param, raw] of Object.entries(filter)) {
    if (!param.startsWith('cf.')) continue;
    const m = /^cf\.([a-z][a-z0-9_]{0,49})(?:\.(gte|lte))?$/.exec(param);
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!m?.[1] || typeof value !== 'string') {
      errors.push({
        path: param,
        message: 'custom field filters are cf.<key>=value, cf.<key>.gte=value or cf.<key>.lte=value',
        th: 'ตัวกรองฟิลด์กำหนดเองต้องเป็น cf.<key>=ค่า, cf.<key>.gte=ค่า หรือ cf.<key>.lte=ค่า',
      });
      continue;
    }
    out.push({ param, key: m[1], op: (m[2] as CfOp | undefined) ?? 'eq', value: value.trim() });
  }
  return out;
}

async function customFieldConditions(db: DbOrTx, filters: CfFilter[], errors: FieldError[]): Promise<SQL[]> {
  if (filters.length === 0) return [];
  const defs = await db
    .select({ key: customFieldDefinitions.key, type: customFieldDefinitions.type })
    .from(customFieldDefinitions)
    .where(
      inArray(
        customFieldDefinitions.key,
        filters.map((f) => f.key),
      ),
    );
  const typeOf = new Map(defs.map((d) => [d.key, d.type]));
  const conds: SQL[] = [];
  const cf = customers.customFields;
  for (const f of filters) {
    const type = typeOf.get(f.key);
    if (!type) {
      errors.push({ path: f.param, message: `no custom field ${f.key}`, th: `ไม่มีฟิลด์กำหนดเอง ${f.key}` });
      continue;
    }
    if (type === 'number') {
      const n = Number(f.value);
      if (f.value === '' || !Number.isFinite(n)) {
        errors.push({ path: f.param, message: 'give a number', th: 'กรุณาใส่ตัวเลข' });
        continue;
      }
      if (f.op === 'eq') conds.push(sql`${cf} @> jsonb_build_object(${f.key}::text, ${n}::numeric)`);
      else {
        const value = sql`(case when jsonb_typeof(${cf} -> ${f.key}::text) = 'number' then (${cf} ->> ${f.key}::text)::numeric end)`;
        conds.push(f.op === 'gte' ? sql`${value} >= ${n}::numeric` : sql`${value} <= ${n}::numeric`);
      }
      continue;
    }
    if (type === 'date') {
      if (!isDate(f.value)) {
        errors.push({ path: f.param, message: 'a date is YYYY-MM-DD', th: 'วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)' });
        continue;
      }
      if (f.op === 'eq') conds.push(sql`${cf} @> jsonb_build_object(${f.key}::text, ${f.value}::text)`);
      else {
        const value = sql`(${cf} ->> ${f.key}::text)`;
        conds.push(f.op === 'gte' ? sql`${value} >= ${f.value}::text` : sql`${value} <= ${f.value}::text`);
      }
      continue;
    }
    if (f.op !== 'eq') {
      errors.push({
        path: f.param,
        message: '.gte and .lte work only on number and date fields',
        th: '.gte และ .lte ใช้ได้เฉพาะฟิลด์ตัวเลขและวันที่',
      });
      continue;
    }
    conds.push(
      type === 'multi_select'
        ? sql`${cf} @> jsonb_build_object(${f.key}::text, jsonb_build_array(${f.value}::text))`
        : sql`${cf} @> jsonb_build_object(${f.key}::text, ${f.value}::text)`,
    );
  }
  return conds;
}

function consentConditions(specs: readonly string[]): SQL[] {
  return specs.map((spec) => {
    const [, purpose, channel, status] = CONSENT_FILTER.exec(spec) ?? [];
    // consent_state belongs to the consent module, which sits above customers: reached by
    // table name here so the dependency stays one-way.
    const match = sql`select 1 from consent_state cs where cs.customer_id = ${customers.id} and cs.purpose = ${purpose} and cs.channel = ${channel}`;
    if (status === 'none') return sql`not exists (${match})`;
    return sql`exists (${match} and cs.status = ${status})`;
  });
}

/**
 * How the search condition is offered to the planner: 'index' as `@@` (GIN); 'per_row'
 * hidden in an expression no index serves, so a common term is tested row by row while
 * walking the sort's index (see list-customers.ts).
 */
export type SearchPlan = 'index' | 'per_row';

/**
 * The WHERE of the customer list for this caller: active profiles they may see that match
 * every filter. Throws validation_failed (per parameter) for unknown custom fields or bad values.
 */
export async function customerListWhere(
  db: DbOrTx,
  actor: Actor,
  filter: CustomerListFilter,
  search: SearchPlan = 'index',
): Promise<SQL | undefined> {
  authorize(actor.principal, 'customers', 'read');
  const errors: FieldError[] = [];
  const cfConds = await customFieldConditions(db, customFieldParams(filter, errors), errors);
  if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
  const conds: (SQL | undefined)[] = [eq(customers.status, 'active'), ...cfConds];
  if (filter.q) {
    const tsquery = searchQuery(filter.q);
    // search_vector is the stored tsvector of search_text (migration 0004), GIN-indexed.
    // A term without any word (only punctuation) finds nothing rather than everything.
    const match = sql`${customers}.search_vector @@ to_tsquery('simple'::regconfig, ${tsquery ?? ''})`;
    conds.push(!tsquery ? sql`false` : search === 'index' ? match : sql`coalesce(${match}, false)`);
  }
  if (filter.tag?.length)
    conds.push(
      sql`${customers.tags} @> array[${sql.join(
        filter.tag.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  if (filter.ownerId === 'me')
    conds.push(eq(customers.ownerId, actor.principal.userId ?? '00000000-0000-0000-0000-000000000000'));
  else if (filter.ownerId === 'none') conds.push(isNull(customers.ownerId));
  else if (filter.ownerId) conds.push(eq(customers.ownerId, filter.ownerId));
  if (filter.kind) conds.push(eq(customers.kind, filter.kind));
  if (filter.customerType) conds.push(eq(customers.customerType, filter.customerType));
  if (filter.province) conds.push(eq(customers.province, filter.province));
  if (filter.source) conds.push(eq(customers.source, filter.source));
  if (filter.referredBy) conds.push(eq(customers.referredById, filter.referredBy), ne(customers.id, filter.referredBy));
  if (filter.createdFrom || filter.createdTo) {
    const { timeZone } = await getSettings(db);
    if (filter.createdFrom) {
      conds.push(sql`${customers.createdAt} >= (${filter.createdFrom}::date::timestamp at time zone ${timeZone})`);
    }
    if (filter.createdTo) {
      conds.push(sql`${customers.createdAt} < ((${filter.createdTo}::date + 1)::timestamp at time zone ${timeZone})`);
    }
  }
  if (filter.consent?.length) conds.push(...consentConditions(filter.consent));
  if (filter.ladderStage?.length) {
    // customer_ladder belongs to the ladder module, above customers: reached by table name (as consent_state is).
    const stages = sql.join(
      filter.ladderStage.map((s) => sql`${s}`),
      sql`, `,
    );
    conds.push(
      sql`coalesce((select cl.stage from customer_ladder cl where cl.customer_id = ${customers.id}), 'prospect') in (${stages})`,
    );
  }
  // customer_scores belongs to the analytics module, above customers: reached by table name too.
  for (const [column, values] of [
    ['value_grade', filter.valueGrade],
    ['rfm_segment', filter.rfmSegment],
    ['churn_risk', filter.churnRisk],
    ['rfm_r', filter.rfmR],
    ['rfm_f', filter.rfmF],
  ] as const) {
    if (!values?.length) continue;
    const list = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    conds.push(
      sql`exists (select 1 from customer_scores cs where cs.customer_id = ${customers.id} and cs.${sql.raw(column)} in (${list}))`,
    );
  }
  return visibleCustomer(actor, and(...conds));
}
