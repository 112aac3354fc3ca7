// Issue 6: BG/NBD + Gamma-Gamma fit and per-customer scoring for N synthetic customers
// drawn from the model itself (true parameters: the CDNOW ones), so the recovered
// parameters can be checked. Scoring: P(alive), expected purchases in 90 days, 12-month
// CLV (1%/month), churn band, A/B/C grade; RFM quintiles timed apart.
//   npx tsx bench/clv-fit.ts [--customers 1000000] [--seed 42]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fitBgNbd } from '../src/modules/analytics/clv/bgnbd.ts';
import { fitGammaGamma } from '../src/modules/analytics/clv/gamma-gamma.ts';
import { rfmScores } from '../src/modules/analytics/rfm.ts';
import { DEFAULT_SCORE_OPTIONS, scoreCustomers } from '../src/modules/analytics/score-customers.ts';
import { syntheticCustomers, TRUE } from './clv-synthetic.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' } },
});
const n = Number(values.customers);
const ms = (from: number) => performance.now() - from;

console.log(`# CLV fit and scoring, ${n.toLocaleString('en')} synthetic customers`);
console.log(
  `machine: ${machine()}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let t = performance.now();
const data = syntheticCustomers(n, Number(values.seed));
console.log(`generated in ${ms(t).toFixed(0)} ms`);

t = performance.now();
const bg = fitBgNbd(data);
const bgMs = ms(t);
t = performance.now();
const gg = fitGammaGamma(data.x, data.m);
const ggMs = ms(t);
t = performance.now();
const scores = scoreCustomers(data, bg, gg, { ...DEFAULT_SCORE_OPTIONS, timeUnit: 'week' });
const scoreMs = ms(t);
t = performance.now();
rfmScores(data.recencyDays, data.periods, data.totalSatang);
const rfmMs = ms(t);

let repeat = 0;
let clv = 0;
let expected = 0;
for (let i = 0; i < n; i++) {
  if ((data.x[i] as number) > 0) repeat++;
  clv += scores.clvSatang[i] as number;
  expected += scores.expected90d[i] as number;
}
const row = (name: string, got: number, want: number) =>
  `| ${name} | ${want} | ${got.toFixed(4)} | ${(((got - want) / want) * 100).toFixed(2)}% |`;
console.log(
  `repeat customers: ${repeat.toLocaleString('en')}; mean 12-month CLV ${(clv / n / 100).toFixed(2)}; expected purchases in 90 days ${expected.toFixed(0)}`,
);
console.log('| parameter | true | fitted | error |\n|---|---|---|---|');
for (const k of ['r', 'alpha', 'a', 'b'] as const) console.log(row(k, bg[k], TRUE.bgnbd[k]));
for (const k of ['p', 'q', 'v'] as const) console.log(row(k, gg[k], TRUE.gammaGamma[k]));
console.log(`BG/NBD: ${bg.iterations} iterations, converged ${bg.converged}; Gamma-Gamma converged ${gg.converged}`);
console.log('| step | ms |\n|---|---|');
console.log(`| fit BG/NBD | ${bgMs.toFixed(0)} |`);
console.log(`| fit Gamma-Gamma | ${ggMs.toFixed(0)} |`);
console.log(`| score (P(alive), E[90 d], CLV 12 m, churn, grade) | ${scoreMs.toFixed(0)} |`);
console.log(`| **fit + score** | **${(bgMs + ggMs + scoreMs).toFixed(0)}** |`);
console.log(`| RFM quintiles and segments (apart) | ${rfmMs.toFixed(0)} |`);
