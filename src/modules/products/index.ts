import type { ModuleDefinition } from '../../core/module.ts';
import { productErrors } from './errors.ts';
import { productRoutes } from './routes.ts';

/** Products, services and price lists: what orders, quotes and deals are made of. */
export const productsModule: ModuleDefinition = {
  name: 'products',
  routes: productRoutes,
  errors: productErrors,
};

export { createProduct } from './create-product.ts';
export { getProduct } from './get-product.ts';
export {
  type CustomerGroup,
  catalogPrice,
  type PriceView,
  priceForCustomer,
  todayIn,
} from './price-for-customer.ts';
export {
  type LinePricingProblem,
  type LinePricingResult,
  type LineToPrice,
  lineTotals,
  type PricedLine,
  type PricingContext,
  priceLines,
} from './price-lines.ts';
export { type CreateProductInput, type ProductView, productViewSchema } from './product-input.ts';
export { priceListItems, priceLists, products } from './schema.ts';
export { type LineAmounts, lineAmounts, THAI_VAT_RATE_BP, VAT_MODES, type VatMode, vatOf } from './vat.ts';
