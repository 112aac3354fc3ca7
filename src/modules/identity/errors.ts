import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the identity module, registered at wiring time. */
export const identityErrors = {
  customer_exists_elsewhere: {
    status: 409,
    en: 'This person is already a customer, in records you cannot see. Ask a manager or the owner of that customer to add it; nothing was saved.',
    th: 'บุคคลนี้เป็นลูกค้าอยู่แล้วในข้อมูลที่คุณไม่มีสิทธิ์เห็น กรุณาติดต่อผู้จัดการหรือผู้ดูแลลูกค้ารายนั้น ระบบยังไม่ได้บันทึกข้อมูลใด ๆ',
  },
} satisfies Record<string, ErrorEntry>;
