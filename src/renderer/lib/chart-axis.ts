/**
 * The width a chart's value axis needs for its longest tick label. Recharts gives the axis a fixed
 * 60 px by default, which clips money ticks such as "1.000.000,00 €" on the left.
 */
export function valueAxisWidth(values: readonly number[], format: (v: number) => string): number {
  const max = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  // The top tick is at most a little above the largest value; 7 px a character at the 12 px tick font.
  const longest = Math.max(format(max).length, format(-max).length, format(max * 1.25).length);
  return Math.min(160, Math.max(40, 12 + longest * 7));
}
