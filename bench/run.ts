/**
 * `npm run bench`: the figures of the performance budgets, each measured side by side with a
 * reference in the same run (so a slow or busy machine moves both), written to
 * bench/results/latest.json and latest.md and printed as a table.
 *
 * One book is seeded and grown once, through the real write path:
 *   1. seedWorkspace: 100k contacts, 20k companies, 2k deals, 5k activities (foundation.ts);
 *      the foundation's figures (issue 2) are measured on it, plus the mutation layer's insert
 *      against raw inserts on books of their own;
 *   2. 495k more activities through mutate (activities.ts), to 500k;
 *   3. issue 3's budgets on the full book: list, filters, search, record page, duplicate scan
 *      (accounts.ts), and the search box in Chromium (browser.ts).
 * Then issue 4's quote PDF budget on a small book of its own (billing.ts: about 20 s).
 *
 * Every book lives in a temp folder under os.tmpdir() and is removed at the end. The data is
 * seeded (fixed seeds), so two runs measure the same rows and the same queries.
 * BENCH_CONTACTS=N scales the book down for a quick try (the budgets are for 100k);
 * BENCH_BROWSER=0 leaves out the Chromium figure.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIVITY_BATCH, addActivities } from './activities';
import { benchContactsList, benchDuplicates, benchFilters, benchRecordPage } from './accounts';
import { benchBilling } from './billing';
import { benchBrowser, browserSkipped } from './browser';
import {
  INSERT_BATCH,
  INSERT_ROUNDS,
  LIST_RUNS,
  SEARCH_ROUNDS,
  benchInsert,
  benchList,
  benchSearch,
  benchSeed,
} from './foundation';
import { removeBenchDir } from './lib/books';
import { figures, fmtInt, log } from './lib/figures';
import { markdownTable } from './lib/report';
import { ACTIVITIES, BROWSER, COMPANIES, CONTACTS, DEALS, SEARCH_QUERIES, SEED_ACTIVITIES } from './lib/settings';
import { round } from './lib/stats';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const started = performance.now();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: round(totalmem() / 2 ** 30, 1),
  platform: `${platform()} ${release()}`,
  node: process.version,
  sqlite: sqliteVersion(),
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  loadAverageAtEnd: [] as number[],
};
const source = sourceState();

try {
  const book = benchSeed();
  benchInsert();
  benchList(book);
  await benchSearch(book, {
    id: 'search',
    name: `search.query at ${fmtInt(CONTACTS)} contacts (+${fmtInt(COMPANIES)} companies, ${fmtInt(SEED_ACTIVITIES)} activities), ${SEARCH_QUERIES.length} queries × ${SEARCH_ROUNDS}, limit 20`,
    via: 'service',
  });

  addActivities(book, ACTIVITIES - SEED_ACTIVITIES, SEED_ACTIVITIES);
  await benchContactsList(book);
  await benchFilters(book);
  await benchSearch(book, {
    id: 'search-full-book',
    name: `search.query through dispatch at ${fmtInt(CONTACTS)} contacts + ${fmtInt(COMPANIES)} companies + ${fmtInt(ACTIVITIES)} activities, ${SEARCH_QUERIES.length} queries × ${SEARCH_ROUNDS}, limit 20`,
    via: 'dispatch',
  });
  await benchRecordPage(book);
  await benchDuplicates(book);
  if (BROWSER) await benchBrowser(book);
  else browserSkipped('BENCH_BROWSER=0');
  book.close();
  await benchBilling();
} finally {
  removeBenchDir();
}
machine.loadAverageAtEnd = loadavg().map((l) => round(l, 2));

const ok = figures.every((f) => f.pass !== false);
const result = {
  generatedAt: new Date().toISOString(),
  ok,
  seconds: round((performance.now() - started) / 1000, 1),
  machine,
  source,
  settings: {
    contacts: CONTACTS,
    companies: COMPANIES,
    deals: DEALS,
    activities: ACTIVITIES,
    seedActivities: SEED_ACTIVITIES,
    activityBatch: ACTIVITY_BATCH,
    batch: INSERT_BATCH,
    insertRounds: INSERT_ROUNDS,
    listRuns: LIST_RUNS,
    searchRounds: SEARCH_ROUNDS,
    queries: SEARCH_QUERIES,
    browser: BROWSER,
  },
  figures,
};
const table = markdownTable(figures);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(resultsDir, 'latest.md'),
  [
    '# Benchmarks',
    '',
    `Run ${result.generatedAt} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, SQLite ${machine.sqlite};`,
    `load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end; ${result.seconds} s in all.`,
    `Source: commit ${source.commit.slice(0, 7)}${source.uncommitted.length ? ` with ${source.uncommitted.length} uncommitted file(s) in src/ or db/ (${source.uncommitted.join(', ')})` : ''}.`,
    'Each figure is measured next to its reference in the same run. Generated by `npm run bench`; see bench/README.md.',
    '',
    table,
    '',
  ].join('\n'),
);
log(`done in ${result.seconds} s`);
console.log(table);
console.log(ok ? '\nAll budgets hold.' : '\nSome budgets do not hold (see above).');

/** Which code was measured: the commit, and the files of src/ and db/ that differ from it (read-only git calls). */
function sourceState(): { commit: string; uncommitted: string[] } {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  // Not trimmed: a porcelain line starts with its two status columns, the first often a space.
  const git = (args: string[]) =>
    spawnSync('git', ['--no-optional-locks', ...args], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  const uncommitted = git(['status', '--porcelain', '--', 'src', 'db'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return { commit: git(['rev-parse', 'HEAD']).trim() || 'unknown', uncommitted };
}

function sqliteVersion(): string {
  const mem = new Database(':memory:');
  try {
    return mem.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    mem.close();
  }
}
