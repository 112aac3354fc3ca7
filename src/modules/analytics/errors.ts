import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the analytics module, registered at wiring time. */
export const analyticsErrors = {
  analytics_bad_date: {
    status: 400,
    en: 'The calibration end "{value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-09-30.',
    th: 'วันสิ้นสุดช่วงปรับเทียบ "{value}" ไม่ใช่วันที่ กรุณาเขียนเป็น ปปปป-ดด-วว (ค.ศ.) เช่น 2026-09-30',
  },
  analytics_unsupported_time_unit: {
    status: 400,
    en: 'The time unit "{value}" is not supported: use week or day.',
    th: 'ไม่รองรับหน่วยเวลา "{value}" กรุณาใช้ week (สัปดาห์) หรือ day (วัน)',
  },
  analytics_calibration_in_future: {
    status: 422,
    en: 'The calibration end {calibrationEnd} is after today ({today}); customers cannot be observed in the future.',
    th: 'วันสิ้นสุดช่วงปรับเทียบ {calibrationEnd} อยู่หลังวันนี้ ({today}) ระบบยังไม่มีข้อมูลของอนาคต',
  },
  analytics_no_purchases: {
    status: 422,
    en: 'There are no paid orders yet, so there is nothing to learn from.',
    th: 'ยังไม่มีคำสั่งซื้อที่ชำระเงินแล้ว จึงยังไม่มีข้อมูลให้คำนวณ',
  },
  analytics_calibration_before_first_order: {
    status: 422,
    en: 'The calibration end {calibrationEnd} is before the first paid order ({firstOrder}). Choose a later date.',
    th: 'วันสิ้นสุดช่วงปรับเทียบ {calibrationEnd} อยู่ก่อนคำสั่งซื้อแรกที่ชำระเงินแล้ว ({firstOrder}) กรุณาเลือกวันที่หลังจากนั้น',
  },
  analytics_too_few_repeat_customers: {
    status: 422,
    en: 'Only {found} customers bought more than once up to {calibrationEnd}; the models need at least {needed} to be fitted.',
    th: 'มีลูกค้าที่ซื้อซ้ำเพียง {found} รายจนถึง {calibrationEnd} แบบจำลองต้องมีอย่างน้อย {needed} รายจึงจะคำนวณได้',
  },
  analytics_fit_failed: {
    status: 422,
    en: 'The purchase model could not be fitted to the orders up to {calibrationEnd}; try a later calibration end or the day unit.',
    th: 'ไม่สามารถคำนวณแบบจำลองการซื้อจากคำสั่งซื้อจนถึง {calibrationEnd} ได้ ลองเลือกวันที่หลังกว่านี้หรือใช้หน่วยวัน',
  },
  analytics_recompute_running: {
    status: 409,
    en: 'A recompute is already {status} (run {runId}); wait for it to finish.',
    th: 'มีการคำนวณคะแนนใหม่ที่{statusTh}อยู่แล้ว (รอบ {runId}) กรุณารอให้เสร็จก่อน',
  },
  analytics_bad_options: {
    status: 400,
    en: 'Recompute option {field} is not valid: {reason}',
    th: 'ตัวเลือก {field} ของการคำนวณคะแนนไม่ถูกต้อง: {reasonTh}',
  },
  analytics_bad_month: {
    status: 400,
    en: 'The month "{value}" is not valid: write it as YYYY-MM, e.g. 2026-09.',
    th: 'เดือน "{value}" ไม่ถูกต้อง กรุณาเขียนเป็น ปปปป-ดด (ค.ศ.) เช่น 2026-09',
  },
  analytics_bad_period: {
    status: 400,
    en: 'The period from {from} to {to} is not valid: {reason}',
    th: 'ช่วงเวลาตั้งแต่ {from} ถึง {to} ไม่ถูกต้อง: {reasonTh}',
  },
  analytics_spend_exists: {
    status: 409,
    en: 'Marketing spend for {month} ({currency}{channel}) is already entered; change that entry instead.',
    th: 'มีการบันทึกค่าการตลาดของเดือน {month} ({currency}{channel}) ไว้แล้ว กรุณาแก้ไขรายการเดิมแทน',
  },
} satisfies Record<string, ErrorEntry>;
