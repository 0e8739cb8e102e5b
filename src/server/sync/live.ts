/**
 * In-process wake-ups for GET /v1/live. Only a hint: each live stream also polls the database, so
 * streams served by one instance see pushes committed by another.
 */
export class LiveHub {
  private readonly waiters = new Map<string, Set<() => void>>();
  private closed = false;

  notify(workspaceId: string): void {
    const set = this.waiters.get(workspaceId);
    if (!set) return;
    this.waiters.delete(workspaceId);
    for (const wake of set) wake();
  }

  /** Resolves on the next push to the workspace, after `timeoutMs`, or when the hub closes. */
  wait(workspaceId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let set = this.waiters.get(workspaceId);
      if (!set) this.waiters.set(workspaceId, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.get(workspaceId)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      set.add(done);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    for (const set of this.waiters.values()) for (const wake of set) wake();
    this.waiters.clear();
  }
}
