/**
 * The relationship ladder (Peppers & Rogers, via Christopher et al.): each customer stands
 * on one rung, lowest first. Rules place a customer on the highest rung whose rule they
 * meet; staff may override that with a reason.
 */
export const LADDER_STAGES = [
  'prospect',
  'first_time_buyer',
  'repeat_customer',
  'supporter',
  'advocate',
  'partner',
] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

export const LADDER_STAGE_LABELS = {
  prospect: { th: 'ผู้มุ่งหวัง', en: 'Prospect' },
  first_time_buyer: { th: 'ลูกค้าซื้อครั้งแรก', en: 'First-time buyer' },
  repeat_customer: { th: 'ลูกค้าซื้อซ้ำ', en: 'Repeat customer' },
  supporter: { th: 'ผู้สนับสนุน', en: 'Supporter' },
  advocate: { th: 'ผู้บอกต่อ', en: 'Advocate' },
  partner: { th: 'พันธมิตร', en: 'Partner' },
} as const satisfies Record<LadderStage, { th: string; en: string }>;

/** Where a history entry came from. */
export const LADDER_CHANGE_SOURCES = ['rules', 'override', 'override_cleared'] as const;
export type LadderChangeSource = (typeof LADDER_CHANGE_SOURCES)[number];
