import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';
import { makeTemplate, runSimulation, simClock } from './sim';

/**
 * Deterministic seeded simulation of replicas and the server through a faulty network (see sim.ts).
 * SIM_SEEDS seeds (200 by default; `npm run test:soak` runs 10,000), from SIM_FIRST_SEED.
 */
const SEEDS = Number(process.env.SIM_SEEDS ?? 200);
const FIRST = Number(process.env.SIM_FIRST_SEED ?? 1);
const CHUNK = 25;
const PARALLEL = Number(process.env.SIM_PARALLEL ?? 4);

let server: TestServer;
let template: string;
beforeAll(async () => {
  template = makeTemplate();
  server = await startTestServer({ now: () => simClock.now });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (template) rmSync(template, { recursive: true, force: true });
});

describe('sync simulation: replicas converge with the server after faults heal', () => {
  for (let start = FIRST; start < FIRST + SEEDS; start += CHUNK) {
    const end = Math.min(start + CHUNK, FIRST + SEEDS) - 1;
    it(`seeds ${start}–${end}`, async () => {
      // A few seeds at a time: sign-ins (argon2) and the server's queries overlap; each seed is still
      // its own seeded run with its own workspace.
      const seeds = Array.from({ length: end - start + 1 }, (_, i) => start + i);
      const worker = async (slot: number) => {
        for (let seed = seeds.shift(); seed !== undefined; seed = seeds.shift()) {
          const report = await runSimulation({ seed, server, template, slot });
          expect(report.replicas).toBeGreaterThanOrEqual(3);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, (_, slot) => worker(slot)));
    }, 3_600_000);
  }
});
