import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the privacy module, registered at wiring time. */
export const privacyErrors = {
  customer_already_erased: {
    status: 409,
    en: "This customer's personal data was already erased on {at}.",
    th: 'ข้อมูลส่วนบุคคลของลูกค้ารายนี้ถูกลบไปแล้วเมื่อ {at}',
  },
} satisfies Record<string, ErrorEntry>;
