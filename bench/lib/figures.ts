/** The rows of the results table, collected by every part of the bench, and the way numbers are printed in it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './report';
import { round, type Summary } from './stats';

export const figures: Figure[] = [];

export const log = (text: string) => process.stderr.write(`${text}\n`);

/**
 * A latency figure: ours and its reference summarised as p50/p95; the budget (when there is one)
 * holds ours' p95 under `budgetP95` milliseconds.
 */
export function pushLatency(
  id: string,
  name: string,
  ours: Summary,
  reference: Summary,
  budgetP95: number | null,
  extra: Record<string, unknown> = {},
): void {
  figures.push({
    id,
    name,
    ours,
    reference,
    oursText: `p50 ${fmtMs(ours.p50)} / p95 ${fmtMs(ours.p95)}`,
    referenceText: `p50 ${fmtMs(reference.p50)} / p95 ${fmtMs(reference.p95)}`,
    ratio: reference.p95 > 0 ? round(ours.p95 / reference.p95, 2) : null,
    budget: budgetP95 === null ? '— (information)' : `p95 < ${budgetP95} ms`,
    pass: budgetP95 === null ? null : ours.p95 < budgetP95,
    ...extra,
  });
}

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

/**
 * Writes the figures of a bench run on its own to bench/results/<name>.json (with the time and the
 * load average beside them) and prints their summary.
 */
export function writeFigures(name: string): void {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const load = loadavg().map((n) => Math.round(n * 100) / 100);
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), load, figures }, null, 2)}\n`);
  console.log(
    JSON.stringify(
      figures.map((f) => ({ id: f.id, ours: f.oursText, reference: f.referenceText, ratio: f.ratio, pass: f.pass })),
      null,
      2,
    ),
  );
}
