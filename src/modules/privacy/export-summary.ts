import type { CustomerDataExport } from './collect-customer-data.ts';

type Row = Record<string, unknown>;

const PROFILE_FIELDS: [string, string, string][] = [
  ['display_name', 'ชื่อที่แสดง', 'Display name'],
  ['first_name', 'ชื่อ', 'First name'],
  ['last_name', 'นามสกุล', 'Last name'],
  ['first_name_en', 'ชื่อ (อังกฤษ)', 'First name (English)'],
  ['last_name_en', 'นามสกุล (อังกฤษ)', 'Last name (English)'],
  ['nickname', 'ชื่อเล่น', 'Nickname'],
  ['gender', 'เพศ', 'Gender'],
  ['birthday', 'วันเกิด', 'Birthday'],
  ['email', 'อีเมล', 'Email'],
  ['phone', 'โทรศัพท์', 'Phone'],
  ['line_id', 'LINE', 'LINE'],
  ['address_line', 'ที่อยู่', 'Address'],
  ['sub_district', 'ตำบล/แขวง', 'Sub-district'],
  ['district', 'อำเภอ/เขต', 'District'],
  ['province', 'จังหวัด', 'Province'],
  ['postcode', 'รหัสไปรษณีย์', 'Postcode'],
  ['occupation', 'อาชีพ', 'Occupation'],
  ['status', 'สถานะ', 'Status'],
  ['created_at', 'สร้างเมื่อ', 'Created'],
];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function section(th: string, en: string, rows: Row[], line: (r: Row) => string): string[] {
  const out = ['', `${th} / ${en} (${rows.length})`];
  for (const r of rows) out.push(`  - ${line(r)}`);
  return out;
}

/** A readable, bilingual (Thai / English) summary of a data export, as plain text. */
export function exportSummaryText(data: CustomerDataExport): string {
  const p = data.profile;
  const lines = [
    'สรุปข้อมูลส่วนบุคคลที่เราเก็บไว้ / Summary of the personal data we hold',
    `รหัสลูกค้า / Customer id: ${data.customerId}`,
    `จัดทำเมื่อ / Prepared at: ${data.exportedAt}`,
    '',
    'ข้อมูลโปรไฟล์ / Profile',
    ...PROFILE_FIELDS.map(([key, th, en]) => `  ${th} / ${en}: ${show(p[key])}`),
  ];
  lines.push(
    ...section('ตัวระบุตัวตน', 'Identifiers', data.identities, (r) => `${show(r.kind)}: ${show(r.value)}`),
    ...section('ที่อยู่เพิ่มเติม', 'Other addresses', data.addresses, (r) =>
      [r.label, r.address_line, r.sub_district, r.district, r.province, r.postcode].map(show).join(' '),
    ),
    ...section(
      'ความเชื่อมโยงกับบริษัท',
      'Company links',
      data.companyLinks,
      (r) => `${show(r.role)} (${show(r.company_id)} ↔ ${show(r.person_id)})`,
    ),
    ...section(
      'ประวัติความยินยอม',
      'Consent history',
      data.consentHistory,
      (r) => `${show(r.recorded_at)} ${show(r.purpose)} · ${show(r.channel)}: ${show(r.status)} (${show(r.source)})`,
    ),
    ...section(
      'ไทม์ไลน์',
      'Timeline',
      data.activities,
      (r) => `${show(r.occurred_at)} ${show(r.kind)}: ${show(r.subject)}`,
    ),
    ...section('การรวมโปรไฟล์', 'Merges', data.merges, (r) => `${show(r.created_at)} → ${show(r.survivor_id)}`),
    ...section(
      'คำขอของเจ้าของข้อมูล',
      'Data-subject requests',
      data.dataSubjectRequests,
      (r) => `${show(r.requested_at)} ${show(r.kind)}: ${show(r.status)}`,
    ),
    '',
    `ผู้แนะนำ / Referred by: ${show(data.referrals.referredById)}`,
    `จำนวนคนที่แนะนำมา / People referred: ${data.referrals.referredCustomerIds.length}`,
  );
  for (const [table, rows] of Object.entries(data.otherTables)) {
    lines.push('', `ข้อมูลอื่น / Other records: ${table} (${rows.length})`);
  }
  lines.push('', 'ข้อมูลทั้งหมดในรูปแบบ JSON / Everything as JSON: GET …/data-export');
  return `${lines.join('\n')}\n`;
}
