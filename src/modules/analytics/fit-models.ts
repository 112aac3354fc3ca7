import { AppError } from '../../core/errors/app-error.ts';
import { type BgNbdFit, fitBgNbd } from './clv/bgnbd.ts';
import { fitGammaGamma, type GammaGammaFit } from './clv/gamma-gamma.ts';
import type { CustomerSummaries } from './customer-summaries.ts';

/** Fewer repeat customers than this and BG/NBD's dropout parameters a, b are guesswork. */
export const MIN_REPEAT_CUSTOMERS = 10;
/** Gamma-Gamma needs this many repeat customers with spend above zero. */
export const MIN_SPENDING_CUSTOMERS = 10;
/** Below this many repeat customers the fit runs but is flagged as thin. */
export const THIN_REPEAT_CUSTOMERS = 100;

export interface FitWarning {
  code:
    | 'thin_data'
    | 'gamma_gamma_not_fitted'
    | 'gamma_gamma_degenerate'
    | 'not_converged'
    | 'spend_mean_undefined'
    | 'no_dropout'
    | 'parameter_at_bound';
  en: string;
  th: string;
}

export interface ModelFit {
  customers: number;
  repeatCustomers: number;
  bgnbd: BgNbdFit;
  /** Null when too few repeat customers spent anything: spend is then the customer's own mean. */
  gammaGamma: GammaGammaFit | null;
  /** Repeat customers left out of Gamma-Gamma (all their repeat purchases were free). */
  ggExcluded: number;
  warnings: FitWarning[];
}

/**
 * A Gamma-Gamma fit to use: finite, and not run off to the top of its range (when every
 * customer spends about the same, p or q and γ grow without bound: the fit stops at
 * GAMMA_GAMMA_BOUNDS, and a customer's own mean says as much).
 */
function usableSpendFit(g: GammaGammaFit): boolean {
  const finite = [g.p, g.q, g.v, g.logLikelihood].every(Number.isFinite);
  return finite && !g.atBounds.some((e) => e.edge === 'upper');
}

/**
 * What a BG/NBD fit on the edge of its parameter range means for the shop. Dropout at
 * its edge (a at the bottom or b at the top) is the common case: nobody seems to have
 * left yet, so everyone counts as active and churn risk says little.
 */
function boundWarnings(fit: BgNbdFit): FitWarning[] {
  if (fit.atBounds.length === 0) return [];
  const noDropout = fit.atBounds.some(
    (e) => (e.param === 'a' && e.edge === 'lower') || (e.param === 'b' && e.edge === 'upper'),
  );
  if (noDropout) {
    return [
      {
        code: 'no_dropout',
        en: 'So far the orders show almost no customers who stopped buying, so the model counts nearly everyone as still active: churn risk and P(alive) will sharpen once some customers lapse.',
        th: 'จากคำสั่งซื้อจนถึงตอนนี้แทบไม่มีลูกค้าที่เลิกซื้อ แบบจำลองจึงถือว่าลูกค้าเกือบทุกรายยังเคลื่อนไหวอยู่ ความเสี่ยงการเลิกซื้อและโอกาสยังเป็นลูกค้าจะชัดเจนขึ้นเมื่อมีลูกค้าห่างหายไปบ้าง',
      },
    ];
  }
  const names = fit.atBounds.map((e) => e.param).join(', ');
  return [
    {
      code: 'parameter_at_bound',
      en: `The purchase model reached the edge of its range (${names}): customers look more alike than the model expects; treat the predictions as rough.`,
      th: `แบบจำลองการซื้อถึงขอบเขตของค่าพารามิเตอร์ (${names}) ลูกค้ามีพฤติกรรมคล้ายกันมากกว่าที่แบบจำลองคาดไว้ ผลพยากรณ์จึงเป็นค่าประมาณคร่าว ๆ`,
    },
  ];
}

