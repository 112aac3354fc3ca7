/**
 * Guessing a column mapping from a CSV file's header names, shared by every import kind
 * (customers, leads, orders). Each kind keeps its own alias table beside its fields.
 */

/** A kind's header aliases: for each field, the header names people use (Thai and English), already folded. */
export type HeaderAliases<F extends string> = Readonly<Record<F, readonly string[]>>;

/** A header name folded for lookup: NFC, lower-case, without spaces, dots, underscores, dashes, slashes, parentheses, stars or colons. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s._\-/()*:]+/g, '');
}

/**
 * A function that guesses a mapping (CSV header → field) from a file's headers. A header
 * goes to the first field (in `fields` order) whose aliases hold the folded header, or
 * failing that to the field whose own name it is (any case); each field is suggested for
 * one column at most (the first that names it) and unknown headers are left out.
 */
export function aliasSuggester<F extends string>(
  fields: readonly F[],
  aliases: HeaderAliases<F>,
): (headers: readonly string[]) => Record<string, F> {
  const lookup = new Map<string, F>();
  for (const field of fields) for (const name of aliases[field]) if (!lookup.has(name)) lookup.set(name, field);
  for (const field of fields) if (!lookup.has(field.toLowerCase())) lookup.set(field.toLowerCase(), field);
  return (headers) => {
    const mapping: Record<string, F> = {};
    const used = new Set<F>();
    for (const header of headers) {
      const field = lookup.get(foldHeader(header));
      if (field && !used.has(field)) {
        mapping[header] = field;
        used.add(field);
      }
    }
    return mapping;
  };
}
