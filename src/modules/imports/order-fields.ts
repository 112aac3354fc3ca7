import { AppError } from '../../core/errors/app-error.ts';
import type { ColumnMapping } from './import-fields.ts';
import { aliasSuggester, type HeaderAliases } from './suggest-mapping.ts';

/** Where a column of an orders CSV can go. */
export const ORDER_IMPORT_FIELDS = [
  'customerExternalId',
  'email',
  'phone',
  'customerName',
  'orderId',
  'orderedAt',
  'amount',
  'currency',
  'quantity',
  'productName',
  'sku',
  'status',
  'source',
] as const;
export type OrderImportField = (typeof ORDER_IMPORT_FIELDS)[number];

/** The customer identifiers an order row may carry (at least one is needed). */
export const ORDER_CUSTOMER_FIELDS = ['customerExternalId', 'email', 'phone'] as const;

const FIELD_SET = new Set<string>(ORDER_IMPORT_FIELDS);

export function isOrderImportTarget(target: string): boolean {
  return FIELD_SET.has(target);
}

/** Header names people use for order columns, Thai and English, folded (foldHeader in suggest-mapping.ts). */
const SYNONYMS: HeaderAliases<OrderImportField> = {
  customerExternalId: [
    'customerexternalid',
    'customerid',
    'customerno',
    'customercode',
    'memberid',
    'memberno',
    'รหัสลูกค้า',
    'รหัสสมาชิก',
    'เลขสมาชิก',
  ],
  email: ['email', 'customeremail', 'emailaddress', 'อีเมล', 'อีเมล์', 'อีเมลลูกค้า'],
  phone: ['phone', 'customerphone', 'mobile', 'tel', 'telephone', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'โทรศัพท์', 'มือถือ'],
  customerName: ['customername', 'name', 'fullname', 'ชื่อลูกค้า', 'ชื่อ', 'ชื่อนามสกุล'],
  orderId: [
    'orderid',
    'orderno',
    'ordernumber',
    'externalorderid',
    'invoiceno',
    'invoicenumber',
    'receiptno',
    'เลขที่คำสั่งซื้อ',
    'รหัสคำสั่งซื้อ',
    'หมายเลขคำสั่งซื้อ',
    'เลขที่ใบเสร็จ',
    'เลขที่บิล',
  ],
  orderedAt: [
    'orderedat',
    'orderdate',
    'date',
    'datetime',
    'purchasedate',
    'transactiondate',
    'วันที่',
    'วันที่สั่งซื้อ',
    'วันที่ซื้อ',
    'วันเวลา',
  ],
  amount: [
    'amount',
    'total',
    'linetotal',
    'linetotalamount',
    'price',
    'value',
    'ยอด',
    'ยอดเงิน',
    'จำนวนเงิน',
    'ยอดรวม',
    'ราคา',
  ],
  currency: ['currency', 'สกุลเงิน'],
  quantity: ['quantity', 'qty', 'จำนวน', 'จำนวนชิ้น'],
  productName: ['productname', 'product', 'item', 'itemname', 'ชื่อสินค้า', 'สินค้า', 'รายการ'],
  sku: ['sku', 'productcode', 'itemcode', 'รหัสสินค้า'],
  status: ['status', 'orderstatus', 'สถานะ'],
  source: ['source', 'channel', 'ช่องทาง', 'ที่มา'],
};

/** A mapping of an orders file guessed from its header names; each field for one column at most. */
export const suggestOrderMapping: (headers: readonly string[]) => ColumnMapping = aliasSuggester(
  ORDER_IMPORT_FIELDS,
  SYNONYMS,
);

/** Checks an orders mapping against the file: known targets, each once, a customer, a date and an amount. */
export function checkOrderMapping(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const clean: ColumnMapping = {};
  const targets = new Set<string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (!target) continue;
    if (!headers.includes(header))
      throw new AppError('import_mapping_invalid', { reason: `the file has no column "${header}"` });
    if (!isOrderImportTarget(target))
      throw new AppError('import_mapping_invalid', { reason: `"${target}" is not an order field` });
    if (targets.has(target)) throw new AppError('import_mapping_invalid', { reason: `two columns go to "${target}"` });
    targets.add(target);
    clean[header] = target;
  }
  if (!ORDER_CUSTOMER_FIELDS.some((f) => targets.has(f)))
    throw new AppError('import_mapping_invalid', { reason: 'map a customer column (customer id, email or phone)' });
  for (const f of ['orderedAt', 'amount'])
    if (!targets.has(f)) throw new AppError('import_mapping_invalid', { reason: `map a column to "${f}"` });
  return clean;
}
