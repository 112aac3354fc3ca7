import { formatPhone } from '../../../format/phone.ts';

/**
 * A Thai phone cell as the file wrote it ("+66 89 123 4567", "0891234567", "02-123-4567")
 * in E.164, the way it will be stored; null when it is not a Thai number.
 */
function thaiE164(cell: string): string | null {
  const digits = cell.replace(/[\s\-().]/g, '');
  const local = /^(?:\+66|66|0)(\d{8,9})$/.exec(digits)?.[1];
  return local ? `+66${local}` : null;
}

/**
 * A cell of an import preview as the lists show that field: a Thai phone number the local
 * way (089-123-4567), like the leads and customer lists. Anything else is shown as written.
 */
export function previewCell(value: string, field: string | undefined): string {
  if (field !== 'phone') return value;
  const e164 = thaiE164(value);
  return e164 ? formatPhone(e164) : value;
}
