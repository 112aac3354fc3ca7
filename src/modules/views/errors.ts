import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of saved views, registered at wiring time. */
export const viewErrors = {
  view_name_taken: {
    status: 409,
    en: 'You already have a view named "{name}". Choose another name.',
    th: 'คุณมีมุมมองชื่อ "{name}" อยู่แล้ว กรุณาตั้งชื่ออื่น',
  },
  view_not_yours: {
    status: 403,
    en: 'Only the person who saved this view, or an administrator, can change or delete it.',
    th: 'เฉพาะผู้ที่บันทึกมุมมองนี้หรือผู้ดูแลระบบเท่านั้นที่แก้ไขหรือลบได้',
  },
  view_limit_reached: {
    status: 409,
    en: 'You have {limit} saved views, the most allowed. Delete one to save another.',
    th: 'คุณมีมุมมองที่บันทึกไว้ {limit} รายการซึ่งเป็นจำนวนสูงสุดแล้ว กรุณาลบก่อนบันทึกใหม่',
  },
} satisfies Record<string, ErrorEntry>;
