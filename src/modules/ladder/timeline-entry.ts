import { LADDER_STAGE_LABELS, type LadderChangeSource, type LadderStage } from './stages.ts';

/**
 * What a stage change puts on the customer's timeline (activities of kind 'system', refType
 * 'ladder'). `data.ladder` holds the stage keys and where the change came from, so every
 * reader sees it in their own language (the web words it from its i18n); the subject holds
 * the same change in Thai and English for readers without the keys (the API's summary,
 * exports). Written here for staff changes and in SQL by recompute-ladder.ts for the rules'.
 */
export interface LadderTimelineData {
  ladder: { from: LadderStage | null; to: LadderStage; source: LadderChangeSource };
}

export function ladderTimelineData(
  from: LadderStage | null,
  to: LadderStage,
  source: LadderChangeSource,
): LadderTimelineData {
  return { ladder: { from, to, source } };
}

const HOW: Record<LadderChangeSource, { th: string; en: string } | null> = {
  rules: null,
  override: { th: 'กำหนดโดยพนักงาน', en: 'set by staff' },
  override_cleared: { th: 'กลับไปใช้กฎ', en: 'back to the rules' },
};

/** "ขั้นความสัมพันธ์ (กำหนดโดยพนักงาน): ผู้สนับสนุน → พันธมิตร / Ladder stage (set by staff): Supporter → Partner" */
export function ladderTimelineSubject(from: LadderStage | null, to: LadderStage, source: LadderChangeSource): string {
  const how = HOW[source];
  const side = (lang: 'th' | 'en') =>
    `${from ? `${LADDER_STAGE_LABELS[from][lang]} → ` : ''}${LADDER_STAGE_LABELS[to][lang]}`;
  return `ขั้นความสัมพันธ์${how ? ` (${how.th})` : ''}: ${side('th')} / Ladder stage${how ? ` (${how.en})` : ''}: ${side('en')}`;
}
