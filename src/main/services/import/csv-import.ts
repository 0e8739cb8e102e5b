import Papa from 'papaparse';
import type {
  DateFormat,
  ImportBatch,
  ImportCounts,
  ImportEntity,
  ImportSettings,
  RowIssue,
} from '../../../shared/contract/import';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import { foldText } from '../../../shared/domain/text';
import { CrmError } from '../../errors';
import type { WriteOptions } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import { commitPlanInSteps } from './history';
import { columnFormats, isMoreEntity, planMore, type FieldRow, type NameMatch } from './more-entities';
import { planImport, type ImportPlan } from './plan';
import { rowReader, type PreparedRow, type RowProblem } from './prepare';
import { readRows, sniff } from './source';
import { suggestMapping } from './targets';

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'backup' | 'writing';
  done: number;
  total: number;
}

export interface ImportRequest {
  path: string;
  fileName: string;
  entity: ImportEntity;
  settings?: ImportSettings | undefined;
  /** Check everything and report, write nothing. */
  dryRun?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Called once the import is known to be valid, right before it writes (the pre-import backup). */
  beforeWrite?: (() => Promise<unknown>) | undefined;
  /** The order of ambiguous dates when the file does not tell (D/M in Spanish, M/D in English). */
  locale?: Locale | undefined;
  write?: WriteOptions | undefined;
}

export interface ImportOutcome {
  ok: boolean;
  counts: ImportCounts;
  problems: RowProblem[];
  batch: ImportBatch | null;
  settings: ImportSettings;
  /** Names resolved by a close spelling or a variant, most rows first. */
  matches: NameMatch[];
}

/** At most this many problems are kept (the count is exact): a wrong file can have millions. */
const MAX_PROBLEMS = 20_000;

/**
 * Imports a CSV file all or nothing: the file is streamed and every row checked first; only a
 * file without a single problem is written, in one transaction, as one undoable batch.
 */
