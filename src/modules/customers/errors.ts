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
} satisfies Record<string, ErrorEntry>;
