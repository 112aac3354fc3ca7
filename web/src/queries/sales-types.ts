export type VatMode = 'included' | 'excluded' | 'exempt';
export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded' | 'partially_refunded';
export type OrderSource = 'web' | 'pos' | 'line' | 'manual' | 'import' | 'api';
export const ORDER_STATUSES: OrderStatus[] = [
  'pending',
  'paid',
  'fulfilled',
  'cancelled',
  'refunded',
  'partially_refunded',
];
export const ORDER_SOURCES: OrderSource[] = ['web', 'pos', 'line', 'manual', 'import', 'api'];
export const VAT_MODES: VatMode[] = ['included', 'excluded', 'exempt'];

export interface Product {
  id: string;
  sku: string;
  kind: 'product' | 'service';
  nameTh: string;
  nameEn: string | null;
  descriptionTh: string | null;
  descriptionEn: string | null;
  category: string | null;
  unit: string | null;
  unitPriceSatang: number;
  currency: string;
  vatMode: VatMode;
  vatRateBp: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ProductInput {
  sku?: string;
  kind?: 'product' | 'service';
  nameTh?: string;
  nameEn?: string | null;
  category?: string | null;
  unit?: string | null;
  unitPriceSatang?: number;
  vatMode?: VatMode;
  active?: boolean;
}

export interface OrderLine {
  lineNo: number;
  productId: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPriceSatang: number;
  discountSatang: number;
  vatMode: VatMode;
  vatRateBp: number;
  netSatang: number;
  vatSatang: number;
  grossSatang: number;
}

export interface Refund {
  id: string;
  amountSatang: number;
  reason: string;
  returnedLines: { lineNo: number; quantity: number }[];
  refundedAt: string;
}

export interface Order {
  id: string;
  customerId: string;
  customerName: string;
  source: OrderSource;
  externalId: string | null;
  status: OrderStatus;
  currency: string;
  orderedAt: string;
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  totalSatang: number;
  paidSatang: number;
  refundedSatang: number;
  paidAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  note: string | null;
  lines: OrderLine[];
  refunds: Refund[];
}

export interface RefundInput {
  amountSatang: number;
  reason: string;
  returnedLines?: { lineNo: number; quantity: number }[];
}
