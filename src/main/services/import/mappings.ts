import { importSettingsSchema, type ImportEntity, type ImportSettings } from '../../../shared/contract/import';
import { newId } from '../../../shared/ids';
import type { CrmDb } from '../../db/open';

/** Mappings saved by name, local to this device: the next file from the same source maps itself. */
export function listMappings(db: CrmDb, entity: ImportEntity) {
  const rows = db.sqlite
    .prepare('SELECT id, name, mapping FROM import_mappings WHERE entity = ? ORDER BY name')
    .all(entity) as { id: string; name: string; mapping: string }[];
  return rows.flatMap((r) => {
    const parsed = importSettingsSchema.safeParse(JSON.parse(r.mapping));
    return parsed.success ? [{ id: r.id, name: r.name, settings: parsed.data }] : [];
  });
}

export function saveMapping(db: CrmDb, entity: ImportEntity, name: string, settings: ImportSettings) {
  const existing = db.sqlite
    .prepare('SELECT id FROM import_mappings WHERE entity = ? AND name = ?')
    .pluck()
    .get(entity, name) as string | undefined;
  const id = existing ?? newId();
  db.sqlite
    .prepare(
      `INSERT INTO import_mappings (id, entity, name, mapping, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET mapping = excluded.mapping`,
    )
    .run(id, entity, name, JSON.stringify(settings), db.now());
  return { id, name, settings };
}
