import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of bulk changes to customers, registered when the bulk routes are mounted. */
export const customerBulkErrors = {
  bulk_too_many: {
    status: 400,
    en: 'This would change {count} customers; at most {limit} can be changed at once. Narrow the filter and try again.',
    th: 'รายการนี้จะเปลี่ยนลูกค้า {count} ราย แต่เปลี่ยนได้ครั้งละไม่เกิน {limit} ราย กรุณากรองให้แคบลงแล้วลองใหม่',
  },
} satisfies Record<string, ErrorEntry>;
