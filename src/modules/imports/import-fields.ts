import { AppError } from '../../core/errors/app-error.ts';
import { aliasSuggester, type HeaderAliases } from './suggest-mapping.ts';

/**
 * Where a CSV column can go. Besides these: `customFields.<key>` (an admin-defined field)
 * and `external:<system>` (an external id of that source system).
 */
export const IMPORT_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'firstNameEn',
  'lastNameEn',
  'nickname',
  'kind',
  'customerType',
  'gender',
  'birthday',
  'email',
  'phone',
  'lineId',
  'facebook',
  'posMemberNumber',
  'externalId',
  'externalSystem',
  'province',
  'district',
  'subDistrict',
  'postcode',
  'addressLine',
  'taxId',
  'tags',
  'source',
  'ownerEmail',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** CSV header → target field (or "" / missing to ignore the column). */
export type ColumnMapping = Record<string, string>;

const FIELD_SET = new Set<string>(IMPORT_FIELDS);
const CUSTOM_FIELD = /^customFields\.[a-z][a-z0-9_]{0,49}$/;
const EXTERNAL = /^external:[a-z0-9_.-]{1,50}$/;

export function isImportTarget(target: string): boolean {
  return FIELD_SET.has(target) || CUSTOM_FIELD.test(target) || EXTERNAL.test(target);
}

/**
 * Header names people use, Thai and English, folded (foldHeader in suggest-mapping.ts:
 * lower-case, no spaces, dots, dashes or underscores). The first field whose list holds
 * the folded header is suggested, else the field of that name.
 */
const SYNONYMS: HeaderAliases<ImportField> = {
  displayName: [
    'displayname',
    'name',
    'fullname',
    'customername',
    'ชื่อที่แสดง',
    'ชื่อลูกค้า',
    'ชื่อเต็ม',
    'ชื่อนามสกุล',
    'ชื่อสกุล',
    'ชื่อบริษัท',
    'company',
    'companyname',
  ],
  firstName: ['firstname', 'ชื่อ', 'ชื่อจริง', 'ชื่อไทย', 'ชื่อภาษาไทย', 'given', 'givenname'],
  lastName: ['lastname', 'surname', 'นามสกุล', 'สกุล', 'นามสกุลไทย', 'familyname'],
  firstNameEn: ['firstnameen', 'englishfirstname', 'firstnameenglish', 'ชื่ออังกฤษ', 'ชื่อภาษาอังกฤษ'],
  lastNameEn: ['lastnameen', 'englishlastname', 'lastnameenglish', 'surnameen', 'นามสกุลอังกฤษ', 'นามสกุลภาษาอังกฤษ'],
  nickname: ['nickname', 'nick', 'ชื่อเล่น'],
  kind: ['kind', 'type', 'ประเภท', 'บุคคลหรือบริษัท'],
  customerType: ['customertype', 'ประเภทลูกค้า', 'segment'],
  gender: ['gender', 'sex', 'เพศ'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', 'วันเกิด', 'วันเดือนปีเกิด'],
  email: ['email', 'emailaddress', 'mail', 'อีเมล', 'อีเมล์', 'อีเมลล์'],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'tel',
    'telephone',
    'เบอร์โทร',
    'เบอร์โทรศัพท์',
    'โทรศัพท์',
    'เบอร์มือถือ',
    'มือถือ',
    'เบอร์',
  ],
  lineId: ['line', 'lineid', 'ไลน์', 'ไอดีไลน์'],
  facebook: ['facebook', 'fb', 'facebookpsid', 'เฟซบุ๊ก', 'เฟสบุ๊ค'],
  posMemberNumber: [
    'pos',
    'posmember',
    'posmembernumber',
    'memberno',
    'membernumber',
    'memberid',
    'เลขสมาชิก',
    'รหัสสมาชิก',
    'หมายเลขสมาชิก',
  ],
  externalId: ['externalid', 'customerid', 'id', 'รหัสลูกค้า'],
  externalSystem: ['externalsystem', 'system', 'sourcesystem', 'ระบบ'],
  province: ['province', 'จังหวัด', 'state'],
  district: ['district', 'amphoe', 'อำเภอ', 'เขต', 'อำเภอเขต'],
  subDistrict: ['subdistrict', 'tambon', 'ตำบล', 'แขวง', 'ตำบลแขวง'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'รหัสไปรษณีย์', 'ไปรษณีย์'],
  addressLine: ['address', 'addressline', 'street', 'ที่อยู่', 'บ้านเลขที่'],
  taxId: ['taxid', 'taxnumber', 'เลขประจำตัวผู้เสียภาษี', 'เลขผู้เสียภาษี', 'เลขภาษี'],
  tags: ['tags', 'tag', 'labels', 'แท็ก', 'ป้าย', 'กลุ่ม'],
  source: ['source', 'channel', 'ที่มา', 'ช่องทาง'],
  ownerEmail: ['owner', 'owneremail', 'salesemail', 'ผู้ดูแล', 'อีเมลผู้ดูแล', 'พนักงานขาย'],
};

/** A mapping guessed from the header names; each field is suggested for one column at most. */
export const suggestMapping: (headers: readonly string[]) => ColumnMapping = aliasSuggester(IMPORT_FIELDS, SYNONYMS);

/** Checks a mapping against the file's headers: known targets, each target once, something that names or identifies a customer. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const clean: ColumnMapping = {};
  const targets = new Set<string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (!target) continue;
    if (!headers.includes(header))
      throw new AppError('import_mapping_invalid', { reason: `the file has no column "${header}"` });
    if (!isImportTarget(target)) throw new AppError('import_mapping_invalid', { reason: `"${target}" is not a field` });
    if (targets.has(target)) throw new AppError('import_mapping_invalid', { reason: `two columns go to "${target}"` });
    targets.add(target);
    clean[header] = target;
  }
  if (targets.has('externalSystem') && !targets.has('externalId')) {
    throw new AppError('import_mapping_invalid', { reason: 'externalSystem needs an externalId column' });
  }
  const naming = ['displayName', 'firstName', 'lastName', 'firstNameEn', 'lastNameEn', 'nickname', 'email', 'phone'];
  if (!naming.some((f) => targets.has(f)) && ![...targets].some((t) => t.startsWith('external') || t === 'lineId')) {
    throw new AppError('import_mapping_invalid', { reason: 'map at least a name, email, phone or id column' });
  }
  return clean;
}
