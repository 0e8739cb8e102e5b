import { readFileSync, statSync } from 'node:fs';

/** How long one look at the file is trusted: db.now runs on every write, a stat each time would not. */
const CHECK_EVERY_MS = 100;

export interface OffsetClockOptions {
  /** The wall clock the offset is added to (tests inject one). */
  wall?: () => number;
  /** Told when the file holds something other than a whole number; the previous offset stays. */
  onInvalid?: (content: string) => void;
}

/**
 * A wall clock moved by the number of milliseconds written in a file: `crm serve
 * --clock-offset-file` hands it to the book as its clock, so a test or a demo can make time pass
 * (an SLA target run out, a reminder fall due) without waiting and without an endpoint that could
 * change the time over the network. A missing or empty file means no offset. The file is looked
 * at no more than every 100 ms and read again only when its modification time or size changed.
 * The book's hybrid logical clock never goes back, so an offset that is lowered again does not
 * undo the stamps already given.
 */
export function offsetClock(path: string, options: OffsetClockOptions = {}): () => number {
  const wall = options.wall ?? Date.now;
  let offset = 0;
  let checkedAt = -Infinity;
  let seen = '';
  return () => {
    const now = wall();
    if (now - checkedAt >= CHECK_EVERY_MS || now < checkedAt) {
      checkedAt = now;
      const stat = statSync(path, { throwIfNoEntry: false });
      const version = stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
      if (version !== seen) {
        seen = version;
        offset = stat ? parseOffset(readMissingAsEmpty(path), offset, options.onInvalid) : 0;
      }
    }
    return now + offset;
  };
}

function readMissingAsEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    // Removed between the stat and the read: the same as no file.
    if ((error as { code?: string }).code === 'ENOENT') return '';
    throw error;
  }
}

function parseOffset(content: string, previous: number, onInvalid: OffsetClockOptions['onInvalid']): number {
  const text = content.trim();
  if (text === '') return 0;
  if (/^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  onInvalid?.(text);
  return previous;
}
