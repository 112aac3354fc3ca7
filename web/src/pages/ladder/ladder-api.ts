import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

export const LADDER_STAGES = [
  'prospect',
  'first_time_buyer',
  'repeat_customer',
  'supporter',
  'advocate',
  'partner',
] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

export const STAGE_COLORS: Record<LadderStage, string> = {
  prospect: 'gray',
  first_time_buyer: 'blue',
  repeat_customer: 'cyan',
  supporter: 'teal',
  advocate: 'orange',
  partner: 'grape',
};

export interface LadderHistoryEntry {
  id: string;
  fromStage: LadderStage | null;
  toStage: LadderStage;
  at: string;
  source: 'rules' | 'override' | 'override_cleared';
  reason: string | null;
  actorName: string | null;
}

export interface CustomerLadder {
  customerId: string;
  stage: LadderStage;
  ruleStage: LadderStage;
  since: string | null;
  computedAt: string | null;
  facts: { purchases: number; referrals: number; matched: string };
  override: { stage: LadderStage; reason: string; byName: string | null; at: string } | null;
  history: LadderHistoryEntry[];
}

export interface StageCounts {
  total: number;
  stages: { stage: LadderStage; count: number }[];
}

export interface LadderRules {
  firstTimeBuyer: { enabled: boolean; minPurchases: number };
  repeatCustomer: { enabled: boolean; minPurchases: number };
  supporter: { enabled: boolean; minPurchases: number; tags: string[] };
  advocate: { enabled: boolean; minReferrals: number; tags: string[] };
  partner: { enabled: boolean; tags: string[]; customerTypes: ('consumer' | 'reseller' | 'business')[] };
}

export interface LadderRulesView {
  rules: LadderRules;
  defaults: LadderRules;
  updatedAt: string | null;
}

const v1 = '/api/v1';
const customerLadderPath = (id: string) => `${v1}/customers/${encodeURIComponent(id)}/ladder`;

export const ladderApi = {
  counts: () => apiRequest<StageCounts>('GET', `${v1}/ladder/stages`),
  rules: () => apiRequest<LadderRulesView>('GET', `${v1}/ladder/rules`),
  saveRules: (rules: LadderRules) => apiRequest<LadderRulesView>('PUT', `${v1}/ladder/rules`, { body: rules }),
  recompute: () => apiRequest<{ evaluated: number; changed: number }>('POST', `${v1}/ladder/recompute`, { body: {} }),
  customer: (id: string) => apiRequest<CustomerLadder>('GET', customerLadderPath(id)),
  setOverride: (id: string, body: { stage: LadderStage; reason: string }) =>
    apiRequest<CustomerLadder>('PUT', `${customerLadderPath(id)}/override`, { body }),
  clearOverride: (id: string) => apiRequest<CustomerLadder>('DELETE', `${customerLadderPath(id)}/override`),
};

export const ladderKeys = {
  counts: ['ladder', 'counts'] as const,
  rules: ['ladder', 'rules'] as const,
  customer: (id: string) => ['customers', 'one', id, 'ladder'] as const,
};

export function useStageCounts() {
  return useQuery({ queryKey: ladderKeys.counts, queryFn: ladderApi.counts });
}

export function useLadderRules() {
  return useQuery({ queryKey: ladderKeys.rules, queryFn: ladderApi.rules });
}

export function useCustomerLadder(id: string) {
  return useQuery({ queryKey: ladderKeys.customer(id), queryFn: () => ladderApi.customer(id), retry: false });
}

/** Override set or cleared: the profile (its timeline too) and the counts show the change. */
export function useOverrideMutations(id: string) {
  const queryClient = useQueryClient();
  const done = (data: CustomerLadder) => {
    queryClient.setQueryData(ladderKeys.customer(id), data);
    void queryClient.invalidateQueries({ queryKey: ['customers', 'one', id] });
    void queryClient.invalidateQueries({ queryKey: ladderKeys.counts });
  };
  return {
    set: useMutation({
      mutationFn: (body: { stage: LadderStage; reason: string }) => ladderApi.setOverride(id, body),
      onSuccess: done,
    }),
    clear: useMutation({ mutationFn: () => ladderApi.clearOverride(id), onSuccess: done }),
  };
}
