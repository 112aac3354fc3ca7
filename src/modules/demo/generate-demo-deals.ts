import { Random } from './random.ts';

/** Stage keys of the seeded pipeline (deals module, migration 0009), in board order. */
export const DEMO_DEAL_STAGES = ['leadIn', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type DemoStageKey = (typeof DEMO_DEAL_STAGES)[number];

interface DealTemplate {
  title: string;
  lines: readonly (readonly [sku: string, min: number, max: number])[];
}

/** What a café and bakery chain sells to businesses: catering, gift boxes, beans for offices. */
const TEMPLATES: readonly DealTemplate[] = [
  { title: 'จัดเลี้ยงกาแฟงานสัมมนา', lines: [['SVC-CATERING', 3, 8]] },
  { title: 'ชุดของขวัญสงกรานต์ให้พนักงาน', lines: [['GIFT-SONGKRAN', 20, 120]] },
  { title: 'กระเช้าปีใหม่ให้ลูกค้าองค์กร', lines: [['GIFT-NEWYEAR', 15, 80]] },
  {
    title: 'เมล็ดกาแฟสำหรับออฟฟิศรายเดือน',
    lines: [
      ['BEAN-HOUSE-250', 10, 40],
      ['BEAN-DOI-250', 5, 20],
    ],
  },
  {
    title: 'เบรกประชุมผู้ถือหุ้น',
    lines: [
      ['BAK-CROISSANT', 50, 200],
      ['DRK-AMERICANO', 50, 200],
    ],
  },
  {
    title: 'เค้กงานครบรอบบริษัท',
    lines: [
      ['BAK-CAKE-1P', 30, 150],
      ['SVC-CATERING', 2, 4],
    ],
  },
];

const LOST_REASONS = ['ราคาสูงกว่าคู่แข่ง', 'ลูกค้าเลื่อนงบไปปีหน้า', 'เลือกผู้ให้บริการรายเดิม', 'ติดต่อลูกค้าไม่ได้'] as const;

/** Where demo deals end up: most still open, some won, fewer lost. */
const OUTCOME_WEIGHTS: readonly (readonly [DemoStageKey, number])[] = [
  ['leadIn', 22],
  ['qualified', 18],
  ['proposal', 16],
  ['negotiation', 12],
  ['won', 20],
  ['lost', 12],
];

export interface DemoDeal {
  customerId: string;
  title: string;
  lines: { sku: string; quantity: number }[];
  /** Stages entered, oldest first, with when; the last one is where the deal is now. */
  path: { stage: DemoStageKey; at: Date }[];
  lostReason: string | null;
  expectedCloseOn: string;
  ownerIndex: number;
}

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random.float() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const DAY = 86_400_000;

/**
 * Deals for about one customer in six (companies more often), deterministic for a seed:
 * each walks the stages from Lead in up to where it is now, with dates spread over the
 * last four months; lost deals carry a reason.
 */
export function demoDeals(
  people: readonly { id: string; customerType: string }[],
  options: { seed: number; now: Date; owners: number },
): DemoDeal[] {
  const random = new Random(options.seed * 7919 + 5);
  const out: DemoDeal[] = [];
  for (const person of people) {
    if (!random.chance(person.customerType === 'company' ? 0.6 : 0.12)) continue;
    const template = random.pick(TEMPLATES);
    const outcome = weighted(random, OUTCOME_WEIGHTS);
    const openSteps =
      outcome === 'won' ? 4 : outcome === 'lost' ? random.int(1, 4) : DEMO_DEAL_STAGES.indexOf(outcome) + 1;
    const keys: DemoStageKey[] = DEMO_DEAL_STAGES.slice(0, openSteps) as DemoStageKey[];
    if (outcome === 'won' || outcome === 'lost') keys.push(outcome);
    const startDaysAgo = random.int(keys.length * 4, 120);
    let at = options.now.getTime() - startDaysAgo * DAY;
    const path = keys.map((stage, i) => {
      if (i > 0)
        at += random.int(1, Math.max(1, Math.floor(startDaysAgo / keys.length))) * DAY + random.int(0, 8) * 3_600_000;
      return { stage, at: new Date(Math.min(at, options.now.getTime() - 3_600_000)) };
    });
    const close = new Date(options.now.getTime() + random.int(-20, 75) * DAY);
    out.push({
      customerId: person.id,
      title: template.title,
      lines: template.lines.map(([sku, min, max]) => ({ sku, quantity: random.int(min, max) })),
      path,
      lostReason: outcome === 'lost' ? random.pick(LOST_REASONS) : null,
      expectedCloseOn: close.toISOString().slice(0, 10),
      ownerIndex: random.int(0, Math.max(0, options.owners - 1)),
    });
  }
  return out;
}
