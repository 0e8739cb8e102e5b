import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { reportScheduleRuns, reportSchedules } from '../../../db/schema';
import type { ReportSchedule, ReportSource, ReportTable } from '../../shared/contract/reports';
import { formatReportCell } from '../../shared/domain/report-format';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { queueEmail } from './email-outbox';
import { runBuilder } from './report-builder';
import { runReport } from './reports';
import { exportReport } from './reports/export';
import { DAY, isoDay } from './reports/period';
import { getSavedReport } from './reports/saved';

/*
 * Report automation: a saved or built-in report written into a folder daily, weekly or monthly
 * while the app runs. When a schedule last ran is kept per device (report_schedule_runs, local),
 * so every device catches up its own missed run, once, at its next start.
 */

type Row = typeof reportSchedules.$inferSelect;

/** When a schedule that last ran at `last` is due again. */
export function nextRun(frequency: string, last: number): number {
  if (frequency === 'daily') return last + DAY;
  if (frequency === 'weekly') return last + 7 * DAY;
  const d = new Date(last);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

function runOf(db: CrmDb, id: string) {
  return db.orm.select().from(reportScheduleRuns).where(eq(reportScheduleRuns.scheduleId, id)).get();
}

function toSchedule(db: CrmDb, row: Row): ReportSchedule {
  const run = runOf(db, row.id);
  return {
    id: row.id,
    reportId: row.reportId,
    builtin: row.builtin as ReportSchedule['builtin'],
    frequency: row.frequency as ReportSchedule['frequency'],
    format: row.format as ReportSchedule['format'],
    folder: row.folder,
    email: row.email,
    active: row.active,
    lastRunAt: run?.lastRunAt ?? null,
    lastFile: run?.lastFile ?? null,
    lastError: run?.lastError ?? null,
    // Never run here: due at once.
    nextRunAt: run ? nextRun(row.frequency, run.lastRunAt) : row.createdAt,
  };
}

export function listSchedules(db: CrmDb): ReportSchedule[] {
  return db.orm
    .select()
    .from(reportSchedules)
    .where(eq(reportSchedules.deleted, false))
    .all()
    .map((r) => toSchedule(db, r));
}

export function saveSchedule(
  db: CrmDb,
  input: {
    id?: string | undefined;
    reportId?: string | null | undefined;
    builtin?: string | null | undefined;
    frequency: string;
    format: string;
    folder: string;
    email?: string | null | undefined;
    active?: boolean | undefined;
  },
  options: WriteOptions,
): ReportSchedule {
  if (!input.reportId === !input.builtin) throw invalid([{ path: ['reportId'], key: 'validation.required' }]);
  if (input.reportId) getSavedReport(db, input.reportId);
  const values = {
    reportId: input.reportId ?? null,
    builtin: input.builtin ?? null,
    frequency: input.frequency,
    format: input.format,
    folder: resolve(input.folder),
    email: input.email ?? null,
    active: input.active ?? true,
  };
  const id = input.id ?? newId();
  if (input.id) {
    const row = db.orm.select().from(reportSchedules).where(eq(reportSchedules.id, id)).get();
    if (!row || row.deleted) throw notFound('entity.report_schedule');
    mutate(db, { table: 'report_schedules', op: 'update', id, values }, options);
  } else mutate(db, { table: 'report_schedules', op: 'insert', id, values }, options);
  return toSchedule(db, db.orm.select().from(reportSchedules).where(eq(reportSchedules.id, id)).get()!);
}

export function deleteSchedule(db: CrmDb, id: string, options: WriteOptions): boolean {
  const row = db.orm.select().from(reportSchedules).where(eq(reportSchedules.id, id)).get();
  if (!row) throw notFound('entity.report_schedule');
  if (row.deleted) return false;
  mutate(db, { table: 'report_schedules', op: 'delete', id }, options);
  return true;
}

/** Resolves what to run: a built-in report over its period, a saved report, or a configuration. */
export function tableOf(db: CrmDb, source: ReportSource, locale: Locale, actor: string | null): ReportTable {
  if ('builtin' in source) {
    const { builtin, ...period } = source;
    return runReport(db, { name: builtin, ...period }, locale);
  }
  if ('savedId' in source) {
    const saved = getSavedReport(db, source.savedId);
    return { ...runBuilder(db, saved.config as never, locale, actor), title: saved.name };
  }
  return runBuilder(db, source.config as never, locale, actor);
}

function htmlTable(table: ReportTable, locale: Locale): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const head = table.columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  const body = table.rows
    .slice(0, 200)
    .map(
      (r) =>
        `<tr>${table.columns.map((c) => `<td>${esc(formatReportCell(r[c.key] ?? null, c.kind, table.currency, locale))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Runs one schedule now: the report over the time since its last run, written into its folder. */
export async function runSchedule(db: CrmDb, schedule: ReportSchedule, locale: Locale): Promise<string> {
  const now = db.now();
  const from = isoDay(schedule.lastRunAt ?? nextRunBack(schedule.frequency, now));
  const source: ReportSource = schedule.builtin
    ? { builtin: schedule.builtin, from, to: isoDay(now) }
    : { savedId: schedule.reportId! };
  let file: string | null = null;
  let error: string | null = null;
  try {
    const table = tableOf(db, source, locale, null);
    const exported = await exportReport(table, schedule.format, locale);
    mkdirSync(schedule.folder, { recursive: true });
    file = join(schedule.folder, `${isoDay(now)}-${exported.filename}`);
    writeFileSync(file, exported.bytes);
    if (schedule.email) {
      queueEmail(
        db,
        {
          to: [schedule.email],
          subject: translate(locale, 'analytics.schedule.subject', { name: table.title }),
          body: `<p>${translate(locale, 'analytics.schedule.body', { name: table.title })}</p><p>${file}</p>${htmlTable(table, locale)}`,
        },
        { actor: null, locale },
      );
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  db.sqlite
    .prepare(
      `INSERT INTO report_schedule_runs (schedule_id, last_run_at, last_file, last_error) VALUES (?, ?, ?, ?)
       ON CONFLICT(schedule_id) DO UPDATE SET last_run_at = excluded.last_run_at, last_file = excluded.last_file, last_error = excluded.last_error`,
    )
    .run(schedule.id, now, file, error);
  if (error) throw new Error(error);
  return file!;
}

function nextRunBack(frequency: string, now: number): number {
  return frequency === 'daily' ? now - DAY : frequency === 'weekly' ? now - 7 * DAY : now - 30 * DAY;
}

/** Runs every active schedule that is due (each once, however many runs were missed). */
export async function runDueSchedules(db: CrmDb, locale: Locale): Promise<{ ran: number; failed: number }> {
  const now = db.now();
  let ran = 0;
  let failed = 0;
  for (const s of listSchedules(db)) {
    if (!s.active || s.nextRunAt > now) continue;
    try {
      await runSchedule(db, s, locale);
      ran++;
    } catch {
      failed++;
    }
  }
  return { ran, failed };
}

/** Checks for due schedules at start and then every `intervalMs` while the app runs; returns a stop function. */
export function startReportScheduler(db: CrmDb, options: { locale: Locale; intervalMs?: number }): () => void {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDueSchedules(db, options.locale)
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
