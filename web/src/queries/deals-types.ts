/** Shapes of the deals API (src/modules/deals): pipelines, board, deals. */
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  id: string;
  pipelineId: string;
  nameTh: string;
  nameEn: string | null;
  position: number;
  probability: number;
  kind: StageKind;
}

export interface Pipeline {
  id: string;
  nameTh: string;
  nameEn: string | null;
  isDefault: boolean;
  archived: boolean;
  position: number;
  stages: Stage[];
}

export interface DealCard {
  id: string;
  title: string;
  customerId: string;
  customerName: string;
  pipelineId: string;
  stageId: string;
  status: DealStatus;
  valueSatang: number;
  weightedSatang: number;
  currency: string;
  expectedCloseOn: string | null;
  ownerId: string | null;
  ownerName: string | null;
  lostReason: string | null;
  stageEnteredAt: string;
  createdAt: string;
}

export interface StageTotal {
  currency: string;
  count: number;
  valueSatang: number;
  weightedSatang: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: StageTotal[];
  deals: DealCard[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

export interface StageStay {
  fromStageId: string | null;
  toStageId: string;
  stageNameTh: string;
  stageNameEn: string | null;
  movedAt: string;
  movedBy: string | null;
  movedByName: string | null;
  leftAt: string | null;
  secondsInStage: number;
}

export interface DealProduct {
  productId: string;
  sku: string;
  nameTh: string;
  nameEn: string | null;
  quantity: number;
  unitPriceSatang: number;
  totalSatang: number;
}

export interface Deal extends Omit<DealCard, 'weightedSatang'> {
  stageNameTh: string;
  stageNameEn: string | null;
  probability: number;
  weightedSatang: number;
  teamId: string | null;
  wonAt: string | null;
  lostAt: string | null;
  note: string | null;
  updatedAt: string;
  products: DealProduct[];
  history: StageStay[];
}

export interface DealInput {
  customerId: string;
  title: string;
  pipelineId?: string;
  stageId?: string;
  valueSatang?: number;
  expectedCloseOn?: string;
  note?: string;
  products?: { productId: string; quantity: number; unitPriceSatang?: number }[];
}

export interface DealChange {
  title?: string;
  valueSatang?: number;
  expectedCloseOn?: string | null;
  note?: string | null;
}
