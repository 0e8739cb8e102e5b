import type { ExportInput } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { saveBlob } from './upload';

/**
 * Exports any number of rows: the back end writes the file aside a page at a time, and it comes
 * over in pieces of a few MB, which the browser keeps as a Blob (not one long string) until saved.
 */
export async function downloadExport(
  input: Omit<ExportInput, 'format'> & { format: 'csv' | 'xlsx' },
  onProgress?: (fraction: number) => void,
): Promise<{ count: number; fileName: string }> {
  const file = await unwrap(api.export.file(input));
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: { data: string; nextOffset: number | null } = await unwrap(
      api.export.read({ exportId: file.exportId, offset }),
    );
    parts.push(Uint8Array.from(atob(piece.data), (c) => c.charCodeAt(0)));
    offset = piece.nextOffset;
    onProgress?.(offset === null ? 1 : offset / Math.max(file.size, 1));
  }
  saveBlob(new Blob(parts, { type: file.mime }), file.fileName);
  return { count: file.count, fileName: file.fileName };
}
