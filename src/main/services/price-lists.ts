import type { PriceList } from '../../shared/contract/products';
import { newId } from '../../shared/ids';
import { mutate, readRow, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { CrmError, notFound } from '../errors';
import { readProduct } from './products';

export function getPriceList(db: CrmDb, id: string): PriceList {
  const row = readRow(db, 'price_lists', id) as PriceList | undefined;
  if (!row) throw notFound('entity.price_list');
  return row;
}

export function createPriceList(
  db: CrmDb,
  input: { name: string; currency: string; description?: string | null },
  options: WriteOptions = {},
): PriceList {
  const id = newId();
  mutate(db, { table: 'price_lists', op: 'insert', id, values: { ...input, active: true } }, options);
  return getPriceList(db, id);
}

export function updatePriceList(
  db: CrmDb,
  input: { id: string; name?: string; description?: string | null; active?: boolean },
  options: WriteOptions = {},
): PriceList {
  const { id, ...values } = input;
  getPriceList(db, id);
  mutate(db, { table: 'price_lists', op: 'update', id, values }, options);
  return getPriceList(db, id);
}

export function deletePriceList(db: CrmDb, id: string, options: WriteOptions = {}): PriceList {
  getPriceList(db, id);
  mutate(db, { table: 'price_lists', op: 'delete', id }, options);
  return getPriceList(db, id);
}

export function listPriceLists(db: CrmDb): PriceList[] {
  const ids = db.sqlite
    .prepare('SELECT id FROM price_lists WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id')
    .pluck()
    .all() as string[];
  return ids.map((id) => getPriceList(db, id));
}

interface ItemRow {
  id: string;
  priceListId: string;
  productId: string;
  productName: string;
  sku: string | null;
  unitPrice: number;
}

export function priceListItems(db: CrmDb, priceListId: string): ItemRow[] {
  getPriceList(db, priceListId);
  return db.sqlite
    .prepare(
      `SELECT i.id, i.price_list_id AS priceListId, i.product_id AS productId, p.name AS productName, p.sku, i.unit_price AS unitPrice
       FROM price_list_items i JOIN products p ON p.id = i.product_id
       WHERE i.price_list_id = ? AND i.deleted = 0 AND p.deleted = 0
       ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(priceListId) as ItemRow[];
}

function itemId(db: CrmDb, priceListId: string, productId: string): string | undefined {
  // Two devices may both price the same product offline: the newest row wins on read.
  return db.sqlite
    .prepare(
      'SELECT id FROM price_list_items WHERE price_list_id = ? AND product_id = ? AND deleted = 0 ORDER BY updated_at DESC LIMIT 1',
    )
    .pluck()
    .get(priceListId, productId) as string | undefined;
}

export function setListPrice(
  db: CrmDb,
  input: { priceListId: string; productId: string; unitPrice: number | null },
  options: WriteOptions = {},
): ItemRow[] {
  getPriceList(db, input.priceListId);
  if (!readProduct(db, input.productId))
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      { path: ['productId'], key: 'errors.not_found', params: { entity: 'entity.product' } },
    ]);
  const existing = itemId(db, input.priceListId, input.productId);
  if (input.unitPrice === null) {
    if (existing) mutate(db, { table: 'price_list_items', op: 'delete', id: existing }, options);
  } else if (existing) {
    mutate(
      db,
      { table: 'price_list_items', op: 'update', id: existing, values: { unitPrice: input.unitPrice } },
      options,
    );
  } else {
    mutate(
      db,
      {
        table: 'price_list_items',
        op: 'insert',
        id: newId(),
        values: { priceListId: input.priceListId, productId: input.productId, unitPrice: input.unitPrice },
      },
      options,
    );
  }
  return priceListItems(db, input.priceListId);
}

/** A product's price in a price list of the given currency, when the list has one. */
export function listPrice(
  db: CrmDb,
  priceListId: string,
  productId: string,
): { unitPrice: number; currency: string } | undefined {
  const list = getPriceList(db, priceListId);
  const id = itemId(db, priceListId, productId);
  if (!id) return undefined;
  const row = readRow(db, 'price_list_items', id) as { unitPrice: number };
  return { unitPrice: row.unitPrice, currency: list.currency };
}
