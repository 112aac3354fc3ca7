import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type { Board, Deal, DealCard, DealChange, DealInput, DealStatus, Pipeline } from './deals-types.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export interface DealQuery {
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  customerId?: string;
  status?: DealStatus;
  cursor?: string;
  limit?: number;
}

export const pipelineApi = {
  list: () => api.get<{ items: Pipeline[] }>(`${v1}/pipelines`).then((r) => r.items),
  board: (pipelineId: string, query: { perStage?: number; ownerId?: string } = {}) =>
    api.get<Board>(`${v1}/pipelines/${id(pipelineId)}/board`, { ...query }),
  stageCards: (pipelineId: string, stageId: string, cursor: string, ownerId?: string) =>
    api.get<Page<DealCard>>(`${v1}/pipelines/${id(pipelineId)}/board/stages/${id(stageId)}`, { cursor, ownerId }),
};

export const dealApi = {
  list: (query: DealQuery) => api.get<Page<DealCard>>(`${v1}/deals`, { ...query }),
  get: (dealId: string) => api.get<Deal>(`${v1}/deals/${id(dealId)}`),
  create: (input: DealInput) => api.post<Deal>(`${v1}/deals`, input),
  update: (dealId: string, input: DealChange) => api.patch<Deal>(`${v1}/deals/${id(dealId)}`, input),
  move: (dealId: string, body: { stageId: string; position?: number; lostReason?: string }) =>
    api.post<Deal>(`${v1}/deals/${id(dealId)}/move`, body),
  won: (dealId: string) => api.post<Deal>(`${v1}/deals/${id(dealId)}/won`, {}),
  lost: (dealId: string, reason: string) => api.post<Deal>(`${v1}/deals/${id(dealId)}/lost`, { reason }),
};

export const dealKeys = {
  all: ['deals'] as const,
  pipelines: ['deals', 'pipelines'] as const,
};
