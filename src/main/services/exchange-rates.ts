import { and, asc, eq } from 'drizzle-orm';
import { exchangeRates } from '../../../db/schema';
import type { ExchangeRate } from '../../shared/contract/deals';
import { minorDigits } from '../../shared/domain/currencies';
import { newId } from '../../shared/ids';
import { notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { getSetting } from './settings';

type RateRow = typeof exchangeRates.$inferSelect;

function toRate(row: RateRow): ExchangeRate {
  return { id: row.id, currency: row.currency, base: row.base, rate: row.rate, updatedAt: row.updatedAt };
}

export function baseCurrency(db: CrmDb): string {
  return getSetting(db, 'baseCurrency');
}

/** The rates into the current base currency; rates kept for an earlier base are not used. */
export function listRates(db: CrmDb): { baseCurrency: string; items: ExchangeRate[] } {
  const base = baseCurrency(db);
  const rows = db.orm
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.deleted, false), eq(exchangeRates.base, base)))
    .orderBy(asc(exchangeRates.currency))
    .all();
  return { baseCurrency: base, items: rows.map(toRate) };
}

export function setRate(db: CrmDb, currency: string, rate: number, options: WriteOptions = {}): ExchangeRate {
  const base = baseCurrency(db);
  const existing = db.orm
    .select({ id: exchangeRates.id })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), eq(exchangeRates.base, base)))
    .get();
  const id = existing?.id ?? newId();
  mutate(
    db,
    existing
      ? { table: 'exchange_rates', op: 'update', id, values: { rate, deleted: false } }
      : { table: 'exchange_rates', op: 'insert', id, values: { currency, base, rate } },
    options,
  );
  return toRate(db.orm.select().from(exchangeRates).where(eq(exchangeRates.id, id)).get()!);
}

export function deleteRate(db: CrmDb, id: string, options: WriteOptions = {}): boolean {
  const row = db.orm.select().from(exchangeRates).where(eq(exchangeRates.id, id)).get();
  if (!row) throw notFound('entity.exchange_rate');
  if (row.deleted) return false;
  mutate(db, { table: 'exchange_rates', op: 'delete', id }, options);
  return true;
}

/**
 * Converts minor units of any currency to minor units of the base currency, or null when no rate
 * is known. A rate stored the other way round (base → currency) is used inverted. Built once per
 * call of a total, so a board of 10k deals reads the rates once.
 */
export function converter(db: CrmDb): { base: string; toBase(minor: number, currency: string | null): number | null } {
  const base = baseCurrency(db);
  const rates = new Map<string, number>([[base, 1]]);
  const rows = db.orm.select().from(exchangeRates).where(eq(exchangeRates.deleted, false)).all();
  for (const r of rows) if (r.currency === base && r.base !== base && !rates.has(r.base)) rates.set(r.base, 1 / r.rate);
  for (const r of rows) if (r.base === base) rates.set(r.currency, r.rate);
  const baseDigits = minorDigits(base);
  return {
    base,
    toBase(minor, currency) {
      const code = currency ?? base;
      const rate = rates.get(code);
      if (rate === undefined) return null;
      if (code === base) return minor;
      return Math.round((minor / 10 ** minorDigits(code)) * rate * 10 ** baseDigits);
    },
  };
}
