import { createRun, runRecompute } from '../../modules/analytics/index.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

export const analyticsRecomputeHelp = `sampan analytics recompute [--calibration-end YYYY-MM-DD] [--time-unit week|day]
  Recomputes every buying customer's scores now (RFM segment, P(alive), churn risk,
  expected purchases in 90 days, 12-month CLV, value grade) from the orders up to the
  calibration end (default today). The stored scores are replaced in one transaction;
  if anything fails, the previous scores stay.`;

export async function analyticsRecomputeCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    'calibration-end': { type: 'string' },
    'time-unit': { type: 'string' },
  });
  if (values.help) {
    console.log(analyticsRecomputeHelp);
    return 0;
  }
  return withDatabase(configFrom(values), async (database) => {
    const started = Date.now();
    const run = await createRun(
      database.db,
      {
        ...(values['calibration-end'] === undefined ? {} : { calibrationEnd: values['calibration-end'] }),
        ...(values['time-unit'] === undefined ? {} : { timeUnit: values['time-unit'] }),
      },
      'cli',
      null,
    );
    console.log(`Run ${run.id}: calibration end ${run.calibrationEnd}, time unit ${run.timeUnit}`);
    const done = await runRecompute(database.db, run.id);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (done.status !== 'succeeded') {
      console.error(`Recompute failed: ${done.error?.en ?? 'unknown error'}\n${done.error?.th ?? ''}`);
      return 1;
    }
    console.log(
      `Scored ${done.scored} customers (${done.repeatCustomers} repeat buyers) in ${seconds} s; previous scores replaced.`,
    );
    return 0;
  });
}
