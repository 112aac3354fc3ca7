import type { customers } from '../customers/index.ts';

type CustomerRow = typeof customers.$inferSelect;

/** The analytics module's scores of a customer (customer_scores, read by table name), if any. */
export interface ExportScores {
  valueGrade: string;
  rfmSegment: string;
  churnRisk: string;
  pAlive: number;
  clv12mSatang: number;
}

export type ExportRow = CustomerRow & { scores?: ExportScores | undefined };

const baht = (satang: number) => (satang / 100).toFixed(2);

/**
 * Columns of a customer export. Values are the stored codes (not translated labels), so an
 * exported file imports back as it is: each Thai and English header is one the import's
 * mapping suggestion recognises.
 */
export const EXPORT_COLUMNS: { th: string; en: string; value: (c: ExportRow) => string | number | null }[] = [
  { th: 'รหัสลูกค้า', en: 'Customer id', value: (c) => c.id },
  { th: 'ชื่อที่แสดง', en: 'Display name', value: (c) => c.displayName },
  { th: 'ชื่อ', en: 'First name', value: (c) => c.firstName },
  { th: 'นามสกุล', en: 'Last name', value: (c) => c.lastName },
  { th: 'ชื่ออังกฤษ', en: 'First name EN', value: (c) => c.firstNameEn },
  { th: 'นามสกุลอังกฤษ', en: 'Last name EN', value: (c) => c.lastNameEn },
  { th: 'ชื่อเล่น', en: 'Nickname', value: (c) => c.nickname },
  { th: 'ประเภท', en: 'Kind', value: (c) => c.kind },
  { th: 'ประเภทลูกค้า', en: 'Customer type', value: (c) => c.customerType },
  { th: 'เพศ', en: 'Gender', value: (c) => c.gender },
  { th: 'วันเกิด', en: 'Birthday', value: (c) => c.birthday },
  { th: 'อีเมล', en: 'Email', value: (c) => c.email },
  { th: 'เบอร์โทร', en: 'Phone', value: (c) => c.phone },
  { th: 'ไลน์', en: 'LINE', value: (c) => c.lineId },
  { th: 'ที่อยู่', en: 'Address', value: (c) => c.addressLine },
  { th: 'ตำบล', en: 'Sub-district', value: (c) => c.subDistrict },
  { th: 'อำเภอ', en: 'District', value: (c) => c.district },
  { th: 'จังหวัด', en: 'Province', value: (c) => c.province },
  { th: 'รหัสไปรษณีย์', en: 'Postcode', value: (c) => c.postcode },
  { th: 'เลขประจำตัวผู้เสียภาษี', en: 'Tax id', value: (c) => c.taxId },
  { th: 'แท็ก', en: 'Tags', value: (c) => c.tags.join(';') },
  { th: 'ที่มา', en: 'Source', value: (c) => c.source },
  { th: 'สร้างเมื่อ', en: 'Created at', value: (c) => c.createdAt.toISOString() },
  // The last analytics recompute (empty before a first purchase and a run); not imported back.
  { th: 'ระดับมูลค่า', en: 'Value grade', value: (c) => c.scores?.valueGrade ?? null },
  { th: 'กลุ่ม RFM', en: 'RFM segment', value: (c) => c.scores?.rfmSegment ?? null },
  { th: 'ความเสี่ยงเลิกซื้อ', en: 'Churn risk', value: (c) => c.scores?.churnRisk ?? null },
  { th: 'โอกาสยังซื้ออยู่', en: 'P(alive)', value: (c) => (c.scores ? c.scores.pAlive.toFixed(4) : null) },
  {
    th: 'มูลค่าคาดการณ์ 12 เดือน (บาท)',
    en: 'Predicted 12-month value (THB)',
    value: (c) => (c.scores ? baht(c.scores.clv12mSatang) : null),
  },
];
