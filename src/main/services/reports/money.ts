import type { CrmDb } from '../../db/open';
import { converter } from '../exchange-rates';

/**
 * Sums into the base currency. Queries group their SUM() by currency as well, so this only turns
 * a handful of per-currency totals into one figure; amounts in a currency with no rate are left
 * out and the currency is listed, never guessed.
 */
export interface BaseMoney {
  base: string;
  missing: Set<string>;
  toBase(minor: number | null, currency: string | null): number;
}

export function baseMoney(db: CrmDb): BaseMoney {
  const conv = converter(db);
  const missing = new Set<string>();
  return {
    base: conv.base,
    missing,
    toBase(minor, currency) {
      if (!minor) return 0;
      const value = conv.toBase(minor, currency);
      if (value === null) {
        missing.add(currency ?? '');
        return 0;
      }
      return value;
    },
  };
}

/** Adds per-currency rows into per-key base totals: `rows` carry a key, a currency and named sums. */
export function foldByKey<K extends string>(
  money: BaseMoney,
  rows: ({ key: string | null; currency: string | null } & Record<K, number | null>)[],
  sums: K[],
): Map<string | null, Record<K, number>> {
  const out = new Map<string | null, Record<K, number>>();
  for (const row of rows) {
    let acc = out.get(row.key);
    if (!acc) {
      acc = Object.fromEntries(sums.map((s) => [s, 0])) as Record<K, number>;
      out.set(row.key, acc);
    }
    for (const s of sums) acc[s] += money.toBase(row[s], row.currency);
  }
  return out;
}

/**
 * The factor that turns `column`'s currency into base minor units, as an inline `CASE` (null for a
 * currency without a rate, so its amounts drop out of a SUM and can be listed as missing). Summing
 * `amount * factor` in SQL lets an aggregate total several currencies without grouping by currency:
 * one group per key instead of one per key and currency, and no sort for the extra key.
 */
export function fxCase(db: CrmDb, column: string): string {
  const conv = converter(db);
  const codes = new Set<string>([conv.base]);
  const rows = db.sqlite.prepare('SELECT currency, base FROM exchange_rates WHERE deleted = 0').all() as {
    currency: string;
    base: string;
  }[];
  for (const r of rows) codes.add(r.currency).add(r.base);
  const SCALE = 1e12;
  const quote = (code: string) => `'${code.replace(/'/g, "''")}'`;
  const arms = [`WHEN ${column} IS NULL THEN 1.0`];
  for (const code of codes) {
    const v = conv.toBase(SCALE, code);
    if (v !== null) arms.push(`WHEN ${column} = ${quote(code)} THEN ${v / SCALE}`);
  }
  return `(CASE ${arms.join(' ')} END)`;
}

/**
 * The same factors as `fxCase`, for sums grouped by currency in SQL and turned into the base in
 * JavaScript (a handful of groups, not rows): null for a currency without a rate.
 */
export function fxFactors(db: CrmDb): (currency: string | null) => number | null {
  const conv = converter(db);
  const SCALE = 1e12;
  const cache = new Map<string, number | null>();
  return (currency) => {
    if (currency === null) return 1;
    let f = cache.get(currency);
    if (f === undefined) {
      const v = conv.toBase(SCALE, currency);
      f = v === null ? null : v / SCALE;
      cache.set(currency, f);
    }
    return f;
  };
}

/** Currencies listed by an aggregate's `group_concat` of those without a rate, into `money.missing`. */
export function noteMissing(money: BaseMoney, list: unknown): void {
  if (typeof list !== 'string' || !list) return;
  for (const code of list.split(',')) money.missing.add(code);
}

/**
 * A `fx(currency, factor)` table of the known currencies for queries that must total money in SQL
 * across currencies (window functions over customers): base minor units = amount * factor.
 * Currencies without a rate are absent, so their rows drop out of the join.
 */
export function fxValues(db: CrmDb): { sql: string; params: (string | number)[] } {
  const conv = converter(db);
  const codes = new Set<string>([conv.base]);
  const rows = db.sqlite.prepare('SELECT currency, base FROM exchange_rates WHERE deleted = 0').all() as {
    currency: string;
    base: string;
  }[];
  for (const r of rows) codes.add(r.currency).add(r.base);
  const params: (string | number)[] = [];
  const SCALE = 1e12;
  for (const code of codes) {
    const v = conv.toBase(SCALE, code);
    if (v !== null) params.push(code, v / SCALE);
  }
  return {
    sql: `fx(currency, factor) AS (VALUES ${Array(params.length / 2)
      .fill('(?, ?)')
      .join(', ')})`,
    params,
  };
}
