/**
 * Hybrid logical clock. A timestamp is encoded as a fixed-width string so that plain string
 * comparison orders by (wall millis, counter, node): the tie-break the merge rule needs.
 *   000001732370000000:0000:node-id
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MILLIS_WIDTH = 15;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export function encodeHlc(h: Hlc): string {
  return `${h.millis.toString().padStart(MILLIS_WIDTH, '0')}:${h.counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}:${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const [millis, counter, ...node] = s.split(':');
  if (millis === undefined || counter === undefined || node.length === 0) {
    throw new Error(`not an HLC timestamp: ${s}`);
  }
  return { millis: Number(millis), counter: parseInt(counter, 36), node: node.join(':') };
}

/** The stateful clock of one replica. `now` is injectable so tests and simulations control time. */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    this.last = last ? { ...decodeHlc(last), node } : { millis: 0, counter: 0, node };
  }

  /** A new timestamp for a local event, strictly greater than every one seen. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) {
      this.last = { millis: wall, counter: 0, node: this.node };
    } else {
      this.last = { millis: this.last.millis, counter: this.bump(this.last.counter), node: this.node };
    }
    return encodeHlc(this.last);
  }

  /** Fold in a timestamp received from another replica so later local ticks order after it. */
  observe(remote: string): void {
    const r = decodeHlc(remote);
    const wall = this.now();
    const millis = Math.max(wall, this.last.millis, r.millis);
    let counter: number;
    if (millis === this.last.millis && millis === r.millis) counter = this.bump(Math.max(this.last.counter, r.counter));
    else if (millis === this.last.millis) counter = this.bump(this.last.counter);
    else if (millis === r.millis) counter = this.bump(r.counter);
    else counter = 0;
    this.last = { millis, counter, node: this.node };
  }

  current(): string {
    return encodeHlc(this.last);
  }

  private bump(counter: number): number {
    if (counter >= MAX_COUNTER) throw new Error('HLC counter overflow: the clock is stuck in the past');
    return counter + 1;
  }
}
