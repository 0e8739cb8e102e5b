import { describe, expect, it } from 'vitest';
import { valueAxisWidth } from '../../src/renderer/lib/chart-axis';

const euros = (v: number) =>
  new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(Math.round(v));

describe('the value axis of a chart', () => {
  it('is wide enough for a Spanish money tick such as "600.000,00 €" (the 60 px default cut it)', () => {
    const width = valueAxisWidth([472_400, 377_200, 109_750], euros);
    // 7 px a character at the tick font, plus the tick mark.
    expect(width).toBeGreaterThanOrEqual(euros(600_000).length * 7);
  });

  it('stays narrow for small counts and never takes more than 160 px', () => {
    expect(valueAxisWidth([3, 12, 400], String)).toBeLessThanOrEqual(60);
    expect(valueAxisWidth([1e15], euros)).toBe(160);
  });
});
