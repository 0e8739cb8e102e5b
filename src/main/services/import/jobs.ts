import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportEntity, ImportJob, ImportSettings } from '../../../shared/contract/import';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import { newId } from '../../../shared/ids';
import { CrmError } from '../../errors';
import type { WriteOptions } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import { backupNow } from '../backup';
import { importVcardFile } from '../vcard';
import { errorReportCsv, importCsv, translateProblems, type ImportProgress } from './csv-import';
import type { RowProblem } from './prepare';

/**
 * The wizard's side of imports: files arrive in pieces (any size, never held in memory), and an
 * import runs in the background while the window asks for its progress and may cancel it.
 */
const UPLOAD_DIR = join(tmpdir(), 'crm-uploads');
const UPLOAD_TTL_MS = 24 * 3600_000;

interface Upload {
  path: string;
  fileName: string;
}
const uploads = new Map<string, Upload>();

interface Job {
  id: string;
  state: ImportJob['state'];
  progress: ImportProgress;
  started: number;
  problems: RowProblem[];
  result: Pick<ImportJob, 'counts' | 'batchId'>;
  matches: ImportJob['matches'];
  error: { key: string; params?: Record<string, string | number> } | null;
  controller: AbortController;
  fileName: string;
}
const jobs = new Map<string, Job>();

function sweep(): void {
  if (!existsSync(UPLOAD_DIR)) return;
  for (const f of readdirSync(UPLOAD_DIR)) {
    const path = join(UPLOAD_DIR, f);
    if (Date.now() - statSync(path).mtimeMs > UPLOAD_TTL_MS) rmSync(path, { force: true });
  }
}

export function receiveUpload(input: { uploadId?: string | undefined; fileName: string; data: string }): {
  uploadId: string;
  size: number;
} {
  let id = input.uploadId;
  if (!id) {
    mkdirSync(UPLOAD_DIR, { recursive: true });
    sweep();
    id = randomBytes(16).toString('hex');
    const path = join(UPLOAD_DIR, id);
    writeFileSync(path, '');
    uploads.set(id, { path, fileName: input.fileName });
  }
  const upload = uploadOf(id);
  appendFileSync(upload.path, Buffer.from(input.data, 'base64'));
  return { uploadId: id, size: statSync(upload.path).size };
}

export function uploadOf(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload || !existsSync(upload.path)) throw new CrmError('not_found', 'import.upload_missing');
  return upload;
}

export function isVcard(fileName: string): boolean {
  return /\.(vcf|vcard)$/i.test(fileName);
}

function view(job: Job, locale: Locale): ImportJob {
  const { done, total } = job.progress;
  const elapsed = Date.now() - job.started;
  const fraction = total > 0 ? done / total : 0;
  // Reading is most of an import's time; the estimate is linear in what was read so far.
  const etaMs = job.state === 'running' && fraction > 0.02 ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
  return {
    id: job.id,
    state: job.state,
    phase: job.progress.phase,
    done,
    total,
    etaMs,
    counts: job.result.counts,
    batchId: job.result.batchId,
    issues: translateProblems(job.problems.slice(0, 200), locale),
    matches: job.matches.slice(0, 200),
    error: job.error ? { key: job.error.key, message: translate(locale, job.error.key, job.error.params ?? {}) } : null,
  };
}

export function startImportJob(
  db: CrmDb,
  input: {
    uploadId: string;
    entity: ImportEntity;
    settings?: ImportSettings | undefined;
    dryRun?: boolean | undefined;
  },
  locale: Locale,
  write: WriteOptions,
): ImportJob {
  const upload = uploadOf(input.uploadId);
  const job: Job = {
    id: newId(),
    state: 'running',
    progress: { phase: 'reading', done: 0, total: 1 },
    started: Date.now(),
    problems: [],
    result: { counts: null, batchId: null },
    matches: [],
    error: null,
    controller: new AbortController(),
    fileName: upload.fileName,
  };
  jobs.set(job.id, job);
  const beforeWrite = db.path === ':memory:' ? undefined : () => backupNow(db, { reason: 'import' });
  const run = async () => {
    if (isVcard(upload.fileName)) {
      const out = await importVcardFile(db, upload.path, {
        dedupe: input.settings?.dedupe ?? 'skip',
        dryRun: input.dryRun ?? false,
        beforeWrite,
        write,
        fileName: upload.fileName,
      });
      job.problems = out.bad.map((b) => ({
        row: b.line,
        column: b.field ?? null,
        value: null,
        key: 'import.vcard_bad_card',
        params: { card: b.card, line: b.line, reason: b.reason },
      }));
      job.result = { counts: out.counts, batchId: out.batch?.id ?? null };
      return;
    }
    const out = await importCsv(db, {
      path: upload.path,
      fileName: upload.fileName,
      entity: input.entity,
      settings: input.settings,
      dryRun: input.dryRun,
      signal: job.controller.signal,
      onProgress: (p) => (job.progress = p),
      beforeWrite,
      locale,
      write,
    });
    job.problems = out.problems;
    job.matches = out.matches;
    job.result = { counts: out.counts, batchId: out.batch?.id ?? null };
    if (!out.ok) job.error = { key: 'cli.import_failed', params: { errors: out.counts.errors } };
  };
  run()
    .then(() => {
      job.state = job.error ? 'failed' : 'done';
    })
    .catch((error: unknown) => {
      const cancelled = error instanceof CrmError && error.key === 'import.cancelled';
      job.state = cancelled ? 'cancelled' : 'failed';
      job.error = error instanceof CrmError ? { key: error.key, params: error.params } : { key: 'errors.internal' };
      if (!(error instanceof CrmError)) console.error('import failed', error);
    });
  return view(job, locale);
}

function jobOf(id: string): Job {
  const job = jobs.get(id);
  if (!job) throw new CrmError('not_found', 'import.job_missing');
  return job;
}

export function importJobStatus(id: string, locale: Locale): ImportJob {
  return view(jobOf(id), locale);
}

export function cancelImportJob(id: string, locale: Locale): ImportJob {
  const job = jobOf(id);
  job.controller.abort();
  return view(job, locale);
}

export function importJobReport(id: string, locale: Locale): { fileName: string; csv: string } {
  const job = jobOf(id);
  return { fileName: `${job.fileName.replace(/\.[^.]+$/, '')}-errors.csv`, csv: errorReportCsv(job.problems, locale) };
}
