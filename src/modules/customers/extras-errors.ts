import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the profile extras (custom fields, addresses, buying centre, referrals). */
export const customerExtrasErrors = {
  custom_field_key_taken: {
    status: 409,
    en: 'A custom field with the key {key} already exists.',
    th: 'มีฟิลด์กำหนดเองที่ใช้คีย์ {key} อยู่แล้ว',
  },
  custom_field_type_locked: {
    status: 409,
    en: 'The type of the custom field {key} cannot change: customers already hold values for it.',
    th: 'ไม่สามารถเปลี่ยนชนิดของฟิลด์ {key} ได้ เพราะมีลูกค้าที่บันทึกค่าของฟิลด์นี้แล้ว',
  },
  contact_not_company: {
    status: 422,
    en: 'People can be linked only to a company profile.',
    th: 'ผู้ติดต่อเชื่อมโยงได้เฉพาะกับโปรไฟล์บริษัทเท่านั้น',
  },
  contact_not_person: {
    status: 422,
    en: 'Only a person can be a contact of a company.',
    th: 'เฉพาะบุคคลเท่านั้นที่เป็นผู้ติดต่อของบริษัทได้',
  },
  contact_self_link: {
    status: 422,
    en: 'A profile cannot be linked to itself.',
    th: 'ไม่สามารถเชื่อมโยงโปรไฟล์กับตัวเองได้',
  },
  contact_exists: {
    status: 409,
    en: 'This person is already a contact of the company; change their role instead.',
    th: 'บุคคลนี้เป็นผู้ติดต่อของบริษัทอยู่แล้ว กรุณาแก้ไขบทบาทแทน',
  },
} satisfies Record<string, ErrorEntry>;
