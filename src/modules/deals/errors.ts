import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the deals module, registered at wiring time. */
export const dealErrors = {
  deal_stage_unknown: {
    status: 422,
    en: 'There is no stage {stageId}.',
    th: 'ไม่พบขั้นตอน {stageId}',
  },
  deal_stage_other_pipeline: {
    status: 422,
    en: 'Stage "{stage}" belongs to another pipeline; a deal moves only between the stages of its own pipeline.',
    th: 'ขั้นตอน "{stage}" อยู่ในไปป์ไลน์อื่น ดีลย้ายได้เฉพาะระหว่างขั้นตอนในไปป์ไลน์ของตัวเอง',
  },
  deal_pipeline_unknown: {
    status: 422,
    en: 'There is no pipeline {pipelineId}.',
    th: 'ไม่พบไปป์ไลน์ {pipelineId}',
  },
  deal_pipeline_archived: {
    status: 409,
    en: 'Pipeline "{pipeline}" is archived; new deals go to an active pipeline.',
    th: 'ไปป์ไลน์ "{pipeline}" ถูกเก็บเข้าคลังแล้ว ดีลใหม่ต้องอยู่ในไปป์ไลน์ที่ใช้งานอยู่',
  },
  deal_lost_reason_required: {
    status: 422,
    en: 'Say why the deal was lost.',
    th: 'กรุณาระบุเหตุผลที่ปิดการขายไม่ได้',
  },
  deal_customer_inactive: {
    status: 409,
    en: 'This customer was erased; deals go to active profiles.',
    th: 'ลูกค้ารายนี้ถูกลบแล้ว ดีลต้องอยู่กับโปรไฟล์ที่ใช้งานอยู่',
  },
  deal_unknown_product: {
    status: 422,
    en: 'Product {index}: no product {productId}.',
    th: 'สินค้ารายการที่ {index}: ไม่พบสินค้า {productId}',
  },
  deal_owner_not_allowed: {
    status: 403,
    en: 'You may only own your deals yourself; a manager assigns deals to others.',
    th: 'คุณเป็นเจ้าของได้เฉพาะดีลของตัวเอง ผู้จัดการเท่านั้นที่มอบหมายดีลให้ผู้อื่นได้',
  },
  deal_owner_unknown: {
    status: 422,
    en: 'There is no active user {ownerId} to own the deal.',
    th: 'ไม่พบผู้ใช้ {ownerId} ที่จะเป็นเจ้าของดีล',
  },
  pipeline_needs_open_stage: {
    status: 422,
    en: 'A pipeline needs at least one open stage for its deals.',
    th: 'ไปป์ไลน์ต้องมีขั้นตอนที่เปิดอยู่อย่างน้อยหนึ่งขั้นตอน',
  },
  pipeline_manage_forbidden: {
    status: 403,
    en: 'Only managers and administrators change pipelines and their stages.',
    th: 'เฉพาะผู้จัดการและผู้ดูแลระบบเท่านั้นที่แก้ไขไปป์ไลน์และขั้นตอนได้',
  },
  pipeline_stage_has_deals: {
    status: 409,
    en: '{count} deals are on stage "{stage}"; choose a stage of the same pipeline to move them to.',
    th: 'มีดีล {count} รายการอยู่ในขั้นตอน "{stage}" กรุณาเลือกขั้นตอนในไปป์ไลน์เดียวกันเพื่อย้ายดีลไป',
  },
  pipeline_stage_in_history: {
    status: 409,
    en: 'Deals passed through stage "{stage}"; choose a stage of the same pipeline to take over its history.',
    th: 'เคยมีดีลผ่านขั้นตอน "{stage}" กรุณาเลือกขั้นตอนในไปป์ไลน์เดียวกันเพื่อรับประวัติของขั้นตอนนี้',
  },
  pipeline_stage_last_of_kind: {
    status: 409,
    en: '"{stage}" is the last {kind} stage of its pipeline and cannot be deleted.',
    th: '"{stage}" เป็นขั้นตอนประเภท {kind} ขั้นสุดท้ายของไปป์ไลน์ จึงลบไม่ได้',
  },
  pipeline_stage_target_other_pipeline: {
    status: 422,
    en: 'Stage "{stage}" belongs to another pipeline; deals move only to a stage of the same pipeline.',
    th: 'ขั้นตอน "{stage}" อยู่ในไปป์ไลน์อื่น ดีลย้ายได้เฉพาะไปยังขั้นตอนในไปป์ไลน์เดียวกัน',
  },
  pipeline_stage_target_kind: {
    status: 422,
    en: 'Stage "{stage}" is of another kind; the deals of a {kind} stage move to another {kind} stage.',
    th: 'ขั้นตอน "{stage}" เป็นคนละประเภท ดีลในขั้นตอนประเภท {kind} ต้องย้ายไปขั้นตอนประเภท {kind} เช่นกัน',
  },
  pipeline_stage_target_self: {
    status: 422,
    en: 'Choose another stage to move the deals to, not the one being deleted.',
    th: 'กรุณาเลือกขั้นตอนอื่นที่จะย้ายดีลไป ไม่ใช่ขั้นตอนที่กำลังจะลบ',
  },
} satisfies Record<string, ErrorEntry>;
