import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the imports module, registered at wiring time. */
export const importErrors = {
  import_file_binary: {
    status: 422,
    en: 'This file is not a CSV text file (it holds binary data: {reason}). Save it from Excel as "CSV UTF-8" and try again.',
    th: 'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีข้อมูลไบนารี: {reason}) กรุณาบันทึกจาก Excel เป็น "CSV UTF-8" แล้วลองใหม่',
  },
  import_file_empty: {
    status: 422,
    en: 'The file is empty or has only a header line.',
    th: 'ไฟล์ว่างเปล่าหรือมีเพียงบรรทัดหัวตาราง',
  },
  import_file_malformed: {
    status: 422,
    en: 'The file is not valid CSV near line {line}: {reason}.',
    th: 'ไฟล์ CSV ไม่ถูกต้องใกล้บรรทัดที่ {line}: {reason}',
  },
  import_file_truncated: {
    status: 422,
    en: 'The file ends in the middle of a record or character (line {line}); it looks truncated. Upload the whole file again.',
    th: 'ไฟล์จบกลางข้อมูลหรือกลางตัวอักษร (บรรทัดที่ {line}) ดูเหมือนไฟล์ไม่ครบ กรุณาอัปโหลดไฟล์ทั้งไฟล์อีกครั้ง',
  },
  import_header_invalid: {
    status: 422,
    en: 'The header line is not usable: {reason}.',
    th: 'บรรทัดหัวตารางใช้ไม่ได้: {reason}',
  },
  import_mapping_invalid: {
    status: 400,
    en: 'The column mapping is not valid: {reason}.',
    th: 'การจับคู่คอลัมน์ไม่ถูกต้อง: {reason}',
  },
  import_mapping_not_found: {
    status: 404,
    en: 'There is no saved mapping named "{name}".',
    th: 'ไม่พบรูปแบบการจับคู่คอลัมน์ชื่อ "{name}"',
  },
  import_mapping_exists: {
    status: 409,
    en: 'A mapping named "{name}" already exists.',
    th: 'มีรูปแบบการจับคู่คอลัมน์ชื่อ "{name}" อยู่แล้ว',
  },
  import_not_pending: {
    status: 409,
    en: 'This import has already been started (status: {status}).',
    th: 'การนำเข้านี้เริ่มไปแล้ว (สถานะ: {status})',
  },
  import_finished: {
    status: 409,
    en: 'This import has already finished (status: {status}).',
    th: 'การนำเข้านี้เสร็จสิ้นไปแล้ว (สถานะ: {status})',
  },
  import_file_missing: {
    status: 409,
    en: 'The file of this import is no longer readable: {reason}.',
    th: 'ไม่สามารถอ่านไฟล์ของการนำเข้านี้ได้แล้ว: {reason}',
  },
  import_file_too_large: {
    status: 413,
    en: 'The file is larger than {limit} bytes.',
    th: 'ไฟล์มีขนาดเกิน {limit} ไบต์',
  },
} satisfies Record<string, ErrorEntry>;
