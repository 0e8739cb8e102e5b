/** One row of the results: what we measured, its reference from the same run, and the budget it is held to. */
export interface Figure {
  id: string;
  name: string;
  ours: object;
  reference?: object;
  oursText: string;
  referenceText: string;
  /** ours / reference (time, or p95 for latencies); null when there is no reference. */
  ratio: number | null;
  budget: string;
  /** null: reported for information, no budget. */
  pass: boolean | null;
  [extra: string]: unknown;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(figures: Figure[]): string {
  const lines = [
    '| Figure | Ours | Reference | Ratio | Budget | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...figures
      .map((f) =>
        [
          f.name,
          f.oursText,
          f.referenceText,
          f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
          f.budget,
          f.pass === null ? 'info' : f.pass ? 'pass' : '**FAIL**',
        ]
          .map(cell)
          .join(' | '),
      )
      .map((row) => `| ${row} |`),
  ];
  return lines.join('\n');
}
