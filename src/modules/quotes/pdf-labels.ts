/** Words printed on a quote, in the quote's language. */
export const PDF_LABELS = {
  th: {
    title: 'ใบเสนอราคา',
    subtitle: 'Quotation',
    number: 'เลขที่',
    issued: 'วันที่',
    validUntil: 'ยืนราคาถึง',
    taxId: 'เลขประจำตัวผู้เสียภาษี',
    customer: 'ลูกค้า',
    phone: 'โทร',
    email: 'อีเมล',
    no: 'ลำดับ',
    description: 'รายการ',
    quantity: 'จำนวน',
    unitPrice: 'ราคาต่อหน่วย',
    discount: 'ส่วนลด',
    amount: 'จำนวนเงิน',
    subtotal: 'รวมเป็นเงิน',
    totalDiscount: 'ส่วนลดรวม',
    net: 'มูลค่าก่อนภาษี',
    vat: 'ภาษีมูลค่าเพิ่ม',
    total: 'จำนวนเงินรวมทั้งสิ้น',
    vatIncluded: 'ราคารวมภาษีมูลค่าเพิ่มแล้ว',
    notes: 'หมายเหตุ',
    terms: 'เงื่อนไข',
    validity: 'ใบเสนอราคานี้มีผลถึงวันที่',
    preparedBy: 'ผู้เสนอราคา',
    acceptedBy: 'ผู้อนุมัติ / ลูกค้า',
    status: { draft: 'ฉบับร่าง', sent: '', accepted: 'ตอบรับแล้ว', rejected: 'ถูกปฏิเสธ', expired: 'หมดอายุ' },
  },
  en: {
    title: 'Quotation',
    subtitle: 'ใบเสนอราคา',
    number: 'No.',
    issued: 'Date',
    validUntil: 'Valid until',
    taxId: 'Tax ID',
    customer: 'Customer',
    phone: 'Tel.',
    email: 'Email',
    no: '#',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Discount',
    amount: 'Amount',
    subtotal: 'Subtotal',
    totalDiscount: 'Discount',
    net: 'Net before VAT',
    vat: 'VAT',
    total: 'Grand total',
    vatIncluded: 'Prices include VAT',
    notes: 'Notes',
    terms: 'Terms',
    validity: 'This quotation is valid until',
    preparedBy: 'Prepared by',
    acceptedBy: 'Accepted by (customer)',
    status: { draft: 'DRAFT', sent: '', accepted: 'ACCEPTED', rejected: 'REJECTED', expired: 'EXPIRED' },
  },
} as const;
export type PdfLanguage = keyof typeof PDF_LABELS;

/** The seller's branch as Thai tax documents print it: (สำนักงานใหญ่) or (สาขาที่ 00001). */
export function branchLabel(branch: string, language: PdfLanguage): string {
  if (branch === 'head_office') return language === 'th' ? '(สำนักงานใหญ่)' : '(Head office)';
  return language === 'th' ? `(สาขาที่ ${branch})` : `(Branch ${branch})`;
}

/**
 * A calendar day as words: Thai with the Buddhist era (3 ธันวาคม 2569), English as
 * 3 December 2026.
 */
export function formatDay(day: string, language: PdfLanguage): string {
  const at = new Date(`${day}T00:00:00Z`);
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    at,
  );
}

/** Satang as 1,250.50 (the currency is printed once, by the total). */
export function formatMoney(satang: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(satang / 100);
}

/** A VAT rate in basis points as 7% (or 7.5%). */
export function formatRate(rateBp: number): string {
  return `${rateBp / 100}%`;
}
