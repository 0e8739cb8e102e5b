import { and, asc, eq, or } from 'drizzle-orm';
import { reportSchedules, savedReports } from '../../../../db/schema';
import { builderConfigSchema, type SavedReport } from '../../../shared/contract/reports';
import { newId } from '../../../shared/ids';
import { notFound } from '../../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../../db/mutation';
import type { CrmDb } from '../../db/open';

type Row = typeof savedReports.$inferSelect;

function toSaved(row: Row): SavedReport {
  return {
    id: row.id,
    name: row.name,
    entity: row.entity as SavedReport['entity'],
    shared: row.shared,
    ownerId: row.ownerId,
    config: builderConfigSchema.parse(row.config),
    updatedAt: row.updatedAt,
  };
}

/** The workspace's shared reports and the actor's own, by name. */
export function listSavedReports(db: CrmDb, actor: string | null): SavedReport[] {
  const mine = actor ? eq(savedReports.ownerId, actor) : undefined;
  return db.orm
    .select()
    .from(savedReports)
    .where(and(eq(savedReports.deleted, false), mine ? or(eq(savedReports.shared, true), mine) : undefined))
    .orderBy(asc(savedReports.name))
    .all()
    .map(toSaved);
}

export function getSavedReport(db: CrmDb, id: string): SavedReport {
  const row = db.orm.select().from(savedReports).where(eq(savedReports.id, id)).get();
  if (!row || row.deleted) throw notFound('entity.saved_report');
  return toSaved(row);
}

export function saveReport(
  db: CrmDb,
  input: { id?: string | undefined; name: string; shared?: boolean | undefined; config: SavedReport['config'] },
  options: WriteOptions,
): SavedReport {
  const values = { name: input.name, entity: input.config.entity, config: input.config, shared: input.shared ?? false };
  if (input.id) {
    getSavedReport(db, input.id);
    mutate(db, { table: 'saved_reports', op: 'update', id: input.id, values }, options);
    return getSavedReport(db, input.id);
  }
  const id = newId();
  mutate(
    db,
    { table: 'saved_reports', op: 'insert', id, values: { ...values, ownerId: options.actor ?? null } },
    options,
  );
  return getSavedReport(db, id);
}

/** Deletes a saved report and the schedules that would run it. */
export function deleteSavedReport(db: CrmDb, id: string, options: WriteOptions): boolean {
  const row = db.orm.select().from(savedReports).where(eq(savedReports.id, id)).get();
  if (!row) throw notFound('entity.saved_report');
  if (row.deleted) return false;
  const schedules = db.orm
    .select({ id: reportSchedules.id })
    .from(reportSchedules)
    .where(and(eq(reportSchedules.reportId, id), eq(reportSchedules.deleted, false)))
    .all();
  write(db, () =>
    mutate(
      db,
      [
        { table: 'saved_reports', op: 'delete', id },
        ...schedules.map((s): Mutation => ({ table: 'report_schedules', op: 'delete', id: s.id })),
      ],
      options,
    ),
  );
  return true;
}
