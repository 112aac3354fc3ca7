import { z } from '@hono/zod-openapi';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { authorize, visibleTo } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { customers, customerViewSchema, toCustomerView, validateInput, visibleCustomer } from '../customers/index.ts';
import { rowsOf } from './customer-tables.ts';
import { type FindDuplicatesInput, findDuplicatesQuerySchema } from './dedupe-input.ts';
import { candidatePairs } from './duplicate-rules.ts';
import { inFinderSession } from './finder-session.ts';

const REASONS: Record<string, { en: string; th: string }> = {
  same_tax_id: { en: 'Same tax id', th: 'เลขประจำตัวผู้เสียภาษีตรงกัน' },
  phone_as_other_id: {
    en: "A LINE, Facebook, POS or external id equals the other profile's phone number",
    th: 'รหัส LINE, Facebook, POS หรือรหัสภายนอก ตรงกับเบอร์โทรของอีกโปรไฟล์',
  },
  same_name_birthday: { en: 'Same name and birthday', th: 'ชื่อและวันเกิดตรงกัน' },
  same_name_address: { en: 'Same name and address', th: 'ชื่อและที่อยู่ตรงกัน' },
  same_name_company: { en: 'Same name at the same company', th: 'ชื่อตรงกันและอยู่บริษัทเดียวกัน' },
  same_name_area: {
    en: 'Same name, postcode and district',
    th: 'ชื่อ รหัสไปรษณีย์ และอำเภอ/เขตตรงกัน',
  },
  email_local: {
    en: 'Same email name at another domain, and a similar name',
    th: 'ชื่ออีเมลเดียวกันแต่ต่างโดเมน และชื่อคล้ายกัน',
  },
  similar_name_phone4: {
    en: 'Similar name and the same last 4 phone digits',
    th: 'ชื่อคล้ายกันและเบอร์โทร 4 ตัวท้ายตรงกัน',
  },
  similar_name_postcode: { en: 'Similar name and the same postcode', th: 'ชื่อคล้ายกันและรหัสไปรษณีย์เดียวกัน' },
  similar_name_province: { en: 'Similar name and the same province', th: 'ชื่อคล้ายกันและจังหวัดเดียวกัน' },
};

export const duplicateReasonSchema = z.object({ code: z.string(), en: z.string(), th: z.string() });

export const duplicatePairSchema = z
  .object({
    customerIds: z.tuple([z.uuid(), z.uuid()]),
    score: z.number().int().openapi({ description: '0–100: how likely the two profiles are one person.' }),
    nameSimilarity: z.number().openapi({ description: 'Trigram similarity of the normalised names, 0–1.' }),
    reasons: z.array(duplicateReasonSchema),
    customers: z.array(customerViewSchema),
  })
  .openapi('DuplicatePair');
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

interface PairRow {
  a: string;
  b: string;
  score: number;
  codes: string[];
  sim: number;
}

function pairsQuery(actor: Actor, focusId: string | null): SQL {
  const visible = visibleTo(actor.principal, 'customers', { ownerId: customers.ownerId, teamId: customers.teamId });
  return candidatePairs(visible, focusId);
}

/**
 * Suspected duplicates among the profiles the caller may see (both of a pair visible),
 * best score first, keyset-paginated on (score, a, b). See duplicate-rules.ts for the rules.
 */
export async function findDuplicates(db: DbOrTx, actor: Actor, raw: FindDuplicatesInput): Promise<Page<DuplicatePair>> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(findDuplicatesQuerySchema, raw);
  const focusId = input.customerId ?? null;
  if (focusId) {
    const [seen] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(visibleCustomer(actor, sql`${customers.id} = ${focusId}`));
    if (!seen) throw new AppError('not_found');
  }
  const after = decodeCursor(input.cursor, 3);
  let page: SQL = sql``;
  if (after) {
    const [score, a, b] = after;
    const uuid = /^[0-9a-f-]{36}$/i;
    if (typeof score !== 'number' || typeof a !== 'string' || typeof b !== 'string' || !uuid.test(a) || !uuid.test(b)) {
      throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
    }
    page = sql`and (d.score < ${score} or (d.score = ${score} and (d.a, d.b) > (${a}, ${b})))`;
  }
  const rows = await inFinderSession(db, (tx) =>
    rowsOf<PairRow>(
      tx,
      sql`select * from (${pairsQuery(actor, focusId)}) d
           where d.score >= ${input.minScore ?? 50} ${page}
           order by d.score desc, d.a, d.b limit ${(input.limit ?? 50) + 1}`,
    ),
  );
  const ids = [...new Set(rows.flatMap((r) => [r.a, r.b]))];
  const profiles = ids.length ? await db.select().from(customers).where(inArray(customers.id, ids)) : [];
  const byId = new Map(profiles.map((p) => [p.id, toCustomerView(p)]));
  const pairs = rows.map((r) => ({
    customerIds: [r.a, r.b] as [string, string],
    score: Number(r.score),
    nameSimilarity: Math.round(Number(r.sim) * 100) / 100,
    reasons: r.codes.map((code) => ({ code, ...(REASONS[code] ?? { en: code, th: code }) })),
    customers: [byId.get(r.a), byId.get(r.b)].filter((v) => v !== undefined),
  }));
  return toPage(pairs, input.limit ?? 50, (p) => [p.score, p.customerIds[0], p.customerIds[1]]);
}

/** How many suspected duplicate pairs (score ≥ minScore) the caller can see: for the data-quality page. */
export async function countDuplicateCandidates(db: DbOrTx, actor: Actor, minScore = 50): Promise<number> {
  authorize(actor.principal, 'customers', 'read');
  const [row] = await inFinderSession(db, (tx) =>
    rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from (${pairsQuery(actor, null)}) d where d.score >= ${minScore}`,
    ),
  );
  return Number(row?.n ?? 0);
}
