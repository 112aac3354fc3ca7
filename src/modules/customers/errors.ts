import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the customers module, registered at wiring time. */
export const customerErrors = {
  customer_owner_forbidden: {
    status: 403,
    en: 'Your role may not choose the owner of a customer; customers you create are yours.',
    th: 'บทบาทของคุณไม่สามารถกำหนดผู้ดูแลลูกค้าได้ ลูกค้าที่คุณสร้างจะเป็นของคุณ',
  },
  customer_owner_outside_team: {
    status: 403,
    en: 'You can assign customers only to yourself or members of your team.',
    th: 'คุณมอบหมายลูกค้าได้เฉพาะให้ตัวเองหรือสมาชิกในทีมของคุณ',
  },
  identifier_in_use: {
    status: 409,
    en: 'This {kind} already belongs to another customer{holder}. An identifier belongs to one profile at a time: merge the two profiles or remove it there first.',
    th: '{kindTh}นี้เป็นของลูกค้ารายอื่นแล้ว{holderTh} ตัวระบุหนึ่งอยู่ได้กับโปรไฟล์เดียว กรุณารวมโปรไฟล์หรือลบออกจากโปรไฟล์นั้นก่อน',
  },
  customer_not_active: {
    status: 409,
    en: 'This customer was {status} and can no longer be changed.',
    th: 'ลูกค้ารายนี้ถูก{statusTh}แล้ว จึงแก้ไขไม่ได้',
  },
} satisfies Record<string, ErrorEntry>;
