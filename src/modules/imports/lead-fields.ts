import { AppError } from '../../core/errors/app-error.ts';
import type { ColumnMapping } from './import-fields.ts';
import { aliasSuggester, type HeaderAliases } from './suggest-mapping.ts';

/** Where a column of a leads CSV can go. */
export const LEAD_IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'lineId',
  'province',
  'source',
  'sourceDetail',
  'notes',
  'owner',
  'status',
  'disqualifyReason',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

const FIELD_SET = new Set<string>(LEAD_IMPORT_FIELDS);

export function isLeadImportTarget(target: string): boolean {
  return FIELD_SET.has(target);
}

/** Header names people use for lead columns, Thai and English, folded (foldHeader in suggest-mapping.ts). */
const SYNONYMS: HeaderAliases<LeadImportField> = {
  name: ['name', 'fullname', 'leadname', 'contactname', 'contact', 'ชื่อ', 'ชื่อนามสกุล', 'ชื่อสกุล', 'ชื่อผู้ติดต่อ'],
  firstName: ['firstname', 'givenname', 'ชื่อจริง'],
  lastName: ['lastname', 'surname', 'familyname', 'นามสกุล'],
  company: ['company', 'companyname', 'organisation', 'organization', 'บริษัท', 'ชื่อบริษัท', 'องค์กร', 'หน่วยงาน'],
  jobTitle: ['jobtitle', 'title', 'position', 'ตำแหน่ง'],
  email: ['email', 'emailaddress', 'อีเมล', 'อีเมล์'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'โทรศัพท์', 'มือถือ'],
  lineId: ['lineid', 'line', 'ไลน์', 'ไลน์ไอดี'],
  province: ['province', 'จังหวัด'],
  source: ['source', 'leadsource', 'channel', 'ที่มา', 'แหล่งที่มา', 'ช่องทาง'],
  sourceDetail: ['sourcedetail', 'campaign', 'event', 'แคมเปญ', 'รายละเอียดที่มา'],
  notes: ['notes', 'note', 'comment', 'comments', 'message', 'หมายเหตุ', 'บันทึก', 'ข้อความ'],
  owner: ['owner', 'owneremail', 'salesperson', 'assignedto', 'ผู้ดูแล', 'เซลส์', 'พนักงานขาย'],
  status: ['status', 'leadstatus', 'สถานะ'],
  disqualifyReason: ['disqualifyreason', 'reason', 'เหตุผล', 'เหตุผลที่ไม่ผ่าน'],
};

/** A mapping of a leads file guessed from its header names; each field for one column at most. */
export const suggestLeadMapping: (headers: readonly string[]) => ColumnMapping = aliasSuggester(
  LEAD_IMPORT_FIELDS,
  SYNONYMS,
);

/** Checks a leads mapping against the file: known targets, each once, and something that names the lead. */
export function checkLeadMapping(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const clean: ColumnMapping = {};
  const targets = new Set<string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (!target) continue;
    if (!headers.includes(header))
      throw new AppError('import_mapping_invalid', { reason: `the file has no column "${header}"` });
    if (!isLeadImportTarget(target))
      throw new AppError('import_mapping_invalid', { reason: `"${target}" is not a lead field` });
    if (targets.has(target)) throw new AppError('import_mapping_invalid', { reason: `two columns go to "${target}"` });
    targets.add(target);
    clean[header] = target;
  }
  const naming = ['name', 'firstName', 'lastName', 'company', 'email', 'phone', 'lineId'];
  if (!naming.some((f) => targets.has(f)))
    throw new AppError('import_mapping_invalid', {
      reason: 'map a column to the name, company, email, phone or LINE id of the lead',
    });
  return clean;
}
