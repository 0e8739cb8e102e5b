import type { z } from 'zod';
import type { Product, productCreateInput, productUpdateInput } from '../../shared/contract/products';
import { percentToRate, rateToPercent } from '../../shared/domain/billing';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/ids';
import { mutate, readRow, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { notFound } from '../errors';

type CreateInput = z.output<typeof productCreateInput>;
type UpdateInput = z.output<typeof productUpdateInput>;

export interface ProductRow {
  id: string;
  deleted: boolean;
  mergedInto: string | null;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  updatedBy: string | null;
  custom: Record<string, unknown>;
  sku: string | null;
  name: string;
  description: string | null;
  unitPrice: number;
  currency: string;
  taxRate: number;
  category: string | null;
  active: boolean;
}

export function toProduct(row: ProductRow): Product {
  const { taxRate, ...rest } = row;
  return { ...rest, taxPercent: rateToPercent(taxRate) };
}

export function readProduct(db: CrmDb, id: string): ProductRow | undefined {
  return readRow(db, 'products', id) as ProductRow | undefined;
}

export function getProduct(db: CrmDb, id: string): Product {
  const row = readProduct(db, id);
  if (!row) throw notFound('entity.product');
  return toProduct(row);
}

export function createProduct(db: CrmDb, input: CreateInput, options: WriteOptions = {}): Product {
  const id = newId();
  const { taxPercent, ...rest } = input;
  mutate(
    db,
    {
      table: 'products',
      op: 'insert',
      id,
      values: { ...rest, taxRate: percentToRate(taxPercent ?? 0), active: input.active ?? true },
    },
    options,
  );
  return getProduct(db, id);
}

export function updateProduct(db: CrmDb, input: UpdateInput, options: WriteOptions = {}): Product {
  const { id, taxPercent, ...rest } = input;
  if (!readProduct(db, id)) throw notFound('entity.product');
  const values: Record<string, unknown> = { ...rest };
  if (taxPercent !== undefined) values.taxRate = percentToRate(taxPercent);
  mutate(db, { table: 'products', op: 'update', id, values }, options);
  return getProduct(db, id);
}

export function setProductDeleted(db: CrmDb, id: string, deleted: boolean, options: WriteOptions = {}): Product {
  if (!readProduct(db, id)) throw notFound('entity.product');
  mutate(db, { table: 'products', op: deleted ? 'delete' : 'restore', id }, options);
  return getProduct(db, id);
}

interface ListInput {
  query?: string;
  category?: string;
  includeInactive?: boolean;
  trash?: boolean;
}

/** A workspace has tens or hundreds of products, not millions: one query, filtered by words in JS. */
export function listProducts(db: CrmDb, input: ListInput = {}): Product[] {
  const rows = db.sqlite
    .prepare('SELECT id FROM products WHERE deleted = ? ORDER BY name COLLATE NOCASE, id')
    .pluck()
    .all(input.trash ? 1 : 0) as string[];
  const words = foldText(input.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return rows
    .map((id) => readProduct(db, id)!)
    .filter((p) => input.includeInactive || input.trash || p.active)
    .filter((p) => !input.category || p.category === input.category)
    .filter((p) => {
      if (!words.length) return true;
      const text = foldText([p.name, p.sku, p.category].filter(Boolean).join(' '));
      return words.every((w) => text.includes(w));
    })
    .map(toProduct);
}
