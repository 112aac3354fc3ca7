import type { Locale } from '../i18n/locale.ts';

export interface ErrorEntry {
  status: number;
  en: string;
  th: string;
}

/**
 * The one place where error codes meet HTTP statuses and user-facing text.
 * Modules add their own entries with `registerErrors` at wiring time.
 * Message templates use {name} placeholders filled from AppError.params.
 */
const catalog = new Map<string, ErrorEntry>(
  Object.entries({
    internal: {
      status: 500,
      en: 'Something went wrong on our side. Please try again.',
      th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง',
    },
    not_found: { status: 404, en: 'Not found.', th: 'ไม่พบข้อมูลที่ต้องการ' },
    route_not_found: { status: 404, en: 'There is no such address: {path}.', th: 'ไม่พบที่อยู่ {path}' },
    method_not_allowed: { status: 405, en: 'This method is not allowed here.', th: 'ไม่อนุญาตให้ใช้วิธีนี้' },
    validation_failed: { status: 400, en: 'Some fields are not valid.', th: 'ข้อมูลบางช่องไม่ถูกต้อง' },
    malformed_json: { status: 400, en: 'The request body is not valid JSON.', th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง' },
    payload_too_large: {
      status: 413,
      en: 'The request body is larger than {limit} bytes.',
      th: 'ข้อมูลที่ส่งมามีขนาดเกิน {limit} ไบต์',
    },
    unsupported_media_type: {
      status: 415,
      en: 'Send the body as application/json.',
      th: 'กรุณาส่งข้อมูลเป็น application/json',
    },
    unauthenticated: { status: 401, en: 'Please sign in.', th: 'กรุณาเข้าสู่ระบบ' },
    invalid_token: {
      status: 401,
      en: 'The API token is invalid, expired or revoked.',
      th: 'โทเคน API ไม่ถูกต้อง หมดอายุ หรือถูกเพิกถอนแล้ว',
    },
    session_expired: {
      status: 401,
      en: 'Your session has ended. Please sign in again.',
      th: 'เซสชันหมดอายุ กรุณาเข้าสู่ระบบใหม่',
    },
    invalid_credentials: { status: 401, en: 'The email or password is wrong.', th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
    account_locked: {
      status: 423,
      en: 'Too many failed sign-ins. The account is locked until {until}.',
      th: 'เข้าสู่ระบบผิดหลายครั้งเกินไป บัญชีถูกล็อกถึง {until}',
    },
    account_disabled: { status: 403, en: 'This account is disabled.', th: 'บัญชีนี้ถูกปิดใช้งาน' },
    rate_limited: {
      status: 429,
      en: 'Too many attempts. Try again in {seconds} seconds.',
      th: 'ลองหลายครั้งเกินไป กรุณารออีก {seconds} วินาที',
    },
    csrf_failed: {
      status: 403,
      en: 'The security token (CSRF) is missing or wrong. Reload the page.',
      th: 'โทเคนความปลอดภัย (CSRF) ไม่ถูกต้อง กรุณาโหลดหน้าใหม่',
    },
    forbidden: {
      status: 403,
      en: 'Your role does not allow {action} on {module}.',
      th: 'บทบาทของคุณไม่มีสิทธิ์ {action} ใน {module}',
    },
    role_too_high: {
      status: 403,
      en: 'You cannot grant the role {role}, which is above your own.',
      th: 'คุณไม่สามารถให้บทบาท {role} ซึ่งสูงกว่าบทบาทของคุณเอง',
    },
    last_owner: { status: 409, en: 'There must be at least one active owner.', th: 'ต้องมีเจ้าของที่ใช้งานอยู่อย่างน้อยหนึ่งคน' },
    email_taken: { status: 409, en: 'The email {email} is already used.', th: 'อีเมล {email} ถูกใช้แล้ว' },
    team_name_taken: { status: 409, en: 'A team named {name} already exists.', th: 'มีทีมชื่อ {name} อยู่แล้ว' },
    team_not_empty: { status: 409, en: 'The team still has members.', th: 'ทีมนี้ยังมีสมาชิกอยู่' },
    already_set_up: {
      status: 409,
      en: 'Sampan is already set up. Sign in instead.',
      th: 'ระบบถูกตั้งค่าไว้แล้ว กรุณาเข้าสู่ระบบ',
    },
    not_set_up: { status: 409, en: 'Sampan is not set up yet.', th: 'ระบบยังไม่ได้ตั้งค่า' },
    idempotency_key_reused: {
      status: 422,
      en: 'This Idempotency-Key was already used with a different request.',
      th: 'Idempotency-Key นี้เคยใช้กับคำขออื่นแล้ว',
    },
    idempotency_in_progress: {
      status: 409,
      en: 'A request with this Idempotency-Key is still running.',
      th: 'คำขอที่ใช้ Idempotency-Key นี้ยังทำงานอยู่',
    },
    config_invalid: {
      status: 500,
      en: 'Configuration {field} is invalid: {reason}',
      th: 'ค่าตั้ง {field} ไม่ถูกต้อง: {reason}',
    },
    data_dir_locked: {
      status: 409,
      en: 'The data directory {dir} is in use by another Sampan process (pid {pid}). Stop it first or use another --data-dir.',
      th: 'โฟลเดอร์ข้อมูล {dir} ถูกใช้โดยโปรเซส Sampan อื่น (pid {pid}) กรุณาหยุดโปรเซสนั้นก่อน หรือใช้ --data-dir อื่น',
    },
    restore_target_not_empty: {
      status: 409,
      en: 'Refusing to restore into {target}: it already holds data ({detail}). Restore needs an empty data directory or database.',
      th: 'ไม่สามารถกู้คืนไปยัง {target} เพราะมีข้อมูลอยู่แล้ว ({detail}) ต้องกู้คืนลงโฟลเดอร์หรือฐานข้อมูลที่ว่าง',
    },
    backup_invalid: { status: 400, en: 'The backup file is not valid: {reason}', th: 'ไฟล์สำรองข้อมูลไม่ถูกต้อง: {reason}' },
    backup_too_new: {
      status: 409,
      en: 'The backup was made by a newer Sampan (schema {backup}); this program knows schema {current}. Upgrade first.',
      th: 'ไฟล์สำรองมาจาก Sampan รุ่นใหม่กว่า (schema {backup}) โปรแกรมนี้รู้จัก schema {current} กรุณาอัปเกรดก่อน',
    },
  } satisfies Record<string, ErrorEntry>),
);

export function registerErrors(entries: Record<string, ErrorEntry>): void {
  for (const [code, entry] of Object.entries(entries)) {
    const known = catalog.get(code);
    if (known === entry) continue; // the same module wired twice (server and CLI)
    if (known) throw new Error(`error code registered twice: ${code}`);
    catalog.set(code, entry);
  }
}

export function errorEntry(code: string): ErrorEntry {
  return catalog.get(code) ?? (catalog.get('internal') as ErrorEntry);
}

export function hasErrorCode(code: string): boolean {
  return catalog.has(code);
}

export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Words that appear as message parameters (modules, actions, roles), per language. */
const PARAM_WORDS: Record<Locale, Record<string, string>> = {
  en: {},
  th: {
    users: 'ผู้ใช้',
    teams: 'ทีม',
    tokens: 'โทเคน API',
    roles: 'บทบาท',
    audit: 'บันทึกการตรวจสอบ',
    settings: 'การตั้งค่า',
    backups: 'การสำรองข้อมูล',
    customers: 'ลูกค้า',
    sales: 'การขาย',
    service: 'งานบริการ',
    marketing: 'การตลาด',
    analytics: 'การวิเคราะห์',
    loyalty: 'สะสมแต้ม',
    reports: 'รายงาน',
    read: 'ดู',
    create: 'สร้าง',
    update: 'แก้ไข',
    delete: 'ลบ',
    export: 'ส่งออก',
    owner: 'เจ้าของ',
    admin: 'ผู้ดูแลระบบ',
    manager: 'ผู้จัดการ',
    viewer: 'ผู้ชม',
  },
};

export function errorMessage(code: string, params: Record<string, string | number>, locale: Locale): string {
  const words = PARAM_WORDS[locale];
  const localised = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? (words[v] ?? v) : v]),
  );
  return formatMessage(errorEntry(code)[locale], localised);
}
