/** The rows of the results table, collected by every part of the bench, and the way numbers are printed in it. */
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
