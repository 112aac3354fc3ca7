import { api, apiRequest } from '../../api/client.ts';
import type { Pipeline, Stage, StageKind } from '../../queries/deals-types.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export interface StageInput {
  nameTh: string;
  nameEn?: string | null;
  probability: number;
  kind?: StageKind;
  position?: number;
}

export const pipelinesAdminApi = {
  list: () => api.get<{ items: Pipeline[] }>(`${v1}/pipelines`, { archived: 'true' }).then((r) => r.items),
  create: (body: { nameTh: string; nameEn?: string | null; stages: StageInput[] }) =>
    api.post<Pipeline>(`${v1}/pipelines`, body),
  update: (
    pipelineId: string,
    body: { nameTh?: string; nameEn?: string | null; archived?: boolean; isDefault?: true },
  ) => api.patch<Pipeline>(`${v1}/pipelines/${id(pipelineId)}`, body),
  addStage: (pipelineId: string, body: StageInput) => api.post<Stage>(`${v1}/pipelines/${id(pipelineId)}/stages`, body),
  updateStage: (
    pipelineId: string,
    stageId: string,
    body: { nameTh?: string; nameEn?: string | null; probability?: number; position?: number },
  ) => api.patch<Stage>(`${v1}/pipelines/${id(pipelineId)}/stages/${id(stageId)}`, body),
  deleteStage: (pipelineId: string, stageId: string, moveTo: string | null) =>
    apiRequest<{ movedDeals: number }>('DELETE', `${v1}/pipelines/${id(pipelineId)}/stages/${id(stageId)}`, {
      query: { moveTo },
    }),
};

export const pipelinesAdminKeys = { all: ['deals', 'pipelines', 'admin'] as const };
