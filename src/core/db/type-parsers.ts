/**
 * Both drivers must hand callers the same JavaScript values, so the parsers for the
 * types where they differ live here and nowhere else:
 * - int8 (count(*), bigint columns): a number when it fits in 2^53, otherwise a BigInt
 * - date: the 'YYYY-MM-DD' string as stored (no time-zone shift through Date)
 * - numeric: a string (exact decimal), which both drivers already do
 */
export const OID_INT8 = 20;
export const OID_DATE = 1082;

export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

export function parseDate(text: string): string {
  return text;
}

export const sharedParsers: Record<number, (text: string) => unknown> = {
  [OID_INT8]: parseInt8,
  [OID_DATE]: parseDate,
};
