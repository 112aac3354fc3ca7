import type { ImportField } from './import-fields.ts';
import type { LeadImportField } from './lead-fields.ts';
import type { OrderImportField } from './order-fields.ts';

/**
 * Thai names of the import fields, for the Thai half of a rejection reason ("เบอร์โทร: …"
 * where the English half says "phone: …"). The wording follows the mapping screens
 * (web/src/i18n/dataops.th.json fields and orderFields, leads.th.json import.fields) without
 * their hints in brackets. A label must not hold " / ": that separates a reason's halves.
 */
const CUSTOMER_LABELS: Record<ImportField, string> = {
  displayName: 'ชื่อที่แสดง',
  firstName: 'ชื่อ (ไทย)',
  lastName: 'นามสกุล (ไทย)',
  firstNameEn: 'ชื่อ (อังกฤษ)',
  lastNameEn: 'นามสกุล (อังกฤษ)',
  nickname: 'ชื่อเล่น',
  kind: 'บุคคลหรือบริษัท',
  customerType: 'ประเภทลูกค้า',
  gender: 'เพศ',
  birthday: 'วันเกิด',
  email: 'อีเมล',
  phone: 'เบอร์โทร',
  lineId: 'LINE ID',
  facebook: 'Facebook PSID',
  posMemberNumber: 'เลขสมาชิก POS',
  externalId: 'รหัสจากระบบอื่น',
  externalSystem: 'ชื่อระบบอื่น',
  province: 'จังหวัด',
  district: 'อำเภอ/เขต',
  subDistrict: 'ตำบล/แขวง',
  postcode: 'รหัสไปรษณีย์',
  addressLine: 'ที่อยู่',
  taxId: 'เลขประจำตัวผู้เสียภาษี',
  tags: 'แท็ก',
  source: 'แหล่งที่มา',
  ownerEmail: 'ผู้ดูแล',
};

const ORDER_LABELS: Record<OrderImportField | 'customer', string> = {
  customerExternalId: 'รหัสลูกค้า',
  email: 'อีเมลลูกค้า',
  phone: 'เบอร์โทรลูกค้า',
  customerName: 'ชื่อลูกค้า',
  orderId: 'เลขที่คำสั่งซื้อ',
  orderedAt: 'วันที่สั่งซื้อ',
  amount: 'ยอดเงิน',
  currency: 'สกุลเงิน',
  quantity: 'จำนวน',
  productName: 'ชื่อสินค้า',
  sku: 'รหัสสินค้า',
  status: 'สถานะ',
  source: 'ช่องทาง',
  customer: 'ลูกค้า',
};

const LEAD_LABELS: Record<LeadImportField | 'lead', string> = {
  name: 'ชื่อ-นามสกุล',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  company: 'บริษัท',
  jobTitle: 'ตำแหน่ง',
  email: 'อีเมล',
  phone: 'เบอร์โทร',
  lineId: 'LINE ID',
  province: 'จังหวัด',
  source: 'ที่มา',
  sourceDetail: 'รายละเอียดที่มา',
  notes: 'หมายเหตุ',
  owner: 'ผู้ดูแล',
  status: 'สถานะ',
  disqualifyReason: 'เหตุผลที่ไม่ผ่านการคัดกรอง',
  lead: 'ลีด',
};

const own = (table: Record<string, string>, field: string) => (Object.hasOwn(table, field) ? table[field] : undefined);

/** The Thai name of a customer import target, custom fields and external ids included; else the target itself. */
export function customerFieldLabelTh(field: string): string {
  if (field.startsWith('customFields.')) return `ช่องข้อมูลเพิ่มเติม ${field.slice('customFields.'.length)}`;
  if (field.startsWith('external:')) return `รหัสจากระบบ ${field.slice('external:'.length)}`;
  return own(CUSTOMER_LABELS, field) ?? field;
}

/** The Thai name of an order import field (or "customer"); else the field itself. */
export function orderFieldLabelTh(field: string): string {
  return own(ORDER_LABELS, field) ?? field;
}

/** The Thai name of a lead import field (or "lead"); else the field itself. */
export function leadFieldLabelTh(field: string): string {
  return own(LEAD_LABELS, field) ?? field;
}

/**
 * A Thai reason that starts with an English field name ("phone: …", as the leads module
 * writes them) with that name in Thai; any other text is returned as it is.
 */
export function relabelThaiReason(th: string, label: (field: string) => string): string {
  const match = /^([A-Za-z][\w.]*): /.exec(th);
  if (!match) return th;
  const field = match[1] as string;
  return `${label(field)}${th.slice(field.length)}`;
}
