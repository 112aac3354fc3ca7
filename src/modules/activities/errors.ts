import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the activities module, registered at wiring time. */
export const activityErrors = {
  activity_not_editable: {
    status: 403,
    en: 'Only notes, calls and meetings can be changed or deleted; other timeline entries record what happened elsewhere.',
    th: 'แก้ไขหรือลบได้เฉพาะบันทึก การโทร และการนัดพบ รายการอื่นในไทม์ไลน์เป็นบันทึกเหตุการณ์จากส่วนอื่นของระบบ',
  },
  activity_not_author: {
    status: 403,
    en: 'Only the person who logged this entry, or a role that may delete customers, can change or delete it.',
    th: 'แก้ไขหรือลบรายการนี้ได้เฉพาะผู้บันทึก หรือบทบาทที่มีสิทธิ์ลบข้อมูลลูกค้า',
  },
} satisfies Record<string, ErrorEntry>;
