import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of duplicates, merge and unmerge, registered at wiring time. */
export const dedupeErrors = {
  merge_into_itself: {
    status: 400,
    en: 'A profile cannot be merged into itself.',
    th: 'ไม่สามารถรวมโปรไฟล์เข้ากับตัวเองได้',
  },
  merge_duplicate_ids: {
    status: 400,
    en: 'The same profile is listed more than once.',
    th: 'มีโปรไฟล์เดียวกันซ้ำกันในรายการ',
  },
  merge_profile_inactive: {
    status: 409,
    en: 'Profile {id} is already merged or erased and cannot be merged.',
    th: 'โปรไฟล์ {id} ถูกรวมหรือถูกลบไปแล้ว จึงรวมไม่ได้',
  },
  merge_conflict: {
    status: 409,
    en: 'Another change to these profiles is in progress. Reload and try again.',
    th: 'มีการแก้ไขโปรไฟล์เหล่านี้อยู่ในขณะนี้ กรุณาโหลดใหม่แล้วลองอีกครั้ง',
  },
  unmerge_already_undone: {
    status: 409,
    en: 'This merge has already been undone.',
    th: 'การรวมนี้ถูกยกเลิกไปแล้ว',
  },
  unmerge_expired: {
    status: 409,
    en: 'This merge can no longer be undone: the {days}-day grace period has ended.',
    th: 'ไม่สามารถยกเลิกการรวมนี้ได้แล้ว เพราะพ้นระยะเวลา {days} วันแล้ว',
  },
  unmerge_survivor_inactive: {
    status: 409,
    en: 'This merge cannot be undone: the surviving profile has since been merged or erased.',
    th: 'ไม่สามารถยกเลิกการรวมนี้ได้ เพราะโปรไฟล์หลักถูกรวมหรือถูกลบไปแล้ว',
  },
  unmerge_profile_changed: {
    status: 409,
    en: 'This merge cannot be undone: profile {id} is no longer a merged copy of the survivor.',
    th: 'ไม่สามารถยกเลิกการรวมนี้ได้ เพราะโปรไฟล์ {id} ไม่ได้อยู่ในสถานะรวมกับโปรไฟล์หลักแล้ว',
  },
} satisfies Record<string, ErrorEntry>;

/** Days a merge can be undone; the purge job clears what undo needs after this. */
export const MERGE_GRACE_DAYS = 30;
