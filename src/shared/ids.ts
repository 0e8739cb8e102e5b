import { v7 } from 'uuid';

/**
 * Random bytes for ids, drawn from the system's secure generator in blocks: one call per 256 ids
 * instead of one per id matters when an import or a seed writes 100k records.
 */
const POOL_IDS = 256;
let pool = new Uint8Array(0);
let offset = 0;

function randomBytes16(): Uint8Array {
  if (offset + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * POOL_IDS));
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

/** Client-generated, time-ordered ids (UUIDv7): safe to create offline on every device. */
export function newId(): string {
  return v7({ random: randomBytes16() });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isId(value: string): boolean {
  return UUID_RE.test(value);
}