/** Fits BG/NBD and Gamma-Gamma to the summaries, refusing data they cannot learn from. */
export function fitModels(s: CustomerSummaries, calibrationEnd: string): ModelFit {
  const n = s.x.length;
  let repeat = 0;
  let spending = 0;
  for (let i = 0; i < n; i++) {
    if ((s.x[i] as number) > 0) {
      repeat++;
      if ((s.m[i] as number) > 0) spending++;
    }
  }
  if (repeat < MIN_REPEAT_CUSTOMERS) {
    throw new AppError('analytics_too_few_repeat_customers', {
      found: repeat,
      needed: MIN_REPEAT_CUSTOMERS,
      calibrationEnd,
    });
  }
  const warnings: FitWarning[] = [];
  if (repeat < THIN_REPEAT_CUSTOMERS) {
    warnings.push({
      code: 'thin_data',
      en: `Only ${repeat} repeat customers: treat the predictions as rough until more customers buy again.`,
      th: `มีลูกค้าซื้อซ้ำเพียง ${repeat} ราย ผลพยากรณ์ยังเป็นค่าประมาณคร่าว ๆ จนกว่าจะมีลูกค้าซื้อซ้ำมากขึ้น`,
    });
  }
  const bgnbd = fitBgNbd(s);
  if (![bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, bgnbd.logLikelihood].every(Number.isFinite)) {
    throw new AppError('analytics_fit_failed', { calibrationEnd });
  }
  let gammaGamma: GammaGammaFit | null = null;
  if (spending >= MIN_SPENDING_CUSTOMERS) {
    gammaGamma = fitGammaGamma(s.x, s.m, MIN_SPENDING_CUSTOMERS);
    if (!usableSpendFit(gammaGamma)) {
      gammaGamma = null;
      warnings.push({
        code: 'gamma_gamma_degenerate',
        en: 'Customers’ average spends hardly differ, so the spend model has no stable fit; values use each customer’s own mean spend.',
        th: 'ยอดซื้อเฉลี่ยของลูกค้าแต่ละรายแทบไม่ต่างกัน แบบจำลองยอดซื้อจึงหาค่าที่เสถียรไม่ได้ มูลค่าลูกค้าใช้ยอดซื้อเฉลี่ยของลูกค้าแต่ละรายแทน',
      });
    } else if (gammaGamma.q <= 1) {
      warnings.push({
        code: 'spend_mean_undefined',
        en: 'The spend model has q ≤ 1, so its average spend is unbounded; values use each customer’s own mean.',
        th: 'แบบจำลองยอดซื้อได้ค่า q ≤ 1 ค่าเฉลี่ยยอดซื้อจึงไม่มีขอบเขต มูลค่าลูกค้าจึงใช้ยอดเฉลี่ยของลูกค้าแต่ละราย',
      });
    }
  } else {
    warnings.push({
      code: 'gamma_gamma_not_fitted',
      en: `Only ${spending} repeat customers spent more than zero (at least ${MIN_SPENDING_CUSTOMERS} needed): the spend model was not fitted; values use each customer’s own mean spend.`,
      th: `มีลูกค้าซื้อซ้ำที่มียอดซื้อมากกว่าศูนย์เพียง ${spending} ราย (ต้องมีอย่างน้อย ${MIN_SPENDING_CUSTOMERS} ราย) จึงไม่ได้คำนวณแบบจำลองยอดซื้อ มูลค่าลูกค้าใช้ยอดซื้อเฉลี่ยของลูกค้าแต่ละรายแทน`,
    });
  }
  warnings.push(...boundWarnings(bgnbd));
  if (!bgnbd.converged || (gammaGamma && !gammaGamma.converged)) {
    warnings.push({
      code: 'not_converged',
      en: 'The optimiser stopped before it was sure of the best parameters; the figures may be off.',
      th: 'การคำนวณหยุดก่อนได้ค่าพารามิเตอร์ที่ดีที่สุดอย่างแน่นอน ตัวเลขอาจคลาดเคลื่อน',
    });
  }
  return { customers: n, repeatCustomers: repeat, bgnbd, gammaGamma, ggExcluded: repeat - spending, warnings };
}
