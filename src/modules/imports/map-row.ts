import { type Identifier, type IdentifierKind, normaliseIdentifier } from '../customers/index.ts';
import { customerFieldLabelTh } from './field-labels.ts';
import type { ColumnMapping } from './import-fields.ts';
import {
  CellError,
  limitedText,
  parseBirthday,
  parseCustomerType,
  parseGender,
  parseKind,
  parseTags,
  parseTaxId,
  profileValue,
} from './row-values.ts';

/** Profile fields an import row can set (only the mapped, non-empty ones are present). */
export interface ProfileFields {
  kind?: string;
  customerType?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  firstNameEn?: string;
  lastNameEn?: string;
  nickname?: string;
  gender?: string;
  birthday?: string;
  email?: string;
  phone?: string;
  lineId?: string;
  province?: string;
  district?: string;
  subDistrict?: string;
  postcode?: string;
  addressLine?: string;
  taxId?: string;
  source?: string;
  tags?: string[];
  customFields?: Record<string, unknown>;
}

export interface MappedRow {
  line: number;
  fields: ProfileFields;
  /** Normalised, in the file's column order; resolution sorts them by trust. */
  identifiers: Identifier[];
  ownerEmail?: string;
  /** The row as CSV text, for the rejection report. */
  raw: () => string;
  /** search_text of the profile this row would create on its own (prepareRow, before the transaction). */
  searchText?: string;
}

export interface RejectedRow {
  line: number;
  reason: string;
  raw: string;
}

export type RowResult = { ok: true; row: MappedRow } | { ok: false; rejected: RejectedRow };

type Setter = (value: string, row: MappedRow, system: string | undefined) => void;

const TEXT_FIELDS: Record<string, number> = {
  displayName: 200,
  firstName: 100,
  lastName: 100,
  firstNameEn: 100,
  lastNameEn: 100,
  nickname: 50,
  province: 100,
  district: 100,
  subDistrict: 100,
  addressLine: 300,
  postcode: 5,
  source: 50,
};

function identify(kind: IdentifierKind, field: string, value: string, row: MappedRow, system = ''): Identifier {
  const result = normaliseIdentifier(kind, value, system);
  if (!result.ok) throw new CellError(field, result.reason, result.reasonTh);
  row.identifiers.push(result.identifier);
  return result.identifier;
}

function setterFor(target: string): Setter {
  const text = TEXT_FIELDS[target];
  if (text !== undefined) {
    const key = target as keyof ProfileFields;
    return (v, row) => {
      (row.fields as Record<string, unknown>)[key] = profileValue(target, limitedText(target, v, Math.max(text, 5)));
    };
  }
  if (target.startsWith('customFields.')) {
    const key = target.slice('customFields.'.length);
    return (v, row) => {
      row.fields.customFields ??= {};
      row.fields.customFields[key] = limitedText(target, v, 1000);
    };
  }
  if (target.startsWith('external:')) {
    const system = target.slice('external:'.length);
    return (v, row) => void identify('external', target, v, row, system);
  }
  switch (target) {
    case 'kind':
      return (v, row) => {
        row.fields.kind = parseKind(v);
      };
    case 'customerType':
      return (v, row) => {
        row.fields.customerType = parseCustomerType(v);
      };
    case 'gender':
      return (v, row) => {
        row.fields.gender = parseGender(v);
      };
    case 'birthday':
      return (v, row) => {
        row.fields.birthday = parseBirthday(v);
      };
    case 'taxId':
      return (v, row) => {
        row.fields.taxId = parseTaxId(v);
      };
    case 'tags':
      return (v, row) => {
        row.fields.tags = profileValue('tags', parseTags(v)) as string[];
      };
    case 'email':
      return (v, row) => {
        row.fields.email = identify('email', 'email', v, row).value;
      };
    case 'phone':
      return (v, row) => {
        row.fields.phone = identify('phone', 'phone', v, row).value;
      };
    case 'lineId':
      return (v, row) => {
        row.fields.lineId = identify('line', 'lineId', limitedText('lineId', v, 50), row).value;
      };
    case 'facebook':
      return (v, row) => void identify('facebook', 'facebook', v, row);
    case 'posMemberNumber':
      return (v, row) => void identify('pos', 'posMemberNumber', v, row);
    case 'externalId':
      return (v, row, system) => void identify('external', 'externalId', v, row, system ?? 'import');
    case 'ownerEmail':
      return (v, row) => {
        row.ownerEmail = v.toLowerCase();
      };
    case 'externalSystem':
      return () => {};
    default:
      throw new Error(`unmapped import target ${target}`);
  }
}

/**
 * Compiles a checked mapping into a function from a CSV row to a profile patch plus its
 * normalised identifiers, or a rejection listing every bad cell (English / Thai, each
 * naming its field in its own language).
 */
export function compileRowMapper(
  mapping: ColumnMapping,
  headers: readonly string[],
  delimiter: string,
  defaultSystem = 'import',
): (line: number, cells: string[], ragged: boolean) => RowResult {
  const columns = Object.entries(mapping).map(([header, target]) => ({
    index: headers.indexOf(header),
    target,
    set: setterFor(target),
  }));
  const systemIndex = columns.find((c) => c.target === 'externalSystem')?.index;
  return (line, cells, ragged) => {
    const raw = () => cells.map((c) => (/[",\n\r;\t]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);
    if (ragged) {
      return {
        ok: false,
        rejected: {
          line,
          reason: `the row has ${cells.length} cells but the header has ${headers.length} / แถวนี้มี ${cells.length} ช่อง แต่หัวตารางมี ${headers.length} ช่อง`,
          raw: raw(),
        },
      };
    }
    const row: MappedRow = { line, fields: {}, identifiers: [], raw };
    const system = systemIndex === undefined ? defaultSystem : cells[systemIndex]?.trim() || defaultSystem;
    const errors: CellError[] = [];
    for (const c of columns) {
      const value = (cells[c.index] ?? '').trim();
      if (value === '') continue;
      try {
        c.set(value, row, system);
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) {
      const en = errors.map((e) => `${e.field}: ${e.en}`).join('; ');
      const th = errors.map((e) => `${customerFieldLabelTh(e.field)}: ${e.th}`).join('; ');
      return { ok: false, rejected: { line, reason: `${en} / ${th}`, raw: raw() } };
    }
    return { ok: true, row };
  };
}
