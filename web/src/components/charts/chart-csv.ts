/** One cell of a chart's data table. */
export type CsvCell = string | number | null | undefined;

/** The data behind a chart, as it is downloaded: a header row and the rows. */
export interface ChartTable {
  header: string[];
  rows: CsvCell[][];
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote when the text holds a separator, a quote or a line break (RFC 4180).
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a byte-order mark, so Excel opens Thai text as UTF-8.
 * Lines end with CRLF as the RFC and Excel expect.
 */
export function chartTableToCsv(table: ChartTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name without characters that browsers or file systems refuse. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'chart' : cleaned;
}
