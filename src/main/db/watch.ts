import type { ChangesPayload } from '../../shared/contract/events';
import type { CrmDb } from './open';

/**
 * Another process (the CLI, a second app instance) may write the same book. PRAGMA data_version
 * changes only when another connection commits, so polling it is nearly free; when it moves, the
 * audit rows written since are turned into `changes` events. A local write may be announced
 * twice this way, which is harmless: `changes` means "refresh".
 */
export function watchExternalChanges(db: CrmDb, intervalMs = 400): () => void {
  const version = db.sqlite.prepare('PRAGMA data_version').pluck();
  const since = db.sqlite.prepare(
    'SELECT seq, entity, entity_id AS entityId, op FROM audit_history WHERE seq > ? ORDER BY seq LIMIT 5000',
  );
  const maxSeq = db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_history').pluck();
  let lastVersion = version.get() as number;
  let lastSeq = maxSeq.get() as number;

  const timer = setInterval(() => {
    if (!db.sqlite.open) return;
    const v = version.get() as number;
    if (v === lastVersion) return;
    lastVersion = v;
    const rows = since.all(lastSeq) as { seq: number; entity: string; entityId: string; op: ChangesPayload['op'] }[];
    const groups = new Map<string, ChangesPayload>();
    for (const row of rows) {
      lastSeq = row.seq;
      const key = `${row.entity}|${row.op}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { entity: row.entity, op: row.op, ids: [] }));
      group.ids.push(row.entityId);
    }
    for (const payload of groups.values()) db.events.emit('changes', payload);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
