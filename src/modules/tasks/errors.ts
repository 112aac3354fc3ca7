import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the tasks module, registered at wiring time. */
export const taskErrors = {
  task_assignee_unknown: {
    status: 422,
    en: 'There is no active user {assigneeId} to give the task to.',
    th: 'ไม่พบผู้ใช้ {assigneeId} ที่ใช้งานอยู่เพื่อมอบหมายงานนี้',
  },
  task_remind_after_due: {
    status: 422,
    en: 'The reminder must come before the task is due (or at the due time).',
    th: 'เวลาเตือนต้องอยู่ก่อนหรือตรงกับเวลาครบกำหนดของงาน',
  },
  task_due_twice: {
    status: 422,
    en: 'Give the due time either as a date (dueOn) or as a date and time (dueAt), not both.',
    th: 'ระบุกำหนดส่งเป็นวันที่ (dueOn) หรือวันและเวลา (dueAt) อย่างใดอย่างหนึ่งเท่านั้น',
  },
  task_customer_inactive: {
    status: 409,
    en: 'This customer was erased; tasks go to active profiles.',
    th: 'ลูกค้ารายนี้ถูกลบแล้ว งานต้องอยู่กับโปรไฟล์ที่ใช้งานอยู่',
  },
  task_related_unknown: {
    status: 422,
    en: 'There is no {relatedType} {relatedId} for this task to be about.',
    th: 'ไม่พบ {relatedType} {relatedId} ที่งานนี้อ้างถึง',
  },
  task_related_incomplete: {
    status: 422,
    en: 'Give both relatedType and relatedId, or neither.',
    th: 'ต้องระบุทั้ง relatedType และ relatedId หรือไม่ระบุทั้งคู่',
  },
  task_already_done: {
    status: 409,
    en: 'This task is already done.',
    th: 'งานนี้เสร็จแล้ว',
  },
  task_already_open: {
    status: 409,
    en: 'This task is already open.',
    th: 'งานนี้เปิดอยู่แล้ว',
  },
  task_not_open: {
    status: 409,
    en: 'Only an open task can be changed this way; reopen it first.',
    th: 'เปลี่ยนได้เฉพาะงานที่เปิดอยู่ กรุณาเปิดงานอีกครั้งก่อน',
  },
  task_not_yours: {
    status: 403,
    en: 'You may see this task but only its assignee, its creator or their manager may change it.',
    th: 'คุณดูงานนี้ได้ แต่แก้ไขได้เฉพาะผู้รับผิดชอบ ผู้สร้าง หรือผู้จัดการของทีม',
  },
} satisfies Record<string, ErrorEntry>;
