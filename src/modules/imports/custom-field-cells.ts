import { and, asc, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import type { FieldError } from '../../core/http/problem.ts';
import { type CustomFieldDefinitionRow, checkCustomFields, customFieldDefinitions } from '../customers/index.ts';

type Kind = 'person' | 'company';

/** The active custom field definitions, read once per import run. */
export interface CustomFieldRules {
  byKey: Map<string, CustomFieldDefinitionRow>;
  /** Definitions per kind of customer, in checkCustomFields' order. */
  forKind: Record<Kind, CustomFieldDefinitionRow[]>;
  /** Whether a created customer of this kind needs some custom field even when the row maps none. */
  required: Record<Kind, boolean>;
}

export async function loadCustomFieldRules(db: DbOrTx): Promise<CustomFieldRules> {
  const defs = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(isNull(customFieldDefinitions.archivedAt)))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.key));
  const of = (kind: Kind) => defs.filter((d) => d.appliesTo === kind || d.appliesTo === 'all');
  const forKind = { person: of('person'), company: of('company') };
  return {
    byKey: new Map(defs.map((d) => [d.key, d])),
    forKind,
    required: { person: forKind.person.some((d) => d.required), company: forKind.company.some((d) => d.required) },
  };
}

/**
 * checkCustomFields reads the definitions with one query per call; an import checks
 * thousands of rows per batch, so it gets a reader that answers that query from the
 * definitions loaded once. The validation itself stays checkCustomFields' own.
 */
function definitionsReader(defs: CustomFieldDefinitionRow[]): DbOrTx {
  const query: object = new Proxy(
    {},
    {
      get: (_target, prop) => {
        if (prop === 'then') return (resolve: (v: unknown) => void) => resolve(defs);
        return () => query;
      },
    },
  );
  return query as DbOrTx;
}

function optionValue(def: CustomFieldDefinitionRow, cell: string): string {
  const lower = cell.toLowerCase();
  const option = def.options.find((o) => o.value === cell || o.th === cell || o.en.toLowerCase() === lower);
  return option?.value ?? cell;
}

/** A date cell as YYYY-MM-DD: ISO as is, or D/M/YYYY with a Buddhist-era year (> 2400) converted. */
function isoDate(cell: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (!m) return cell;
  const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3]);
  return `${year}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
}

/** A CSV cell as the value its definition's type takes; a cell that cannot be is left as text for the checker to refuse. */
function typedValue(def: CustomFieldDefinitionRow | undefined, cell: string): unknown {
  switch (def?.type) {
    case 'number': {
      const text = cell.replaceAll(',', '');
      return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : cell;
    }
    case 'date':
      return isoDate(cell);
    case 'select':
      return optionValue(def, cell);
    case 'multi_select':
      return cell
        .split(/[;|]/)
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => optionValue(def, v));
    default:
      return cell;
  }
}

export type CustomFieldsResult = { ok: true; value: Record<string, unknown> } | { ok: false; en: string; th: string };

/**
 * A row's custom field cells, typed and checked by checkCustomFields against the active
 * definitions for its kind, merged over the profile's previous values. Undefined when the
 * row has nothing to check (no cells, and no required field a new profile could miss).
 */
export async function checkImportedCustomFields(
  rules: CustomFieldRules,
  kind: string | undefined,
  cells: Record<string, unknown> | undefined,
  previous: Record<string, unknown> | undefined,
): Promise<CustomFieldsResult | undefined> {
  const k: Kind = kind === 'company' ? 'company' : 'person';
  if (!cells && (previous !== undefined || !rules.required[k])) return undefined;
  const values: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(cells ?? {})) values[key] = typedValue(rules.byKey.get(key), String(cell));
  try {
    return { ok: true, value: await checkCustomFields(definitionsReader(rules.forKind[k]), k, values, previous ?? {}) };
  } catch (err) {
    if (!isAppError(err) || !Array.isArray(err.details)) throw err;
    const errors = err.details as FieldError[];
    return {
      ok: false,
      en: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      th: errors.map((e) => `${e.path}: ${e.th ?? e.message}`).join('; '),
    };
  }
}
