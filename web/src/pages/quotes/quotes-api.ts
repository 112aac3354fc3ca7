import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { VatMode } from '../../queries/sales-types.ts';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export interface QuoteLine {
  lineNo: number;
  productId: string | null;
  sku: string | null;
  descriptionTh: string;
  descriptionEn: string | null;
  quantity: number;
  unitPriceSatang: number;
  discountSatang: number;
  vatMode: VatMode;
  vatRateBp: number;
  netSatang: number;
  vatSatang: number;
  grossSatang: number;
}

export interface QuoteSummary {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  dealId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  language: 'th' | 'en';
  currency: string;
  issuedOn: string;
  validUntil: string;
  status: QuoteStatus;
  notes: string | null;
  terms: string | null;
  subtotalSatang: number;
  discountSatang: number;
  netSatang: number;
  vatSatang: number;
  totalSatang: number;
  sentAt: string | null;
  acceptedAt: string | null;
  rejectedAt: string | null;
  rejectedReason: string | null;
  expiredAt: string | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Quote extends QuoteSummary {
  lines: QuoteLine[];
}

export interface QuoteLineInput {
  productId?: string;
  descriptionTh?: string;
  descriptionEn?: string;
  quantity: number;
  unitPriceSatang?: number;
  discountSatang?: number;
  vatMode?: VatMode;
}

export interface QuoteInput {
  customerId?: string;
  dealId?: string | null;
  language?: 'th' | 'en';
  validUntil?: string;
  notes?: string | null;
  terms?: string | null;
  lines: QuoteLineInput[];
}

export interface QuoteQuery {
  status?: QuoteStatus;
  customerId?: string;
  dealId?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface CustomerPrice {
  unitPriceSatang: number;
  currency: string;
  vatMode: VatMode;
  vatRateBp: number;
  source: 'price_list' | 'product';
}

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const quoteApi = {
  list: (query: QuoteQuery) => api.get<Page<QuoteSummary>>(`${v1}/quotes`, { ...query }),
  get: (quoteId: string) => api.get<Quote>(`${v1}/quotes/${id(quoteId)}`),
  create: (input: QuoteInput) => api.post<Quote>(`${v1}/quotes`, input),
  update: (quoteId: string, input: QuoteInput) => api.patch<Quote>(`${v1}/quotes/${id(quoteId)}`, input),
  step: (quoteId: string, step: 'send' | 'accept') => api.post<Quote>(`${v1}/quotes/${id(quoteId)}/${step}`, {}),
  reject: (quoteId: string, reason: string) => api.post<Quote>(`${v1}/quotes/${id(quoteId)}/reject`, { reason }),
  /** The PDF for an iframe (inline) or a download link (attachment). */
  pdfUrl: (quoteId: string, download = false) => `${v1}/quotes/${id(quoteId)}/pdf${download ? '?download=1' : ''}`,
  price: (productId: string, customerId: string | null, quantity: number) =>
    api.get<CustomerPrice>(`${v1}/products/price`, { productId, customerId: customerId ?? undefined, quantity }),
};

export const quoteKeys = {
  all: ['quotes'] as const,
};

export const STATUS_COLOR: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'orange',
};
