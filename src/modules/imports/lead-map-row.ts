import { type ImportedLead, type LeadImportCells, parseLeadCells, type RowError } from '../leads/index.ts';
import { leadFieldLabelTh, relabelThaiReason } from './field-labels.ts';
import type { ColumnMapping } from './import-fields.ts';

/** One row of a leads CSV, mapped and checked: the lead, or why the row is rejected. */
export interface LeadRow {
  line: number;
  lead?: ImportedLead;
  errors: RowError[];
  raw: () => string;
}

/** Compiles a checked leads mapping into a function from a CSV record to a lead (no database). */
export function compileLeadRowMapper(
  mapping: ColumnMapping,
  headers: readonly string[],
  delimiter: string,
): (line: number, cells: string[], ragged: boolean) => LeadRow {
  const columns = Object.entries(mapping).map(([header, target]) => ({
    index: headers.indexOf(header),
    target: target as keyof LeadImportCells,
  }));
  return (line, cells, ragged) => {
    const raw = () => cells.map((c) => (/[",\n\r;\t]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);
    if (ragged) {
      return {
        line,
        raw,
        errors: [
          {
            en: `the row has ${cells.length} cells but the header has ${headers.length}`,
            th: `แถวนี้มี ${cells.length} ช่อง แต่หัวตารางมี ${headers.length} ช่อง`,
          },
        ],
      };
    }
    const values: LeadImportCells = {};
    for (const c of columns) {
      const value = (cells[c.index] ?? '').trim();
      if (value !== '') values[c.target] = value;
    }
    const parsed = parseLeadCells(values);
    if ('lead' in parsed) return { line, raw, lead: parsed.lead, errors: [] };
    // The leads module names the field in English in both halves; the Thai half names it in Thai.
    const errors = parsed.errors.map((e) => ({ en: e.en, th: relabelThaiReason(e.th, leadFieldLabelTh) }));
    return { line, raw, errors };
  };
}

/** "en; en / th; th": the reason stored for a rejected row. */
export function leadReasonOf(errors: RowError[]): string {
  return `${errors.map((e) => e.en).join('; ')} / ${errors.map((e) => e.th).join('; ')}`;
}
