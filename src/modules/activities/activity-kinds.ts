/**
 * What a timeline entry can be, and the small `data` shape each kind carries, so every
 * module writes entries the timeline can summarise. Modules write through
 * recordActivities (record-activity.ts); the columns subject/body/direction/channel/
 * durationMinutes/outcome/refType/refId hold what fits them, `data` holds the rest:
 *
 *   note, call, meeting   (logged by staff)  data: {}
 *   email, message        data: { to?: string, template?: string }    channel column: email | sms | line | …
 *   order, deal, ticket   data: { number?: string, status?: string, amount?: number (satang), currency?: string }
 *   campaign              data: { campaign?: string, action?: 'sent' | 'opened' | 'clicked' | … }
 *   consent               data: ConsentData   (one entry per consent record)
 *   points                data: { points: number, balance?: number, reason?: string }
 *   identity_match        data: IdentityMatchData   (identity module, one entry per resolution)
 *   merge                 data: MergeData         (dedupe module, on the surviving profile; also unmerge)
 *   import                data: ImportData        (imports module, one entry per imported row)
 *   system                data: anything; subject is shown as it is, except a ladder stage change
 *                         (ladder module, refType 'ladder'): data: { ladder: { from, to, source } }
 *
 * An unknown or malformed `data` never breaks the timeline: the summary falls back to the
 * subject, then to the kind's name.
 */
