import { z } from '@hono/zod-openapi';
import { zodIssues } from '../../core/http/problem.ts';
import { leadDisplayName } from './create-lead.ts';
import { createLeadSchema, LEAD_SOURCES } from './lead-input.ts';

/** A reason a row cannot be imported, in English and Thai ("field: reason"). */
export interface RowError {
  en: string;
  th: string;
}

/** Status words a file may use (English or Thai); converted leads come only from conversion. */
const STATUS_WORDS: Record<string, 'new' | 'contacted' | 'qualified' | 'disqualified'> = {
  new: 'new',
  ใหม่: 'new',
  ลีดใหม่: 'new',
  contacted: 'contacted',
  ติดต่อแล้ว: 'contacted',
  qualified: 'qualified',
  ผ่านการคัดกรอง: 'qualified',
  ผ่านเกณฑ์: 'qualified',
  disqualified: 'disqualified',
  ไม่ผ่านการคัดกรอง: 'disqualified',
  ไม่ผ่านเกณฑ์: 'disqualified',
};

const SOURCE_WORDS: Record<string, (typeof LEAD_SOURCES)[number]> = {
  ...Object.fromEntries(LEAD_SOURCES.map((s) => [s, s])),
  web: 'form',
  website: 'form',
  แบบฟอร์ม: 'form',
  เว็บไซต์: 'form',
  นำเข้า: 'import',
  ไลน์: 'line',
  แนะนำ: 'referral',
  ลูกค้าแนะนำ: 'referral',
  งานอีเวนต์: 'event',
  อีเวนต์: 'event',
  ออกบูธ: 'event',
  อื่นๆ: 'other',
  อื่น: 'other',
};

/** The cells of one lead row, by field (absent: the file has no such column or the cell is empty). */
export interface LeadImportCells {
  name?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  jobTitle?: string;
  email?: string;
  phone?: string;
  lineId?: string;
  province?: string;
  source?: string;
  sourceDetail?: string;
  notes?: string;
  owner?: string;
  status?: string;
  disqualifyReason?: string;
}

/** One lead read from a file, checked like POST /leads. */
export interface ImportedLead {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  lineId: string | null;
  province: string | null;
  source: (typeof LEAD_SOURCES)[number];
  sourceDetail: string | null;
  notes: string | null;
  displayName: string;
  /** Lower-cased email of the owner named in the file. */
  ownerEmail: string | null;
  status: 'new' | 'contacted' | 'qualified' | 'disqualified';
  disqualifyReason: string | null;
}

/** "สมชาย ใจดี" → first name สมชาย, last name ใจดี; one word is a first name. */
function splitName(name: string): { firstName: string; lastName?: string } {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return rest.length ? { firstName: first, lastName: rest.join(' ') } : { firstName: first };
}

const ownerEmail = z.string().trim().toLowerCase().pipe(z.email());

/**
 * Checks one row of a lead import with the same rules as entering a lead by hand (email,
 * Thai phone normalised to E.164, lengths, at least a name or contact), plus the file's
 * status and owner. Returns every problem of the row, not just the first.
 */
export function parseLeadCells(cells: LeadImportCells): { lead: ImportedLead } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const name = cells.name && !cells.firstName && !cells.lastName ? splitName(cells.name) : {};
  let source: ImportedLead['source'] = 'import';
  if (cells.source) {
    const s = SOURCE_WORDS[cells.source.trim().toLowerCase()];
    if (s) source = s;
    else
      errors.push({
        en: `source: must be one of ${LEAD_SOURCES.join(', ')}`,
        th: `source: ต้องเป็น ${LEAD_SOURCES.join(', ')} หรือ แบบฟอร์ม ไลน์ แนะนำ อีเวนต์ นำเข้า อื่นๆ`,
      });
  }
  let status: ImportedLead['status'] = 'new';
  if (cells.status) {
    const s = STATUS_WORDS[cells.status.trim().toLowerCase()];
    if (s) status = s;
    else
      errors.push({
        en: 'status: must be new, contacted, qualified or disqualified',
        th: 'status: ต้องเป็น ใหม่ ติดต่อแล้ว ผ่านการคัดกรอง หรือ ไม่ผ่านการคัดกรอง (new, contacted, qualified, disqualified)',
      });
  }
  const reason = cells.disqualifyReason?.trim() || null;
  if (status === 'disqualified' && !reason)
    errors.push({
      en: 'disqualifyReason: a disqualified lead needs a reason',
      th: 'disqualifyReason: ลีดที่ไม่ผ่านการคัดกรองต้องระบุเหตุผล',
    });
  if (reason && reason.length > 500)
    errors.push({ en: 'disqualifyReason: at most 500 characters', th: 'disqualifyReason: ยาวได้ไม่เกิน 500 ตัวอักษร' });
  let owner: string | null = null;
  if (cells.owner) {
    const parsed = ownerEmail.safeParse(cells.owner);
    if (parsed.success) owner = parsed.data;
    else errors.push({ en: 'owner: not an email address', th: 'owner: ไม่ใช่อีเมล' });
  }
  const { name: _n, owner: _o, status: _s, disqualifyReason: _d, source: _src, ...fields } = cells;
  const parsed = createLeadSchema.safeParse({ ...fields, ...name, source });
  if (!parsed.success) {
    for (const issue of zodIssues(parsed.error)) {
      const field = issue.path === 'firstName' && cells.name && !cells.firstName ? 'name' : issue.path;
      errors.push({ en: `${field}: ${issue.message}`, th: `${field}: ${issue.th ?? issue.message}` });
    }
    return { errors };
  }
  const data = parsed.data;
  const displayName = leadDisplayName(data);
  if (!displayName)
    errors.push({
      en: 'lead: needs at least a name, company, email, phone or LINE id',
      th: 'lead: ต้องมีอย่างน้อยชื่อ บริษัท อีเมล เบอร์โทร หรือ LINE ID',
    });
  if (errors.length || !displayName) return { errors };
  return {
    lead: {
      firstName: data.firstName ?? null,
      lastName: data.lastName ?? null,
      company: data.company ?? null,
      jobTitle: data.jobTitle ?? null,
      email: data.email ?? null,
      phone: data.phone ?? null,
      lineId: data.lineId ?? null,
      province: data.province ?? null,
      source: data.source,
      sourceDetail: data.sourceDetail ?? null,
      notes: data.notes ?? null,
      displayName,
      ownerEmail: owner,
      status,
      disqualifyReason: status === 'disqualified' ? reason : null,
    },
  };
}
