import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { countDuplicateCandidates } from '../dedupe/index.ts';
import { COMPLETENESS_FIELDS } from './quality-checks.ts';
import { qualityCounts } from './quality-counts.ts';
import { type DataQualityReport, dataQualityQuerySchema } from './report-view.ts';

const API = '/api/v1';

/**
 * The data-quality figures over the active customers the caller may see (a sales user's
 * own, a manager's team's, …): completeness per field, unreachable contacts, stale
 * profiles, suspected duplicates and consent gaps, each with where to list them.
 */
export async function getDataQuality(
  db: DbOrTx,
  actor: Actor,
  raw: { staleMonths?: number | string | undefined } = {},
): Promise<DataQualityReport> {
  authorize(actor.principal, 'customers', 'read');
  const { staleMonths } = validateInput(dataQualityQuerySchema, raw);
  // On PostgreSQL the two run side by side on separate pool connections.
  const [{ n, unreachableIdentities }, duplicates] = await Promise.all([
    qualityCounts(db, actor, staleMonths),
    countDuplicateCandidates(db, actor),
  ]);
  return {
    total: n('total'),
    completeness: COMPLETENESS_FIELDS.map((field) => ({
      field,
      filled: n(`${field}Filled`),
      total: n(`${field}Total`),
      count: n(`${field}Total`) - n(`${field}Filled`),
      list: field === 'owner' ? `${API}/customers?ownerId=none` : `${API}/data-quality/missing-${field}/customers`,
    })),
    unreachable: {
      count: n('unreachable'),
      identities: unreachableIdentities,
      list: `${API}/data-quality/unreachable/customers`,
    },
    stale: {
      count: n('stale'),
      months: staleMonths,
      list: `${API}/data-quality/stale/customers?staleMonths=${staleMonths}`,
    },
    duplicates: {
      count: duplicates,
      method: 'dedupe_finder',
      list: `${API}/customers/duplicates`,
    },
    consentGaps: { count: n('consentGaps'), list: `${API}/data-quality/consent-gaps/customers` },
  };
}
