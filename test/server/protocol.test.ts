import { describe, expect, it } from 'vitest';
import { encodeHlc, HlcClock } from '../../src/shared/sync/hlc';
import {
  beats,
  errorBodySchema,
  fieldChangeSchema,
  MAX_BATCH_CHANGES,
  pullQuerySchema,
  pushRequestSchema,
  signupRequestSchema,
  SYNC_ERROR_CODES,
  SYNC_ERROR_STATUS,
} from '../../src/shared/sync/protocol';

const change = (over: Record<string, unknown> = {}) => ({
  table: 'contacts',
  rowId: 'r1',
  field: 'name',
  value: 'Ann',
  hlc: encodeHlc({ millis: Date.now(), counter: 0, node: 'n1' }),
  node: 'n1',
  ...over,
});

describe('sync protocol schemas', () => {
  it('accepts the clocks HlcClock produces and refuses other strings', () => {
    const clock = new HlcClock('node-a');
    expect(fieldChangeSchema.safeParse(change({ hlc: clock.tick(), node: 'node-a' })).success).toBe(true);
    for (const hlc of ['', 'yesterday', '1732370000000:0000:n', '000001732370000:00:n', '000001732370000:0000:']) {
      expect(fieldChangeSchema.safeParse(change({ hlc })).success, hlc).toBe(false);
    }
  });

  it('carries any JSON value, including null and nested objects, but nothing else', () => {
    for (const value of [null, 0, 'x', true, [1, 'a'], { a: { b: [null] } }]) {
      expect(fieldChangeSchema.safeParse(change({ value })).success).toBe(true);
    }
    expect(fieldChangeSchema.safeParse(change({ value: undefined })).success).toBe(false);
    expect(fieldChangeSchema.safeParse(change({ value: () => 1 })).success).toBe(false);
  });

  it('orders by clock, then node', () => {
    const a = { hlc: encodeHlc({ millis: 1, counter: 0, node: 'a' }), node: 'a' };
    const b = { hlc: encodeHlc({ millis: 1, counter: 1, node: 'a' }), node: 'a' };
    const c = { hlc: encodeHlc({ millis: 2, counter: 0, node: 'a' }), node: 'a' };
    expect(beats(b, a)).toBe(true);
    expect(beats(c, b)).toBe(true);
    expect(beats(a, c)).toBe(false);
    expect(beats({ hlc: 'same', node: 'z' }, { hlc: 'same', node: 'y' })).toBe(true);
    expect(beats(a, a)).toBe(false);
  });

  it('limits a batch and validates its seq', () => {
    const ok = { deviceId: 'd', seq: 1, changes: [change()] };
    expect(pushRequestSchema.safeParse(ok).success).toBe(true);
    expect(pushRequestSchema.safeParse({ ...ok, seq: 0 }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_BATCH_CHANGES + 1 }, () => change());
    expect(pushRequestSchema.safeParse({ ...ok, changes: tooMany }).success).toBe(false);
  });

  it('normalises emails and coerces query strings', () => {
    const s = signupRequestSchema.parse({
      email: '  Ana@Example.COM ',
      password: '12345678',
      workspaceName: 'W',
      deviceName: 'D',
    });
    expect(s.email).toBe('ana@example.com');
    expect(signupRequestSchema.safeParse({ ...s, password: 'short' }).success).toBe(false);
    expect(pullQuerySchema.parse({ epoch: 'e', after: '12' })).toEqual({ epoch: 'e', after: 12, limit: 1000 });
    expect(pullQuerySchema.safeParse({ epoch: 'e', after: 'x' }).success).toBe(false);
  });

  it('maps every error code to a 4xx/5xx status', () => {
    for (const code of SYNC_ERROR_CODES) {
      expect(SYNC_ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(errorBodySchema.safeParse({ error: { code, message: 'm' } }).success).toBe(true);
    }
  });
});
