/** Timing helpers for the benchmarks: wall-clock samples in milliseconds and their percentiles. */

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    runs: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sum / Math.max(1, sorted.length)),
  };
}

/** Milliseconds `fn` takes. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Samples two functions in alternation (ours, then the reference, then the other way round), so
 * both see the same moments of a shared machine; returns both sets of samples (ms).
 */
export function samplePair(
  a: () => void,
  b: () => void,
  runs: number,
  warmup = Math.min(20, runs),
): [number[], number[]] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(time(a));
      bs.push(time(b));
    } else {
      bs.push(time(b));
      as.push(time(a));
    }
  }
  return [as, bs];
}

/** Three significant decimals at most: enough for milliseconds, short in the table. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds an async `fn` takes until its promise settles. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** samplePair for async functions (a call through `dispatch`, a page in the browser): one at a time, alternating. */
export async function samplePairAsync(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(await timeAsync(a));
      bs.push(await timeAsync(b));
    } else {
      bs.push(await timeAsync(b));
      as.push(await timeAsync(a));
    }
  }
  return [as, bs];
}
