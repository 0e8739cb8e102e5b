import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HlcClock, type Hlc } from '../../src/shared/sync/hlc';

/** A wall clock that returns the given readings in turn (and the last one forever after). */
function readings(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
}

describe('HLC', () => {
  it('ticks strictly increase even when the wall clock goes backwards or stands still', () => {
    const clock = new HlcClock('node-a', readings(5000, 5000, 4000, 1000, 4999, 5001, 5001));
    const stamps = Array.from({ length: 7 }, () => clock.tick());
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    // While the wall clock lags, time is held at the highest reading and the counter counts.
    expect(stamps.slice(0, 5).map((s) => decodeHlc(s).millis)).toEqual([5000, 5000, 5000, 5000, 5000]);
    expect(stamps.slice(0, 5).map((s) => decodeHlc(s).counter)).toEqual([0, 1, 2, 3, 4]);
    // Once the wall clock passes it again, the counter resets.
    expect(decodeHlc(stamps[5]!)).toEqual({ millis: 5001, counter: 0, node: 'node-a' });
    expect(decodeHlc(stamps[6]!)).toEqual({ millis: 5001, counter: 1, node: 'node-a' });
  });

  it('orders after a remote timestamp it has observed, even one from a clock far ahead', () => {
    const clock = new HlcClock('node-a', () => 1000);
    const remote = encodeHlc({ millis: 9_000, counter: 7, node: 'node-b' });
    clock.tick();
    clock.observe(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(decodeHlc(next)).toEqual({ millis: 9_000, counter: 9, node: 'node-a' });
  });

  it('observing an older remote keeps the local clock moving forward', () => {
    const clock = new HlcClock('node-a', () => 5000);
    const before = clock.tick();
    clock.observe(encodeHlc({ millis: 10, counter: 0, node: 'node-b' }));
    const after = clock.tick();
    expect(after > before).toBe(true);
  });

  it('resumes after the last stamp it was given (a reopened book), whatever the wall clock says', () => {
    const last = encodeHlc({ millis: 8_000, counter: 3, node: 'old' });
    const clock = new HlcClock('node-a', () => 100, last);
    expect(clock.current()).toBe(encodeHlc({ millis: 8_000, counter: 3, node: 'node-a' }));
    expect(clock.tick() > last).toBe(true);
  });

  it('orders by plain string comparison exactly as by (millis, counter, node)', () => {
    const stamps: Hlc[] = [
      { millis: 999, counter: 0, node: 'b' },
      { millis: 1000, counter: 0, node: 'a' },
      { millis: 1000, counter: 35, node: 'a' },
      { millis: 1000, counter: 36, node: 'a' },
      { millis: 1000, counter: 36, node: 'b' },
      { millis: 1_700_000_000_000, counter: 1295, node: 'a' },
      { millis: 1_700_000_000_000, counter: 1296, node: 'a' },
      { millis: 1_700_000_000_001, counter: 0, node: 'a' },
      { millis: 99_999_999_999_999, counter: 0, node: 'a' },
    ];
    const shuffled = [...stamps].reverse().map(encodeHlc);
    expect([...shuffled].sort()).toEqual(stamps.map(encodeHlc));
  });

  it('encodes to fixed width and decodes back, node ids with colons included', () => {
    const h: Hlc = { millis: 1_732_370_000_000, counter: 42, node: 'dev:laptop:1' };
    const s = encodeHlc(h);
    expect(s).toBe('001732370000000:0016:dev:laptop:1');
    expect(decodeHlc(s)).toEqual(h);
  });

  it('refuses to decode something that is not a timestamp', () => {
    expect(() => decodeHlc('garbage')).toThrow(/not an HLC/);
    expect(() => decodeHlc('')).toThrow(/not an HLC/);
  });

  it('refuses to wrap the counter rather than go backwards', () => {
    const clock = new HlcClock('n', () => 1, encodeHlc({ millis: 5, counter: 36 ** 4 - 1, node: 'n' }));
    expect(() => clock.tick()).toThrow(/overflow/);
  });
});
