/**
 * 6. In Chromium: results shown after a keystroke in the top bar's search box, on the full book.
 *
 * The workspace runs in web mode (startWebServer, in this process, on the bench's book) in
 * Debian's Chromium. For each query, the box is emptied, everything but the last character is
 * put in at once and the last character is typed as a real key press right after, as a fast
 * typist would (the debounce in use-search.ts restarts at every keystroke, so only the full query
 * is searched). A probe in the page notes the keydown of that last key, the moment the search
 * request leaves (fetch wrapped before the app loads), the moment the results list holds the
 * expected hits (MutationObserver) and the first frame after it (requestAnimationFrame, then a
 * task: the frame has been produced). Reference, in the same run from the same page: the raw
 * HTTP round trip of search.query (fetch with the token, JSON read).
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../src/main/api/dispatch';
import type { CrmDb } from '../src/main/db/open';
import { projectRoot, rendererDistDir } from '../src/main/paths';
import { setCurrentMember } from '../src/main/services/members';
import { startWebServer } from '../src/main/transport/http';
import type { SearchHit } from '../src/shared/contract/search';
import { benchDir } from './lib/books';
import { figures, fmtMs, log, pushLatency } from './lib/figures';
import { SEARCH_QUERIES } from './lib/settings';
import { round, summarise } from './lib/stats';

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
const ROUNDS = 3;
/** What the search box asks for (useSearch's default limit). */
const BOX_LIMIT = 8;
/** use-search.ts's DEBOUNCE_MS, read from the source so the report follows it. */
const DEBOUNCE_SOURCE = join(projectRoot(), 'src', 'renderer', 'features', 'search', 'use-search.ts');

/**
 * Runs in the page before the app: notes keydowns and search requests, and offers `arm` (wait for
 * the expected results to be shown) and `roundTrip` (the reference). Plain JavaScript: the node
 * tsconfig has no DOM types.
 */
const PROBE = String.raw`(() => {
  const state = { keys: [], fetches: [] };
  // A typed key gives keydown then beforeinput; a character off the keyboard (é) comes as beforeinput alone.
  for (const type of ['keydown', 'beforeinput']) {
    document.addEventListener(type, (e) => state.keys.push({ type, at: e.timeStamp }), true);
  }
  const original = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const request = url.endsWith('/api/search.query') ? { start: performance.now(), end: null } : null;
    if (request) state.fetches.push(request);
    const answer = original(input, init);
    if (request) answer.then(() => { request.end = performance.now(); }, () => {});
    return answer;
  };
  const results = () => [...document.querySelectorAll('[data-testid="search-result"]')];
  window.__bench = {
    /** Resolves once the list is empty again (the box was emptied and the debounced empty query went through). */
    cleared: () =>
      new Promise((resolve) => {
        const poll = () => (results().length === 0 ? resolve(true) : setTimeout(poll, 10));
        poll();
      }),
    arm(title, count) {
      state.keys = [];
      state.fetches = [];
      window.__bench.done = new Promise((resolve, reject) => {
        const shown = () => {
          const r = results();
          return r.length === count && r[0].getClientRects().length > 0 && (r[0].textContent || '').includes(title);
        };
        const timer = setTimeout(() => { observer.disconnect(); reject(new Error('results not shown: ' + title)); }, 10000);
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(timer);
          const domAt = performance.now();
          requestAnimationFrame(() => setTimeout(() =>
            resolve({ keys: state.keys, fetches: state.fetches, domAt, paintAt: performance.now() }), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      return true;
    },
    async roundTrip(token, query, limit) {
      const started = performance.now();
      const response = await original('/api/search.query', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', 'X-Crm-Locale': 'en' },
        body: JSON.stringify({ query, limit }),
      });
      await response.json();
      return performance.now() - started;
    },
  };
})();`;

interface Shown {
  keys: { type: 'keydown' | 'beforeinput'; at: number }[];
  fetches: { start: number; end: number | null }[];
  domAt: number;
  paintAt: number;
}

/**
 * When the last character was typed: its keydown, or its beforeinput when it had no key (an accented
 * letter is inserted as text). The prefix, put in at once, is the beforeinput before it.
 */
