import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the quotes module, registered at wiring time. */
export const quoteErrors = {
  quote_unknown_product: {
    status: 422,
    en: 'Line {line}: no product {product}.',
    th: 'รายการที่ {line}: ไม่พบสินค้า {product}',
  },
  quote_currency_mismatch: {
    status: 422,
    en: 'Line {line}: product {sku} is priced in {productCurrency}, but the quote is in {quoteCurrency}.',
    th: 'รายการที่ {line}: สินค้า {sku} ตั้งราคาเป็น {productCurrency} แต่ใบเสนอราคาเป็น {quoteCurrency}',
  },
  quote_discount_too_large: {
    status: 422,
    en: 'Line {line}: the discount is larger than the line.',
    th: 'รายการที่ {line}: ส่วนลดมากกว่ามูลค่ารายการ',
  },
  quote_customer_inactive: {
    status: 409,
    en: 'This customer was merged or erased; quotes go to the active profile.',
    th: 'ลูกค้ารายนี้ถูกรวมหรือลบแล้ว ใบเสนอราคาต้องอยู่กับโปรไฟล์ที่ใช้งานอยู่',
  },
  quote_deal_mismatch: {
    status: 422,
    en: 'The deal belongs to another customer.',
    th: 'ดีลนี้เป็นของลูกค้ารายอื่น',
  },
  quote_owner_not_allowed: {
    status: 403,
    en: 'You can only own your own quotes; a manager can assign them to others.',
    th: 'คุณเป็นเจ้าของได้เฉพาะใบเสนอราคาของตนเอง ผู้จัดการเท่านั้นที่มอบหมายให้ผู้อื่นได้',
  },
  quote_owner_unknown: {
    status: 422,
    en: 'No active user {ownerId} to own this quote.',
    th: 'ไม่พบผู้ใช้ {ownerId} ที่ใช้งานอยู่สำหรับเป็นเจ้าของใบเสนอราคา',
  },
  quote_valid_until_past: {
    status: 422,
    en: 'The quote must be valid until {issuedOn} or later.',
    th: 'วันที่ใบเสนอราคาหมดอายุต้องไม่ก่อน {issuedOn}',
  },
  quote_not_draft: {
    status: 409,
    en: 'Quote {number} is {status}; only a draft can be changed.',
    th: 'ใบเสนอราคา {number} มีสถานะ{statusTh} แก้ไขได้เฉพาะฉบับร่าง',
  },
  quote_status_conflict: {
    status: 409,
    en: 'Quote {number} is {status} and cannot be {action}.',
    th: 'ใบเสนอราคา {number} มีสถานะ{statusTh} จึง{actionTh}ไม่ได้',
  },
  quote_expired: {
    status: 409,
    en: 'Quote {number} was valid until {validUntil} and can no longer be accepted.',
    th: 'ใบเสนอราคา {number} หมดอายุเมื่อ {validUntil} จึงตอบรับไม่ได้แล้ว',
  },
} satisfies Record<string, ErrorEntry>;

/** Thai words for statuses and actions, for the messages above. */
export const STATUS_TH: Record<string, string> = {
  draft: 'ฉบับร่าง',
  sent: 'ส่งแล้ว',
  accepted: 'ตอบรับแล้ว',
  rejected: 'ถูกปฏิเสธ',
  expired: 'หมดอายุ',
};
export const ACTION_TH: Record<string, string> = {
  sent: 'ส่ง',
  accepted: 'ตอบรับ',
  rejected: 'ปฏิเสธ',
  expired: 'ทำให้หมดอายุ',
};
