import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the orders module, registered at wiring time. */
export const orderErrors = {
  order_unknown_product: {
    status: 422,
    en: 'Line {line}: no product {product}.',
    th: 'รายการที่ {line}: ไม่พบสินค้า {product}',
  },
  order_currency_mismatch: {
    status: 422,
    en: 'Line {line}: product {sku} is priced in {productCurrency}, but the order is in {orderCurrency}.',
    th: 'รายการที่ {line}: สินค้า {sku} ตั้งราคาเป็น {productCurrency} แต่คำสั่งซื้อเป็น {orderCurrency}',
  },
  order_discount_too_large: {
    status: 422,
    en: 'Line {line}: the discount is larger than the line.',
    th: 'รายการที่ {line}: ส่วนลดมากกว่ามูลค่ารายการ',
  },
  order_external_id_conflict: {
    status: 409,
    en: 'Order {externalId} from {source} already exists with different content. Send the same content to get it back, or use a new order id.',
    th: 'มีคำสั่งซื้อ {externalId} จาก {source} อยู่แล้วแต่เนื้อหาต่างกัน ส่งเนื้อหาเดิมเพื่อรับคำสั่งซื้อเดิม หรือใช้รหัสคำสั่งซื้อใหม่',
  },
  order_customer_inactive: {
    status: 409,
    en: 'This customer was merged or erased; orders go to the active profile.',
    th: 'ลูกค้ารายนี้ถูกรวมหรือลบแล้ว คำสั่งซื้อต้องอยู่กับโปรไฟล์ที่ใช้งานอยู่',
  },
  order_status_conflict: {
    status: 409,
    en: 'An order that is {status} cannot be {action}.',
    th: 'คำสั่งซื้อที่มีสถานะ {statusTh} ไม่สามารถ{actionTh}ได้',
  },
  refund_exceeds_paid: {
    status: 422,
    en: 'A refund of {amount} is more than the {refundable} still refundable on this order.',
    th: 'ยอดคืนเงิน {amount} มากกว่ายอดที่ยังคืนได้ {refundable} ของคำสั่งซื้อนี้',
  },
  refund_bad_return: {
    status: 422,
    en: 'Line {line} cannot take back {quantity}: the order has {available} left to return on it.',
    th: 'รายการที่ {line} คืนสินค้า {quantity} ชิ้นไม่ได้ เหลือให้คืนได้ {available} ชิ้น',
  },
} satisfies Record<string, ErrorEntry>;