export async function importCsv(db: CrmDb, request: ImportRequest): Promise<ImportOutcome> {
  const settings = request.settings ?? {};
  const sniffed = await sniff(request.path, {
    ...(settings.encoding ? { encoding: settings.encoding } : {}),
    ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
    ...(settings.hasHeader !== undefined ? { hasHeader: settings.hasHeader } : {}),
  });
  const columns = settings.columns ?? suggestMapping(db, request.entity, sniffed.headers);
  if (!Object.values(columns).some(Boolean)) throw new CrmError('invalid_input', 'import.nothing_mapped');
  const resolved: ImportSettings = {
    ...settings,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter as ImportSettings['delimiter'],
    hasHeader: sniffed.hasHeader,
    columns,
  };
  const fallback: Exclude<DateFormat, 'auto'> = request.locale === 'es' ? 'dmy' : 'mdy';
  const entity = request.entity;
  const more = isMoreEntity(entity);
  const reader = more
    ? null
    : rowReader(db, entity, sniffed.headers, sniffed.sample, { ...resolved, columns }, fallback);
  const mapped = sniffed.headers.map((h, i) => [i, columns[h]] as const).filter(([, t]) => !!t) as [number, string][];
  const fieldRows: FieldRow[] = [];

  const prepared: PreparedRow[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const badRows = new Set<number>();
  const note = (p: RowProblem) => {
    problemCount++;
    badRows.add(p.row);
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const started = Date.now();
  const { rows, quoteErrors } = await readRows(
    request.path,
    sniffed,
    (chunk, progress) => {
      const local: RowProblem[] = [];
      for (const { row, cells } of chunk) {
        const bad = cells.findIndex((c) => c.includes('\uFFFD'));
        if (bad >= 0) {
          local.push({
            row,
            column: sniffed.headers[bad] ?? null,
            value: cells[bad] ?? null,
            key: 'import.bad_encoding',
            params: { encoding: sniffed.encoding },
          });
          continue;
        }
        if (reader) {
          const out = reader.prepare(cells, row, local);
          if (out) prepared.push(out);
          continue;
        }
        if (cells.length < sniffed.headers.length || cells.slice(sniffed.headers.length).some((c) => c.trim())) {
          local.push({
            row,
            column: null,
            value: null,
            key: 'import.ragged_row',
            params: { expected: sniffed.headers.length, found: cells.length },
          });
          continue;
        }
        const fields: Record<string, string> = {};
        for (const [i, target] of mapped) if (cells[i]?.trim()) fields[target] = cells[i]!;
        fieldRows.push({ row, fields });
      }
      for (const p of local) note(p);
      request.onProgress?.({ phase: 'reading', done: progress.bytes, total: progress.size });
    },
    request.signal,
  );
  if (request.signal?.aborted) throw new CrmError('conflict', 'import.cancelled');
  for (const q of quoteErrors) note({ row: q.row, column: null, value: null, key: 'import.unbalanced_quotes' });
  if (rows === 0) throw new CrmError('invalid_input', 'import.no_rows');

  request.onProgress?.({ phase: 'checking', done: 0, total: prepared.length + fieldRows.length });
  const planProblems: RowProblem[] = [];
  const targetColumn = (target: string) => Object.entries(columns).find(([, t]) => t === target)?.[0] ?? null;
  const dedupe = settings.dedupe ?? 'skip';
  const createMissing = settings.createMissing ?? false;
  let plan: ImportPlan;
  const matches = new Map<string, NameMatch>();
  if (isMoreEntity(entity)) {
    const formats = columnFormats(fieldRows, fallback, settings.dateFormat, settings.decimal);
    const aliases = new Map(Object.entries(settings.aliases ?? {}).map(([from, to]) => [foldText(from), to]));
    plan = planMore(
      entity,
      {
        db,
        dedupe,
        createMissing,
        pipelineName: translate(request.locale ?? 'en', 'pipeline.default_name'),
        problems: planProblems,
        columnOf: targetColumn,
        aliases,
        matches,
        ...formats,
      },
      fieldRows,
    );
  } else {
    plan = planImport(
      db,
      entity,
      prepared,
      { dedupe, createMissing, tags: settings.tags ?? [] },
      planProblems,
      targetColumn,
    );
  }
  for (const p of planProblems) note(p);
  problems.sort((a, b) => a.row - b.row);

  const counts: ImportCounts = {
    rows,
    created: plan.created,
    updated: plan.updated,
    skipped: plan.skipped,
    related: plan.related,
    errors: badRows.size,
  };
  const matched = [...matches.values()].sort((a, b) => b.rows - a.rows);
  if (problemCount > 0 || request.dryRun)
    return { ok: problemCount === 0, counts, problems, batch: null, settings: resolved, matches: matched };
  if (request.signal?.aborted) throw new CrmError('conflict', 'import.cancelled');

  if (request.beforeWrite) {
    request.onProgress?.({ phase: 'backup', done: 0, total: 1 });
    await request.beforeWrite();
  }
  if (request.signal?.aborted) throw new CrmError('conflict', 'import.cancelled');
  request.onProgress?.({ phase: 'writing', done: 0, total: plan.mutations.length });
  // In steps, so the window keeps answering and a cancel while writing still leaves the book as it
  // was: the steps share one transaction, rolled back whole.
  const batch = await commitPlanInSteps(
    db,
    plan,
    {
      entity: request.entity,
      fileName: request.fileName,
      format: 'csv',
      counts: { ...counts, ms: Date.now() - started },
      settings: resolved,
    },
    request.write ?? {},
    {
      signal: request.signal,
      onProgress: (done, total) => request.onProgress?.({ phase: 'writing', done, total }),
    },
  );
  return { ok: true, counts, problems, batch, settings: resolved, matches: matched };
}

/** Problems translated for people, each pointing at its row and column. */
export function translateProblems(problems: RowProblem[], locale: Locale): RowIssue[] {
  return problems.map((p) => ({
    row: p.row,
    column: p.column,
    value: p.value,
    key: p.key,
    ...(p.params ? { params: p.params } : {}),
    message: translate(locale, p.key, p.params ?? {}),
  }));
}

/** The downloadable error report: one line per problem, in the caller's language. */
export function errorReportCsv(problems: RowProblem[], locale: Locale): string {
  const head = ['import.report.row', 'import.report.column', 'import.report.value', 'import.report.problem'].map((k) =>
    translate(locale, k),
  );
  const body = translateProblems(problems, locale).map((p) => [p.row, p.column ?? '', p.value ?? '', p.message]);
  return '\uFEFF' + Papa.unparse([head, ...body], { newline: '\r\n' });
}
