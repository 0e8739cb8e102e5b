/**
 * Sales budgets (issue 4): moving a deal is saved in under 20 ms (service time) and a board with
 * 10k open deals paints its first screen in under 300 ms in Chromium.
 *
 * The book: 10,000 open deals spread over the four open stages of one pipeline (2,500 each), 2,000
 * won or lost, 500 companies, 6 members, written through the mutation layer (createDealMutations,
 * the same path as the API, with a first stage stay each).
 *
 * 1. `deals.move` through dispatch, 200 moves of random open deals between open stages (the row,
 *    its closed stay, its new stay: cell clocks, outbox, audit, search index, events). Reference,
 *    alternated with it on the same moments of the machine: the same three writes (update the deal,
 *    close its stay, insert a stay) as bare prepared statements in one transaction on a plain
 *    better-sqlite3 connection to the same file (no write guard, clocks, outbox or audit).
 * 2. `deals.board` through dispatch (totals of every column in the base currency and the first 30
 *    cards of each), 60 runs; reference: its grouped totals query and the four first-page queries as
 *    bare prepared statements. Information.
 * 3. Chromium: the workspace in web mode (startWebServer in this process, dist/renderer) in Debian's
 *    Chromium, 1280×800. From the click on "Deals" in the sidebar to every open column showing its
 *    first cards, then a frame (MutationObserver, requestAnimationFrame, a task); 40 runs (so the
 *    p95 is not simply the slowest run), going back to Home between them. Reference: the raw HTTP
 *    round trip of `deals.board` from the same page. The cold load of /deals (navigation start to
 *    the same moment) is reported beside it.
 *
 * Run alone with `node bin/tsnode.js bench/deals.ts` (writes bench/results/deals.json);
 * `benchDeals()` is what a full run can call. BENCH_RENDERER_DIR=/some/dir serves a renderer built
 * there (`npx vite build --outDir /some/dir`) instead of dist/renderer, which other work may rebuild.
 */
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../src/main/api/dispatch';
import { mutate, writeAll, type Mutation } from '../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { rendererDistDir } from '../src/main/paths';
import { createDealMutations } from '../src/main/services/deals';
import { setRate } from '../src/main/services/exchange-rates';
import { createMember, setCurrentMember } from '../src/main/services/members';
import { createPipeline } from '../src/main/services/pipelines';
import { setSetting } from '../src/main/services/settings';
import { startWebServer } from '../src/main/transport/http';
import { newId } from '../src/shared/ids';
import { bookPath, removeBenchDir, removeBook } from './lib/books';
import { figures, fmtMs, log, pushLatency } from './lib/figures';
import { summarise } from './lib/stats';

