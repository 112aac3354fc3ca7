import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the products module, registered at wiring time. */
export const productErrors = {
  product_sku_taken: {
    status: 409,
    en: 'Another product already has SKU {sku}. SKUs are unique (ignoring case).',
    th: 'มีสินค้าอื่นใช้รหัส {sku} แล้ว รหัสสินค้าต้องไม่ซ้ำกัน (ไม่สนตัวพิมพ์เล็กใหญ่)',
  },
  catalogue_forbidden: {
    status: 403,
    en: 'Only managers and administrators may change products and price lists.',
    th: 'เฉพาะผู้จัดการและผู้ดูแลระบบเท่านั้นที่แก้ไขสินค้าและรายการราคาได้',
  },
  price_list_currency_mismatch: {
    status: 422,
    en: 'Product {sku} is priced in {productCurrency}, but this price list is in {listCurrency}.',
    th: 'สินค้า {sku} ตั้งราคาเป็น {productCurrency} แต่รายการราคานี้เป็น {listCurrency}',
  },
  price_list_unknown_product: {
    status: 422,
    en: 'No product has the id {productId}.',
    th: 'ไม่พบสินค้ารหัส {productId}',
  },
} satisfies Record<string, ErrorEntry>;
