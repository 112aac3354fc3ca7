import { z } from '@hono/zod-openapi';
import { CUSTOMER_TYPES } from '../customers/index.ts';

const count = (max: number) => z.number().int().min(1).max(max);
const tagList = z
  .array(z.string().trim().min(1).max(60))
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const stageRule = <T extends z.ZodRawShape>(shape: T) => z.object({ enabled: z.boolean(), ...shape }).strict();

/**
 * The rules an admin tunes. A customer stands on the highest enabled rung whose rule they
 * meet (partner, advocate, supporter, repeat, first-time); otherwise they are a prospect.
 * Purchases and referrals come from ladder-facts.ts.
 */
export const ladderRulesSchema = z
  .object({
    firstTimeBuyer: stageRule({ minPurchases: count(1000) }),
    repeatCustomer: stageRule({ minPurchases: count(1000) }),
    supporter: stageRule({
      minPurchases: count(10_000).openapi({ description: 'Purchases that make a supporter without a tag.' }),
      tags: tagList.openapi({ description: 'Any of these tags marks a supporter.' }),
    }),
    advocate: stageRule({
      minReferrals: count(1000).openapi({ description: 'Active customers this customer referred.' }),
      tags: tagList,
    }),
    partner: stageRule({
      tags: tagList,
      customerTypes: z.array(z.enum(CUSTOMER_TYPES)).max(CUSTOMER_TYPES.length),
    }),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.repeatCustomer.minPurchases <= r.firstTimeBuyer.minPurchases) {
      ctx.addIssue({
        code: 'custom',
        path: ['repeatCustomer', 'minPurchases'],
        message: 'A repeat customer needs more purchases than a first-time buyer.',
        params: { th: 'ลูกค้าซื้อซ้ำต้องมีจำนวนการซื้อมากกว่าลูกค้าซื้อครั้งแรก' },
      });
    }
    if (r.supporter.minPurchases <= r.repeatCustomer.minPurchases) {
      ctx.addIssue({
        code: 'custom',
        path: ['supporter', 'minPurchases'],
        message: 'A supporter needs more purchases than a repeat customer.',
        params: { th: 'ผู้สนับสนุนต้องมีจำนวนการซื้อมากกว่าลูกค้าซื้อซ้ำ' },
      });
    }
  })
  .openapi('LadderRules');

export type LadderRules = z.infer<typeof ladderRulesSchema>;

export const DEFAULT_LADDER_RULES: LadderRules = {
  firstTimeBuyer: { enabled: true, minPurchases: 1 },
  repeatCustomer: { enabled: true, minPurchases: 2 },
  supporter: { enabled: true, minPurchases: 5, tags: ['supporter', 'ผู้สนับสนุน'] },
  advocate: { enabled: true, minReferrals: 1, tags: ['advocate'] },
  partner: { enabled: true, tags: ['partner', 'พันธมิตร'], customerTypes: ['reseller'] },
};