const OPEN_DEALS = 10_000;
const CLOSED_DEALS = 2_000;
const COMPANIES = 500;
const MOVES = 200;
const BOARD_RUNS = 60;
const PAINT_RUNS = 40;
const CHROMIUM = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A small deterministic generator, so two runs measure the same book. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function ok<T>(db: CrmDb, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input, { db, locale: 'en', actor: null, origin: 'ui' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

interface Book {
  db: CrmDb;
  path: string;
  pipelineId: string;
  openStages: string[];
  openIds: string[];
}

export function makeBook(): Book {
  const path = bookPath('deals');
  const db = openDatabase({ path, create: true });
  const started = performance.now();
  setSetting(db, 'baseCurrency', 'EUR');
  const members = Array.from({ length: 6 }, (_, i) => createMember(db, { name: `Seller ${i + 1}` }).id);
  setCurrentMember(db, members[0]!);
  const pipeline = createPipeline(db, { name: 'New business' });
  const open = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const won = pipeline.stages.find((s) => s.kind === 'won')!.id;
  const lost = pipeline.stages.find((s) => s.kind === 'lost')!.id;
  const random = rng(4);
  const companies: string[] = [];
  mutate(
    db,
    Array.from({ length: COMPANIES }, (_, i): Mutation => {
      const id = newId();
      companies.push(id);
      return { table: 'companies', op: 'insert', id, values: { name: `Company ${i + 1}` } };
    }),
    { origin: 'bench' },
  );
  const openIds: string[] = [];
  const now = Date.now();
  // writeAll: the batches join one transaction (a savepoint each made every batch slower).
  writeAll(db, () => {
    let batch: Mutation[] = [];
    for (let i = 0; i < OPEN_DEALS + CLOSED_DEALS; i++) {
      const closed = i >= OPEN_DEALS;
      const stageId = closed ? (i % 2 ? won : lost) : open[i % open.length]!;
      const entered = now - Math.floor(random() * 60) * 86_400_000;
      const made = createDealMutations(
        db,
        {
          title: `Deal ${i + 1} – ${['Licenses', 'Onboarding', 'Support', 'Training'][i % 4]}`,
          pipelineId: pipeline.id,
          stageId,
          amount: Math.round(1_000 + random() * 99_000) * 100,
          currency: random() < 0.9 ? 'EUR' : 'USD',
          expectedClose: new Date(now + Math.floor(random() * 120) * 86_400_000).toISOString().slice(0, 10),
          companyId: companies[Math.floor(random() * companies.length)]!,
          ownerId: members[i % members.length]!,
          ...(stageId === lost ? { lostReason: 'Price' } : {}),
        },
        { origin: 'bench' },
        { asRecorded: { stageEnteredAt: entered, closedAt: closed ? entered : null } },
      );
      if (!closed) openIds.push(made.id);
      batch.push(...made.mutations);
      if (batch.length >= 4000) {
        mutate(db, batch, { origin: 'bench' });
        batch = [];
      }
    }
    mutate(db, batch, { origin: 'bench' });
  });
  setRate(db, 'USD', 0.92);
  log(`deals book: ${OPEN_DEALS + CLOSED_DEALS} deals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { db, path, pipelineId: pipeline.id, openStages: open, openIds };
}

async function benchMove(book: Book): Promise<void> {
  const { db, openStages, openIds, path } = book;
  const random = rng(9);
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const stageOf = raw.prepare('SELECT stage_id, pipeline_id FROM deals WHERE id = ?');
  const updateDeal = raw.prepare('UPDATE deals SET stage_id = ?, stage_entered_at = ?, updated_at = ? WHERE id = ?');
  const closeStay = raw.prepare(
    'UPDATE deal_stage_history SET left_at = ? WHERE deal_id = ? AND left_at IS NULL AND deleted = 0',
  );
  const openStay = raw.prepare(
    `INSERT INTO deal_stage_history (id, deleted, created_at, updated_at, custom, deal_id, pipeline_id, stage_id, entered_at)
     VALUES (?, 0, ?, ?, '{}', ?, ?, ?, ?)`,
  );
  const rawMove = raw.transaction((id: string, stageId: string) => {
    const row = stageOf.get(id) as { stage_id: string; pipeline_id: string };
    const now = Date.now();
    updateDeal.run(stageId, now, now, id);
    closeStay.run(now, id);
    openStay.run(newId(), now, now, id, row.pipeline_id, stageId, now);
  });
  const nextStage = (id: string) => {
    const current = db.sqlite.prepare('SELECT stage_id FROM deals WHERE id = ?').pluck().get(id) as string;
    const others = openStages.filter((s) => s !== current);
    return others[Math.floor(random() * others.length)]!;
  };
  const timeOurs = async (id: string, stageId: string) => {
    const start = performance.now();
    await ok(db, 'deals.move', { id, stageId });
    return performance.now() - start;
  };
  const timeRaw = (id: string, stageId: string) => {
    const start = performance.now();
    rawMove(id, stageId);
    return performance.now() - start;
  };
  for (let i = 0; i < 10; i++) {
    const id = openIds[Math.floor(random() * openIds.length)]!;
    await timeOurs(id, nextStage(id));
  }
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const a = openIds[Math.floor(random() * openIds.length)]!;
    const b = openIds[Math.floor(random() * openIds.length)]!;
    if (i % 2 === 0) {
      ours.push(await timeOurs(a, nextStage(a)));
      reference.push(timeRaw(b, nextStage(b)));
    } else {
      reference.push(timeRaw(b, nextStage(b)));
      ours.push(await timeOurs(a, nextStage(a)));
    }
  }
  raw.close();
  pushLatency(
    'deal-move',
    `deals.move through dispatch at ${OPEN_DEALS.toLocaleString('en-US')} open deals (row, closed stay, new stay; clocks, outbox, audit, search index), ${MOVES} moves`,
    summarise(ours),
    summarise(reference),
    20,
  );
  log(`deal move: p95 ${fmtMs(summarise(ours).p95)} (bare writes ${fmtMs(summarise(reference).p95)})`);
}

async function benchBoardService(book: Book): Promise<void> {
  const { db, pipelineId, openStages } = book;
  const all = db.sqlite
    .prepare('SELECT id FROM stages WHERE pipeline_id = ? AND archived = 0 ORDER BY position')
    .pluck()
    .all(pipelineId) as string[];
  const totals = db.sqlite.prepare(
    `SELECT d.stage_id, d.currency, count(*), total(d.amount), total(d.amount * coalesce(d.probability, s.probability))
       FROM deals d JOIN stages s ON s.id = d.stage_id
      WHERE d.stage_id IN (${all.map(() => '?').join(', ')}) AND d.deleted = 0 GROUP BY d.stage_id, d.currency`,
  );
  const page = db.sqlite.prepare(
    `SELECT d.*, c.name FROM deals d LEFT JOIN companies c ON c.id = d.company_id
      WHERE d.stage_id = ? AND d.deleted = 0 ORDER BY d.stage_entered_at DESC, d.id DESC LIMIT 31`,
  );
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < BOARD_RUNS + 5; i++) {
    let start = performance.now();
    await ok(db, 'deals.board', { pipelineId, limit: 30 });
    const a = performance.now() - start;
    start = performance.now();
    totals.all(...all);
    for (const s of all) page.all(s);
    const b = performance.now() - start;
    if (i >= 5) {
      ours.push(a);
      reference.push(b);
    }
  }
  pushLatency(
    'deal-board-service',
    `deals.board through dispatch: totals of ${all.length} columns (${openStages.length} open, 2,500 deals each) in the base currency + first 30 cards each, ${BOARD_RUNS} runs`,
    summarise(ours),
    summarise(reference),
    null,
  );
  log(`deals.board: p95 ${fmtMs(summarise(ours).p95)} (bare SQL ${fmtMs(summarise(reference).p95)})`);
}

/** Waits in the page for every open column to show cards, then a frame; resolves with the time since `t0`. */
const PAINT_PROBE = String.raw`const __fetches = [];
const __fetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input.url;
  const entry = { method: url.split('/api/')[1] || url, start: performance.now(), end: null };
  __fetches.push(entry);
  const response = await __fetch(input, init);
  entry.end = performance.now();
  return response;
};
window.__dealsBench = {
  fetches: __fetches,
  painted(columns) {
    return new Promise((resolve) => {
      const ready = () => {
        const cols = [...document.querySelectorAll('[data-testid="board-column"]')];
        return cols.length >= columns && cols.slice(0, columns).every((c) => c.querySelector('[data-testid="deal-card"]'));
      };
      const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      if (ready()) return finish();
      const observer = new MutationObserver(() => {
        if (ready()) {
          observer.disconnect();
          finish();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  },
  async roundTrip(token, pipelineId) {
    const start = performance.now();
    const response = await fetch('/api/deals.board', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ pipelineId, limit: 30 }),
    });
    await response.json();
    return performance.now() - start;
  },
};`;

async function benchBoardPaint(book: Book): Promise<void> {
  // A build of its own (BENCH_RENDERER_DIR) keeps the figure apart from other builds of dist/ on the machine.
  const dist = process.env.BENCH_RENDERER_DIR ?? rendererDistDir();
  if (!existsSync(join(dist, 'index.html'))) {
    log('dist/renderer is missing: run `npx vite build` first; the Chromium figure is left out');
    return;
  }
  const { db, pipelineId, openStages } = book;
  const server = await startWebServer({ db, port: 0, staticDir: dist });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.addInitScript({ content: PAINT_PROBE });
    // Columns in view at 1280 px: the first screen.
    const visible = Math.min(openStages.length, 3);

    // Cold: the page itself at /deals, from navigation start.
    const origin = new URL(server.url).origin;
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${origin}/deals#token=${encodeURIComponent(server.token)}`);
      const at = await page.evaluate<number>(`window.__dealsBench.painted(${visible})`);
      cold.push(at);
    }

    const clicks: number[] = [];
    const reference: number[] = [];
    const deals = page.getByRole('link', { name: 'Deals', exact: true });
    const home = page.getByRole('link', { name: 'Home', exact: true });
    for (let i = 0; i < PAINT_RUNS + 2; i++) {
      await home.click();
      await page.waitForTimeout(300);
      const t0 = await page.evaluate<number>('performance.now()');
      const painted = page.evaluate<number>(`window.__dealsBench.painted(${visible})`);
      await deals.click();
      const at = await painted;
      if (process.env.BENCH_DEALS_DEBUG)
        log(
          JSON.stringify(
            await page.evaluate<unknown>(
              `window.__dealsBench.fetches.filter((f) => f.start >= ${t0}).map((f) => [f.method, Math.round(f.start - ${t0}), Math.round((f.end ?? 0) - ${t0})])`,
            ),
          ) + ` painted ${Math.round(at - t0)}`,
        );
      const rt = await page.evaluate<number>(
        `window.__dealsBench.roundTrip(${JSON.stringify(server.token)}, ${JSON.stringify(pipelineId)})`,
      );
      if (i >= 2) {
        clicks.push(at - t0);
        reference.push(rt);
      }
    }
    pushLatency(
      'deal-board-paint',
      `Chromium: click on "Deals" → the board's first screen painted (${visible} columns of ${OPEN_DEALS.toLocaleString('en-US')} open deals with their cards and totals), ${PAINT_RUNS} runs`,
      summarise(clicks),
      summarise(reference),
      300,
      { chromium: browser.version(), coldLoad: summarise(cold) },
    );
    log(
      `board paint: p95 ${fmtMs(summarise(clicks).p95)} after the click (deals.board round trip ${fmtMs(summarise(reference).p95)}); cold load of /deals p50 ${fmtMs(summarise(cold).p50)}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchDeals(): Promise<void> {
  const book = makeBook();
  try {
    await benchMove(book);
    await benchBoardService(book);
    if (process.env.BENCH_BROWSER !== '0') await benchBoardPaint(book);
  } finally {
    book.db.close();
    removeBook(book.path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await benchDeals();
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'deals.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
    console.log(
      JSON.stringify(
        figures.map((f) => ({
          id: f.id,
          ours: f.oursText,
          reference: f.referenceText,
          budget: f.budget,
          pass: f.pass,
        })),
        null,
        2,
      ),
    );
  } finally {
    removeBenchDir();
  }
}
