import type { DuplicateReason } from '../../../queries/dataops-types.ts';

/** A duplicate reason in the user's language, whatever shape the server sent it in. */
export function reasonText(reason: DuplicateReason | string, language: string): string {
  if (typeof reason === 'string') return reason;
  const localized = language === 'en' ? reason.en : reason.th;
  return localized ?? reason.text ?? reason.en ?? reason.th ?? reason.code ?? '';
}
