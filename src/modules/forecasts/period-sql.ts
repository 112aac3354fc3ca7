import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Midnight of a business day, as a timestamptz in the business time zone. */
export function dayStart(day: string, timeZone: string): SQL {
  return sql`((${day}::date)::timestamp at time zone ${timeZone})`;
}

/** A timestamptz column within [from, to) business days: two comparisons an index can serve. */
export function within(column: PgColumn | SQL, from: string, to: string, timeZone: string): SQL {
  return sql`(${column} >= ${dayStart(from, timeZone)} and ${column} < ${dayStart(to, timeZone)})`;
}

/** A date column within [from, to). */
export function dateWithin(column: PgColumn, from: string, to: string): SQL {
  return sql`(${column} >= ${from}::date and ${column} < ${to}::date)`;
}

/** A number from an aggregate (bigint sums come back as text on node-postgres). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** a / b as a percentage with one decimal, or null when b is 0 or missing. */
export function percent(a: number, b: number | null | undefined): number | null {
  if (!b) return null;
  return Math.round((a / b) * 1000) / 10;
}