function lastKeystroke(events: Shown['keys']): number {
  const inputs = events.filter((e) => e.type === 'beforeinput');
  const last = inputs[inputs.length - 1]!;
  const previous = inputs[inputs.length - 2]?.at ?? -Infinity;
  const keydown = events.find((e) => e.type === 'keydown' && e.at > previous && e.at <= last.at);
  return keydown?.at ?? last.at;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * The built renderer: dist/renderer when it is newer than its sources; else a fresh `vite build`
 * into the bench's temp folder (dist/ is left alone: tests may be using it).
 */
function renderer(): { dir: string; built: boolean; buildSeconds: number | null } {
  const dist = rendererDistDir();
  const index = join(dist, 'index.html');
  const root = projectRoot();
  const sources = ['src/renderer', 'src/shared', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) {
    return { dir: dist, built: false, buildSeconds: null };
  }
  const dir = join(benchDir, 'renderer');
  log(
    `building the renderer into ${dir} (dist/renderer is ${existsSync(index) ? 'older than its sources' : 'missing'})...`,
  );
  const started = performance.now();
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  return { dir, built: true, buildSeconds: round((performance.now() - started) / 1000, 1) };
}

function debounceMs(): number | null {
  const text = existsSync(DEBOUNCE_SOURCE) ? readFileSync(DEBOUNCE_SOURCE, 'utf8') : '';
  const m = /DEBOUNCE_MS\s*=\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

export async function benchBrowser(db: CrmDb): Promise<void> {
  const ctx = { db, locale: 'en', actor: null, origin: 'ui' } as const;
  const built = renderer();
  // The book's first member uses this device, as after the first-run prompt (which would cover the page).
  const member = db.sqlite.prepare('SELECT id FROM members WHERE deleted = 0 ORDER BY rowid LIMIT 1').pluck().get();
  if (typeof member === 'string') setCurrentMember(db, member);
  const server = await startWebServer({ db, port: 0, staticDir: built.dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    log('typing in the search box in Chromium...');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.addInitScript({ content: PROBE });
    await page.goto(server.url);
    const box = page.getByTestId('global-search');
    await box.waitFor({ state: 'visible', timeout: 30_000 });

    const expected = new Map<string, SearchHit[]>();
    for (const q of SEARCH_QUERIES) {
      const r = await dispatch('search.query', { query: q, limit: BOX_LIMIT }, ctx);
      if (r.ok) expected.set(q, (r.value as { hits: SearchHit[] }).hits);
    }
    const queries = SEARCH_QUERIES.filter((q) => (expected.get(q)?.length ?? 0) > 0);

    const type = async (q: string): Promise<Shown> => {
      const hits = expected.get(q)!;
      await box.fill('');
      // Strings are evaluated through the debugger protocol: the page's CSP (no eval) stays on.
      await page.evaluate('window.__bench.cleared()');
      await page.evaluate(`window.__bench.arm(${JSON.stringify(hits[0]!.title)}, ${hits.length})`);
      await page.keyboard.insertText(q.slice(0, -1));
      await page.keyboard.type(q.slice(-1));
      return page.evaluate<Shown>('window.__bench.done');
    };
    const roundTrip = (q: string) =>
      page.evaluate<number>(
        `window.__bench.roundTrip(${JSON.stringify(server.token)}, ${JSON.stringify(q)}, ${BOX_LIMIT})`,
      );

    await box.click();
    for (const q of queries.slice(0, 3)) {
      await type(q);
      await roundTrip(q);
    }
    const shown: number[] = [];
    const afterDebounce: number[] = [];
    const waited: number[] = [];
    const toDom: number[] = [];
    const request: number[] = [];
    const reference: number[] = [];
    const perQuery: Record<string, { shown: number[]; afterDebounce: number[] }> = {};
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of queries) {
        const s = await type(q);
        const key = lastKeystroke(s.keys);
        // The request that answered: the last one the page sent after that keystroke.
        const sent = s.fetches.filter((f) => f.start >= key).pop() ?? s.fetches[s.fetches.length - 1]!;
        shown.push(s.paintAt - key);
        afterDebounce.push(s.paintAt - sent.start);
        waited.push(sent.start - key);
        toDom.push(s.domAt - key);
        if (sent.end !== null) request.push(sent.end - sent.start);
        const entry = (perQuery[q] ??= { shown: [], afterDebounce: [] });
        entry.shown.push(round(s.paintAt - key, 1));
        entry.afterDebounce.push(round(s.paintAt - sent.start, 1));
        reference.push(await roundTrip(q));
      }
    }
    const debounce = debounceMs();
    const ref = summarise(reference);
    const details = {
      renderer: built,
      chromium: browser.version(),
      debounceMs: debounce,
      keystrokeToRequest: summarise(waited),
      keystrokeToDom: summarise(toDom),
      requestToHeaders: summarise(request),
      perQuery,
    };
    const debounceText = debounce === null ? 'the debounce' : `the ${debounce} ms debounce`;
    pushLatency(
      'browser-search',
      `Chromium: keystroke in the top-bar search box to its results shown (${queries.length} queries × ${ROUNDS}, limit ${BOX_LIMIT}), including ${debounceText}: the budget's figure`,
      summarise(shown),
      ref,
      100,
      details,
    );
    const after = summarise(afterDebounce);
    pushLatency(
      'browser-search-after-debounce',
      `Chromium: the same, excluding the debounce (search request leaves the page → results shown); keystroke → request p50 ${fmtMs(details.keystrokeToRequest.p50)}`,
      after,
      ref,
      null,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A row saying the Chromium figure was left out, and why (BENCH_BROWSER=0). */
export function browserSkipped(reason: string): void {
  log(`Chromium figure skipped: ${reason}`);
  figures.push({
    id: 'browser-search',
    name: `Chromium: keystroke in the top-bar search box to its results shown — skipped (${reason})`,
    ours: {},
    oursText: '—',
    referenceText: '—',
    ratio: null,
    budget: 'p95 < 100 ms',
    pass: null,
  });
}
