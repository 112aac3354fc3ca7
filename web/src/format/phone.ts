/**
 * Thai numbers are stored as E.164 (+66…) but read the local way: +66812345678 → 081-234-5678,
 * +6621234567 → 02-123-4567. Anything else is shown as stored.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  const thai = /^\+66(\d{8,9})$/.exec(e164);
  if (!thai?.[1]) return e164;
  const local = `0${thai[1]}`;
  if (local.length === 10) return `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`;
  return `${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`;
}
