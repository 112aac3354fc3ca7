import pg from 'pg';

/** The seeded default pipeline "Sales / การขาย" (migration 0009) and its stages. */
export const DEFAULT_PIPELINE = '00000000-0000-4000-8000-00000000d001';
export const OPEN_STAGES = [
  '00000000-0000-4000-8000-00000000d101',
  '00000000-0000-4000-8000-00000000d102',
  '00000000-0000-4000-8000-00000000d103',
  '00000000-0000-4000-8000-00000000d104',
];
export const WON_STAGE = '00000000-0000-4000-8000-00000000d105';
export const LOST_STAGE = '00000000-0000-4000-8000-00000000d106';

/** `count` customers owned in turn by `owners`, created a minute apart (newest first). */
export async function insertCustomers(c: pg.Client, owners: string[], count: number): Promise<void> {
  await c.query(
    `insert into customers (id, display_name, owner_id, created_at)
     select gen_random_uuid(), 'ลูกค้าทดสอบ ' || g, ($1::uuid[])[1 + g % $2], now() - g * interval '1 minute'
       from generate_series(1, $3) g`,
    [owners, owners.length, count],
  );
}

/** Runs `work` with a client on `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
