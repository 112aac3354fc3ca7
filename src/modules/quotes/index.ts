import type { ModuleDefinition } from '../../core/module.ts';
import { quoteErrors } from './errors.ts';
import { registerQuoteJobs } from './jobs.ts';
import { quoteRoutes } from './routes.ts';

/**
 * Quotes (ใบเสนอราคา): built from products at the customer's price, numbered per year,
 * printed as PDF in Thai or English, sent, accepted into an order, rejected or expired.
 */
export const quotesModule: ModuleDefinition = {
  name: 'quotes',
  routes: quoteRoutes,
  errors: quoteErrors,
  register: registerQuoteJobs,
};

export { acceptQuote } from './accept-quote.ts';
export { bahtText } from './bahttext.ts';
export { rejectQuote, sendQuote } from './change-quote-status.ts';
export { createQuote } from './create-quote.ts';
export { expireQuotes } from './expire-quotes.ts';
export { QUOTE_EXPIRY_JOB } from './jobs.ts';
export { getQuote, listQuotes } from './list-quotes.ts';
export { type CreateQuoteInput, QUOTE_STATUSES, type QuoteStatus, type UpdateQuoteInput } from './quote-input.ts';
export { quotePdf } from './quote-pdf.ts';
export { type QuoteSummary, type QuoteView, quoteViewSchema } from './quote-view.ts';
export { quoteLines, quotes } from './schema.ts';
export { updateQuote } from './update-quote.ts';
export { quoteErrors };