export const ACTIVITY_KINDS = [
  'note',
  'call',
  'meeting',
  'email',
  'message',
  'order',
  'deal',
  'ticket',
  'campaign',
  'consent',
  'points',
  'identity_match',
  'merge',
  'import',
  'system',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The kinds staff log by hand; only these may be edited or deleted. */
export const LOGGED_KINDS = ['note', 'call', 'meeting'] as const;
export type LoggedKind = (typeof LOGGED_KINDS)[number];

export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;

export interface IdentityMatchData {
  /** The rule that matched (e.g. 'phone', 'external:shopify'); null when a profile was created. */
  rule: string | null;
  kind: string | null;
  system?: string;
  value: string | null;
  /** api | import | form | message */
  channel: string;
  created: boolean;
  /** Identifiers of the inbound record that belong to other profiles. */
  conflicts?: { kind: string; system?: string; value: string; customerId: string }[];
}

export interface ConsentData {
  purpose: string;
  channel: string;
  /** granted | withdrawn | denied */
  status: string;
  source?: string;
}

export interface MergeData {
  /** merge (on the survivor) | unmerge (undone within the grace period) */
  action: 'merge' | 'unmerge';
  mergeId: string;
  mergedIds?: string[];
  mergedNames?: string[];
  restoredIds?: string[];
}

export interface ImportData {
  importId: string;
  fileName?: string;
  line?: number;
  /** created | updated | skipped */
  action: string;
}

export interface Summary {
  en: string;
  th: string;
}

const KIND_NAMES: Record<ActivityKind, Summary> = {
  note: { en: 'Note', th: 'บันทึก' },
  call: { en: 'Call', th: 'โทรศัพท์' },
  meeting: { en: 'Meeting', th: 'นัดพบ' },
  email: { en: 'Email', th: 'อีเมล' },
  message: { en: 'Message', th: 'ข้อความ' },
  order: { en: 'Order', th: 'คำสั่งซื้อ' },
  deal: { en: 'Deal', th: 'ดีล' },
  ticket: { en: 'Ticket', th: 'เรื่องบริการ' },
  campaign: { en: 'Campaign', th: 'แคมเปญ' },
  consent: { en: 'Consent', th: 'ความยินยอม' },
  points: { en: 'Points', th: 'คะแนน' },
  identity_match: { en: 'Identity match', th: 'จับคู่ตัวตน' },
  merge: { en: 'Merge', th: 'รวมโปรไฟล์' },
  import: { en: 'Import', th: 'นำเข้าข้อมูล' },
  system: { en: 'System', th: 'ระบบ' },
};

const OUTCOME_NAMES: Record<string, Summary> = {
  connected: { en: 'connected', th: 'ติดต่อได้' },
  no_answer: { en: 'no answer', th: 'ไม่มีผู้รับสาย' },
  busy: { en: 'busy', th: 'สายไม่ว่าง' },
  voicemail: { en: 'voicemail', th: 'ฝากข้อความเสียง' },
  wrong_number: { en: 'wrong number', th: 'เบอร์ผิด' },
};

const CONSENT_STATUS: Record<string, Summary> = {
  granted: { en: 'given', th: 'ให้ความยินยอม' },
  withdrawn: { en: 'withdrawn', th: 'ถอนความยินยอม' },
  denied: { en: 'refused', th: 'ปฏิเสธความยินยอม' },
};

const DEAL_STEPS: Record<string, Summary> = {
  created: { en: 'New deal', th: 'ดีลใหม่' },
  stage_changed: { en: 'Deal moved:', th: 'ย้ายดีล' },
  won: { en: 'Deal won:', th: 'ปิดการขายได้' },
  lost: { en: 'Deal lost:', th: 'ปิดการขายไม่ได้' },
  reopened: { en: 'Deal reopened:', th: 'เปิดดีลอีกครั้ง' },
};

/**
 * The ladder's stage names (as LADDER_STAGE_LABELS in ladder/stages.ts; the ladder module
 * writes timeline entries through this one, so this one cannot import it) and how a change came.
 */
const LADDER_STAGE_NAMES: Record<string, Summary> = {
  prospect: { en: 'Prospect', th: 'ผู้มุ่งหวัง' },
  first_time_buyer: { en: 'First-time buyer', th: 'ลูกค้าซื้อครั้งแรก' },
  repeat_customer: { en: 'Repeat customer', th: 'ลูกค้าซื้อซ้ำ' },
  supporter: { en: 'Supporter', th: 'ผู้สนับสนุน' },
  advocate: { en: 'Advocate', th: 'ผู้บอกต่อ' },
  partner: { en: 'Partner', th: 'พันธมิตร' },
};

const LADDER_HOW: Record<string, Summary> = {
  override: { en: 'set by staff', th: 'กำหนดโดยพนักงาน' },
  override_cleared: { en: 'back to the rules', th: 'กลับไปใช้กฎ' },
};

/** "+6681…" for a phone, "so…@example.com" for an email; other identifiers as they are. */
export function maskIdentifier(kind: string | null | undefined, value: string | null | undefined): string {
  if (!value) return '';
  if (kind === 'phone') return `${value.slice(0, 5)}…`;
  if (kind === 'email') {
    const at = value.indexOf('@');
    return at < 0 ? `${value.slice(0, 2)}…` : `${value.slice(0, Math.min(2, at))}…${value.slice(at)}`;
  }
  return value;
}

export interface SummarisableActivity {
  kind: string;
  subject: string | null;
  direction: string | null;
  durationMinutes: number | null;
  outcome: string | null;
  data: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function kindName(kind: string): Summary {
  return KIND_NAMES[kind as ActivityKind] ?? { en: kind, th: kind };
}

function identitySummary(d: Record<string, unknown>): Summary {
  const via = str(d.channel) ?? 'api';
  if (d.created === true) return { en: `New profile created (via ${via})`, th: `สร้างโปรไฟล์ใหม่ (ผ่าน ${via})` };
  const rule = str(d.rule) ?? str(d.kind) ?? '?';
  const value = maskIdentifier(str(d.kind), str(d.value));
  return { en: `Matched by ${rule} ${value} (via ${via})`, th: `จับคู่ด้วย ${rule} ${value} (ผ่าน ${via})` };
}

const own = (table: Record<string, Summary>, key: string | undefined): Summary | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/** "Ladder stage (set by staff): Supporter → Partner"; undefined when `ladder` is not a stage change. */
function ladderSummary(ladder: unknown): Summary | undefined {
  if (typeof ladder !== 'object' || ladder === null) return undefined;
  const l = ladder as Record<string, unknown>;
  const to = own(LADDER_STAGE_NAMES, str(l.to));
  const from = l.from === null || l.from === undefined ? null : own(LADDER_STAGE_NAMES, str(l.from));
  if (!to || from === undefined) return undefined;
  const how = own(LADDER_HOW, str(l.source));
  const side = (lang: 'en' | 'th') => `${from ? `${from[lang]} → ` : ''}${to[lang]}`;
  return {
    en: `Ladder stage${how ? ` (${how.en})` : ''}: ${side('en')}`,
    th: `ขั้นความสัมพันธ์${how ? ` (${how.th})` : ''}: ${side('th')}`,
  };
}

function callSummary(a: SummarisableActivity): Summary {
  const dir = a.direction === 'inbound' ? { en: 'Inbound call', th: 'สายเข้า' } : { en: 'Outbound call', th: 'โทรออก' };
  const outcome = a.outcome ? OUTCOME_NAMES[a.outcome] : undefined;
  const minutes = a.durationMinutes === null ? undefined : a.durationMinutes;
  return {
    en: [dir.en, outcome?.en, minutes === undefined ? undefined : `${minutes} min`].filter(Boolean).join(', '),
    th: [dir.th, outcome?.th, minutes === undefined ? undefined : `${minutes} นาที`].filter(Boolean).join(', '),
  };
}

/** A one-line, human summary of a timeline entry in both languages. */
export function summariseActivity(a: SummarisableActivity): Summary {
  const d = a.data ?? {};
  const subject = str(a.subject);
  switch (a.kind) {
    case 'identity_match':
      return identitySummary(d);
    case 'call': {
      const s = callSummary(a);
      return subject ? { en: `${s.en}: ${subject}`, th: `${s.th}: ${subject}` } : s;
    }
    case 'consent': {
      const status = CONSENT_STATUS[str(d.status) ?? ''];
      const purpose = str(d.purpose);
      if (status && purpose) {
        const ch = str(d.channel) ?? 'any';
        return { en: `Consent ${status.en}: ${purpose} (${ch})`, th: `${status.th}: ${purpose} (${ch})` };
      }
      break;
    }
    case 'merge': {
      if (d.action === 'unmerge') {
        const n = Array.isArray(d.restoredIds) ? d.restoredIds.length : 0;
        return { en: `Merge undone: ${n} profile(s) restored`, th: `ยกเลิกการรวมโปรไฟล์: แยกคืน ${n} โปรไฟล์` };
      }
      const names = Array.isArray(d.mergedNames) ? d.mergedNames.filter((x) => typeof x === 'string') : [];
      if (names.length)
        return { en: `Merged into this profile: ${names.join(', ')}`, th: `รวมเข้ากับโปรไฟล์นี้: ${names.join(', ')}` };
      const n = Array.isArray(d.mergedIds) ? d.mergedIds.length : 0;
      if (n > 0) return { en: `Merged ${n} profile(s) into this one`, th: `รวม ${n} โปรไฟล์เข้ากับโปรไฟล์นี้` };
      break;
    }
    case 'import': {
      const file = str(d.fileName) ?? '';
      const line = typeof d.line === 'number' ? ` #${d.line}` : '';
      const action = str(d.action);
      const th = action === 'created' ? 'สร้างจาก' : action === 'updated' ? 'ปรับปรุงจาก' : 'พบใน';
      if (action)
        return {
          en: `${action[0]?.toUpperCase()}${action.slice(1)} by import ${file}${line}`,
          th: `${th}การนำเข้า ${file}${line}`,
        };
      break;
    }
    case 'deal': {
      // Written by the deals module: { action, status, amount, currency, stageTh, stageEn?, reason? }.
      const step = DEAL_STEPS[str(d.action) ?? ''];
      const th = str(d.stageTh);
      if (step && th) {
        const en = str(d.stageEn) ?? th;
        const title = subject ? ` ${subject}` : '';
        return { en: `${step.en}${title} → ${en}`, th: `${step.th}${title} → ${th}` };
      }
      break;
    }
    case 'system': {
      const ladder = ladderSummary(d.ladder);
      if (ladder) return ladder;
      break;
    }
    case 'points': {
      if (typeof d.points === 'number') {
        const sign = d.points > 0 ? '+' : '';
        return { en: `${sign}${d.points} points`, th: `${sign}${d.points} คะแนน` };
      }
      break;
    }
  }
  if (subject) return { en: subject, th: subject };
  if (a.kind === 'meeting' && a.durationMinutes !== null) {
    return { en: `Meeting, ${a.durationMinutes} min`, th: `นัดพบ ${a.durationMinutes} นาที` };
  }
  return kindName(a.kind);
}
