/** The bench's temp folder: every book is made here and the folder is removed at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));

/** Path of a new book in the bench's temp folder. */
export function bookPath(name: string): string {
  return join(benchDir, `${name}.sqlite`);
}

export function removeBook(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export function removeBenchDir(): void {
  rmSync(benchDir, { recursive: true, force: true });
}
