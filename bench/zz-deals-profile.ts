import { chromium } from '@playwright/test';
import { rendererDistDir } from '../src/main/paths';
import { startWebServer } from '../src/main/transport/http';
import { makeBook } from './deals';
import { removeBenchDir, removeBook } from './lib/books';

const book = makeBook();
const server = await startWebServer({ db: book.db, port: 0, staticDir: rendererDistDir() });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Deals', exact: true }).click();
  await page.locator('[data-testid="deal-card"]').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  for (let round = 0; round < 2; round++) {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.waitForTimeout(500);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByRole('link', { name: 'Deals', exact: true }).click();
    await page.locator('[data-testid="board-column"]').nth(2).locator('[data-testid="deal-card"]').first().waitFor();
    const ms = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
    }
    console.log(`round ${round}: ${ms} ms`);
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
  }
} finally {
  await browser.close();
  await server.close();
  book.db.close();
  removeBook(book.path);
  removeBenchDir();
}
