import { canonical, customField } from '../../shared/sync/merge';
import type { CrmDb } from '../db/open';
import { KEYS, clockStore, getState, setState } from './state';

/**
 * Custom field values merge per key, but the mutation layer stamps the `custom` column as a whole.
 * Before anything compares or sends custom clocks, the local edits not yet folded are turned into
 * per-key stamps (`custom.<key>` in sync_cell_clock): the audit row written with each outbox entry
 * (same table, row and hlc) holds the old and new value, and every key that differs gets the
 * entry's hlc. Runs inside the caller's transaction, so no local edit slips between the fold and
 * the merge that relies on it.
 */
export function foldCustomClocks(db: CrmDb): void {
  const from = Number(getState(db, KEYS.foldedSeq) ?? 0);
  const last = db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM sync_outbox').pluck().get() as number;
  if (last <= from) return;
  const entries = db.sqlite
    .prepare(
      "SELECT table_name AS tableName, row_id AS rowId, hlc FROM sync_outbox WHERE seq > ? AND json_type(changes, '$.custom') IS NOT NULL ORDER BY seq",
    )
    .all(from) as { tableName: string; rowId: string; hlc: string }[];
  const audit = db.sqlite
    .prepare(
      "SELECT json_extract(changes, '$.custom') FROM audit_history WHERE entity_id = ? AND entity = ? AND hlc = ?",
    )
    .pluck();
  const clocks = clockStore(db);
  for (const e of entries) {
    const text = audit.get(e.rowId, e.tableName, e.hlc) as string | undefined;
    if (!text) continue;
    const [before, after] = JSON.parse(text) as [Record<string, unknown> | null, Record<string, unknown> | null];
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    const changed = [...keys].filter((k) => canonical(before?.[k] ?? null) !== canonical(after?.[k] ?? null));
    if (changed.length === 0) continue;
    const c = clocks.get(e.tableName, e.rowId) ?? {};
    for (const k of changed) {
      const f = customField(k);
      if (!c[f] || c[f] < e.hlc) c[f] = e.hlc;
    }
    clocks.put(e.tableName, e.rowId, c);
  }
  setState(db, KEYS.foldedSeq, String(last));
}
