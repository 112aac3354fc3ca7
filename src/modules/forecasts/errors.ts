import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of quotas, forecasts and sales KPIs, registered at wiring time. */
export const forecastErrors = {
  sales_period_invalid: {
    status: 400,
    en: '"{period}" is not a period: write a month as 2026-12 or a quarter as 2026-Q4.',
    th: '"{period}" ไม่ใช่ช่วงเวลาที่ถูกต้อง ให้เขียนเดือนแบบ 2026-12 หรือไตรมาสแบบ 2026-Q4',
  },
  sales_range_invalid: {
    status: 400,
    en: 'The range {from} – {to} is not valid: "from" must be on or before "to", at most 3 years apart.',
    th: 'ช่วงวันที่ {from} – {to} ไม่ถูกต้อง วันเริ่มต้องไม่หลังวันสิ้นสุด และห่างกันไม่เกิน 3 ปี',
  },
  sales_user_unknown: {
    status: 422,
    en: 'There is no active user {userId}.',
    th: 'ไม่พบผู้ใช้ {userId}',
  },
  sales_team_unknown: {
    status: 422,
    en: 'There is no team {teamId}.',
    th: 'ไม่พบทีม {teamId}',
  },
  sales_scope_forbidden: {
    status: 403,
    en: 'You may only see the figures of your own deals (a manager sees their team, an administrator everyone).',
    th: 'คุณดูได้เฉพาะตัวเลขของดีลตัวเอง (ผู้จัดการดูได้ทั้งทีม ผู้ดูแลระบบดูได้ทุกคน)',
  },
  quota_manage_forbidden: {
    status: 403,
    en: 'Only managers (for their team) and administrators set quotas.',
    th: 'เฉพาะผู้จัดการ (สำหรับทีมของตน) และผู้ดูแลระบบเท่านั้นที่กำหนดเป้ายอดขายได้',
  },
  quota_exists: {
    status: 409,
    en: 'There is already a quota for {assignee} in {period}; change that one instead.',
    th: 'มีเป้ายอดขายของ {assignee} ในช่วง {period} อยู่แล้ว ให้แก้ไขรายการเดิมแทน',
  },
  quota_assignee_required: {
    status: 422,
    en: 'A quota is for one user or one team: give userId or teamId, not both.',
    th: 'เป้ายอดขายต้องเป็นของผู้ใช้หนึ่งคนหรือทีมหนึ่งทีม ให้ระบุ userId หรือ teamId อย่างใดอย่างหนึ่ง',
  },
} satisfies Record<string, ErrorEntry>;
