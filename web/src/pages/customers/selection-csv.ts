import type { CustomerProfile } from '../../queries/customers-types.ts';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The picked customers as CSV (UTF-8 with BOM so Excel shows Thai). The whole filter is
 * exported by the server (GET /customers/export.csv); a hand-picked selection is already on
 * screen, so it is written here from the rows the user picked.
 */
export function selectionCsv(
  rows: CustomerProfile[],
  headers: Record<'name' | 'nameEn' | 'type' | 'phone' | 'email' | 'lineId' | 'owner' | 'tags' | 'createdAt', string>,
  ownerName: (id: string | null | undefined) => string | null,
): string {
  const lines = [
    Object.values(headers).map(cell).join(','),
    ...rows.map((c) =>
      [
        c.displayName,
        [c.firstNameEn, c.lastNameEn].filter(Boolean).join(' '),
        c.kind,
        c.phone,
        c.email,
        c.lineId,
        ownerName(c.ownerId),
        c.tags.join('; '),
        c.createdAt,
      ]
        .map(cell)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
