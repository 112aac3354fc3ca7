import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the ladder module, registered at wiring time. */
export const ladderErrors = {
  ladder_no_override: {
    status: 409,
    en: 'This customer has no stage set by staff; the rules already decide it.',
    th: 'ลูกค้ารายนี้ไม่มีขั้นที่พนักงานกำหนดไว้ ขั้นความสัมพันธ์เป็นไปตามกฎอยู่แล้ว',
  },
} satisfies Record<string, ErrorEntry>;
