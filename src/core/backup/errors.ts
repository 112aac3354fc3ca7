import { type ErrorEntry, hasErrorCode, registerErrors } from '../errors/catalog.ts';

/** Codes of the backup feature beyond the catalogue's backup_invalid / backup_too_new / restore_target_not_empty. */
export const backupErrors: Record<string, ErrorEntry> = {
  backup_source_missing: {
    status: 404,
    en: 'There is no Sampan database at {target} to back up.',
    th: 'ไม่พบฐานข้อมูล Sampan ที่ {target} จึงไม่มีข้อมูลให้สำรอง',
  },
  backup_server_unreachable: {
    status: 503,
    en: 'Sampan (pid {pid}) is using {dir}, but it did not answer on its control port {port}: {reason}',
    th: 'Sampan (pid {pid}) กำลังใช้ {dir} อยู่ แต่ไม่ตอบที่พอร์ตควบคุม {port}: {reason}',
  },
  backup_server_failed: {
    status: 502,
    en: 'The running Sampan could not make the backup: {detail}',
    th: 'Sampan ที่กำลังทำงานอยู่สำรองข้อมูลไม่สำเร็จ: {detail}',
  },
  backup_exists: {
    status: 409,
    en: 'A backup named {name} already exists. Try again in a moment.',
    th: 'มีไฟล์สำรองชื่อ {name} อยู่แล้ว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  },
  control_forbidden: {
    status: 403,
    en: 'This control endpoint answers only local calls that carry the right secret.',
    th: 'ช่องทางควบคุมนี้รับเฉพาะคำขอจากเครื่องนี้ที่มีรหัสลับถูกต้องเท่านั้น',
  },
};

/**
 * The server registers module errors at start; CLI commands that never start a server
 * call this so their messages read well too. Registers only what is missing.
 */
export function ensureBackupErrors(): void {
  const missing = Object.fromEntries(Object.entries(backupErrors).filter(([code]) => !hasErrorCode(code)));
  registerErrors(missing);
}
