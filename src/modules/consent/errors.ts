import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the consent module, registered at wiring time. */
export const consentErrors = {
  consent_purpose_unknown: {
    status: 400,
    en: 'There is no active consent purpose "{purpose}".',
    th: 'ไม่มีวัตถุประสงค์การขอความยินยอม "{purpose}" ที่ใช้งานอยู่',
  },
  consent_text_version_unknown: {
    status: 400,
    en: 'Purpose "{purpose}" has no text version {version}.',
    th: 'วัตถุประสงค์ "{purpose}" ไม่มีข้อความฉบับที่ {version}',
  },
  consent_purpose_exists: {
    status: 409,
    en: 'A consent purpose with the code "{purpose}" already exists.',
    th: 'มีวัตถุประสงค์การขอความยินยอมรหัส "{purpose}" อยู่แล้ว',
  },
  consent_customer_inactive: {
    status: 409,
    en: 'This customer profile is {status}; consent can be recorded only on an active profile.',
    th: 'โปรไฟล์ลูกค้านี้มีสถานะ {status} บันทึกความยินยอมได้เฉพาะโปรไฟล์ที่ใช้งานอยู่',
  },
  consent_link_invalid: {
    status: 404,
    en: 'This consent link is not valid. It may have been copied incompletely.',
    th: 'ลิงก์นี้ไม่ถูกต้อง อาจคัดลอกมาไม่ครบ',
  },
} satisfies Record<string, ErrorEntry>;
