import type { OrderStatus } from './order-input.ts';

/** Thai words for statuses and actions, for error messages. */
export const STATUS_TH: Record<OrderStatus, string> = {
  pending: 'รอชำระเงิน',
  paid: 'ชำระเงินแล้ว',
  fulfilled: 'จัดส่งแล้ว',
  cancelled: 'ยกเลิกแล้ว',
  refunded: 'คืนเงินแล้ว',
  partially_refunded: 'คืนเงินบางส่วน',
};

export const ACTION_TH = {
  paid: 'บันทึกการชำระเงิน',
  fulfilled: 'บันทึกการจัดส่ง',
  cancelled: 'ยกเลิก',
  refunded: 'คืนเงิน',
} as const;
export type OrderAction = keyof typeof ACTION_TH;
