import type { ImportBatch } from '../../../shared/contract/import';
import { newId } from '../../../shared/ids';
import { CrmError, notFound } from '../../errors';
import { mutate, readRow, write, writeAll, writeInSteps, type Mutation, type WriteOptions } from '../../db/mutation';
import type { EntityName } from '../../db/entities';
import type { CrmDb } from '../../db/open';
import type { ImportPlan } from './plan';

interface BatchRow {
  id: string;
  entity: string;
  file_name: string;
  format: string;
  status: string;
  created_at: number;
  created_by: string | null;
  undone_at: number | null;
  counts: string;
}

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    entity: r.entity,
    fileName: r.file_name,
    format: r.format,
    status: r.status === 'undone' ? 'undone' : 'done',
    createdAt: r.created_at,
    createdBy: r.created_by,
    undoneAt: r.undone_at,
    counts: JSON.parse(r.counts) as Record<string, number>,
  };
}

export interface BatchMeta {
  entity: string;
  fileName: string;
  format: string;
  counts: Record<string, number>;
  settings: Record<string, unknown>;
}

/**
 * Writes a plan and its history in ONE transaction: every record, its clocks, outbox, audit and
 * search entries, and the batch that can undo it. Any failure rolls all of it back.
 */
export function commitPlan(
  db: CrmDb,
  plan: ImportPlan,
  meta: BatchMeta,
  options: WriteOptions,
  /** Local writes that belong to the same transaction (vCard photos). */
  extra?: () => void,
): ImportBatch {
  const id = newId();
  // writeAll: the nested mutate joins this transaction instead of opening a savepoint, whose
  // statement journals made each row of a large import slower than the last.
  writeAll(db, () => {
    if (plan.mutations.length) mutate(db, plan.mutations, { ...options, origin: 'import' });
    writeBatchRows(db, id, plan, meta, options);
    extra?.();
  });
  return getBatch(db, id);
}

/** Mutations per step of a stepped commit: a few tens of milliseconds of work between turns of the event loop. */
const STEP = 2_000;

/**
 * commitPlan for large imports: the same single transaction, written in steps with a turn of the
 * event loop between them (db/mutation.ts writeInSteps), so progress shows and a cancel rolls all
 * of it back. The history rows go in the last step.
 */
export async function commitPlanInSteps(
  db: CrmDb,
  plan: ImportPlan,
  meta: BatchMeta,
  options: WriteOptions,
  control: { signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void },
): Promise<ImportBatch> {
  const id = newId();
  const total = plan.mutations.length;
  function* steps(): Generator<() => void> {
    for (let from = 0; from < total; from += STEP) {
      const chunk = plan.mutations.slice(from, from + STEP);
      yield () => {
        mutate(db, chunk, { ...options, origin: 'import' });
        control.onProgress?.(Math.min(from + STEP, total), total);
      };
    }
    yield () => write(db, () => writeBatchRows(db, id, plan, meta, options));
  }
  await writeInSteps(db, steps(), {
    signal: control.signal,
    cancelled: () => new CrmError('conflict', 'import.cancelled'),
  });
  return getBatch(db, id);
}

function writeBatchRows(db: CrmDb, id: string, plan: ImportPlan, meta: BatchMeta, options: WriteOptions): void {
  const insertItem = db.sqlite.prepare(
    'INSERT INTO import_items (batch_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?)',
  );
  db.sqlite
    .prepare(
      `INSERT INTO import_batches (id, entity, file_name, format, status, created_at, created_by, counts, settings)
       VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?)`,
    )
    .run(
      id,
      meta.entity,
      meta.fileName,
      meta.format,
      db.now(),
      options.actor ?? null,
      JSON.stringify(meta.counts),
      JSON.stringify(meta.settings),
    );
  for (const item of plan.items) {
    insertItem.run(id, item.entity, item.entityId, item.action, item.before ? JSON.stringify(item.before) : null);
  }
}

export function getBatch(db: CrmDb, id: string): ImportBatch {
  const row = db.sqlite.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  if (!row) throw notFound('entity.import');
  return toBatch(row);
}

export function listBatches(db: CrmDb, limit = 100): ImportBatch[] {
  return (
    db.sqlite.prepare('SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as BatchRow[]
  ).map(toBatch);
}

/** The imports that touched a record, newest first: its timeline shows them. */
export function batchesForRecord(db: CrmDb, entityId: string): (ImportBatch & { action: 'created' | 'updated' })[] {
  const rows = db.sqlite
    .prepare(
      `SELECT b.*, i.action AS action FROM import_items i JOIN import_batches b ON b.id = i.batch_id
       WHERE i.entity_id = ? ORDER BY b.created_at DESC`,
    )
    .all(entityId) as (BatchRow & { action: string })[];
  return rows.map((r) => ({ ...toBatch(r), action: r.action === 'updated' ? 'updated' : 'created' }));
}

/**
 * Undoes an import in one transaction: what it created goes to the trash (newest first, so links
 * go before the records they join) and what it updated gets back the values it had.
 */
export function undoImport(db: CrmDb, id: string, options: WriteOptions = {}): ImportBatch {
  const batch = getBatch(db, id);
  if (batch.status === 'undone') throw new CrmError('conflict', 'validation.already_undone');
  const items = db.sqlite
    .prepare('SELECT entity, entity_id, action, before FROM import_items WHERE batch_id = ? ORDER BY seq DESC')
    .all(id) as { entity: EntityName; entity_id: string; action: string; before: string | null }[];
  // One table after another (in the reverse order the import wrote them): the mutation layer
  // reuses its statements per table, and interleaving tables costs far more for large imports.
  const order = [...new Set(items.map((i) => i.entity))];
  items.sort((a, b) => order.indexOf(a.entity) - order.indexOf(b.entity));
  const batchOps: Mutation[] = [];
  for (const item of items) {
    const current = readRow(db, item.entity, item.entity_id);
    if (!current) continue; // purged since
    if (item.action === 'created') {
      if (!current.deleted) batchOps.push({ table: item.entity, op: 'delete', id: item.entity_id });
    } else if (item.before) {
      batchOps.push({ table: item.entity, op: 'update', id: item.entity_id, values: JSON.parse(item.before) });
    }
  }
  writeAll(db, () => {
    if (batchOps.length) mutate(db, batchOps, { ...options, origin: 'import-undo' });
    db.sqlite.prepare("UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(db.now(), id);
  });
  return getBatch(db, id);
}
