import { MAX_BATCH_BYTES } from '../../shared/sync/protocol';

/**
 * The JSON text of one response page: `open`, then as many of the `count` entries (each the JSON
 * text of one, built only when reached) as keep the whole body within `maxBytes` of UTF-8, joined by
 * commas, then `close(n)`: the rest of the body when the page ends after n entries (its cursor, and
 * whether more follow, depend on the last entry included). An entry is measured as it is built, so a
 * page costs no query beyond the one that read it, and the rows after the cap are never converted.
 * A page holds at least one entry: one larger than a page on its own is sent alone (a bigger body,
 * the only exception to the cap) rather than never, which would stall every cursor at it.
 */
export function jsonPage(
  count: number,
  entry: (i: number) => string,
  open: string,
  close: (n: number) => string,
  maxBytes = MAX_BATCH_BYTES,
): string {
  const entries: string[] = [];
  let used = Buffer.byteLength(open);
  for (let i = 0; i < count; i++) {
    const text = entry(i);
    used += Buffer.byteLength(text) + (i > 0 ? 1 : 0);
    if (i > 0 && used + Buffer.byteLength(close(i + 1)) > maxBytes) break;
    entries.push(text);
  }
  return open + entries.join(',') + close(entries.length);
}
