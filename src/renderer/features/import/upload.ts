import type { ExportFile } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';

/** 3 MB of file per call: its base64 stays under the 4 MB a call may carry. */
const PIECE = 3 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a file to the back end in pieces (any size: it is never held whole in memory there). */
export async function uploadFile(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < Math.max(file.size, 1); offset += PIECE) {
    const bytes = new Uint8Array(await file.slice(offset, offset + PIECE).arrayBuffer());
    const out = await unwrap(
      api.import.upload({ fileName: file.name, data: toBase64(bytes), ...(uploadId ? { uploadId } : {}) }),
    );
    uploadId = out.uploadId;
    onProgress?.(Math.min(1, (offset + PIECE) / Math.max(file.size, 1)));
  }
  return uploadId!;
}

/** Saves bytes the back end made (an export, an error report) as a download. */
export function saveFile(file: Pick<ExportFile, 'fileName' | 'mime' | 'data'>): void {
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mime }), file.fileName);
}

export function saveText(text: string, fileName: string, mime: string): void {
  saveBlob(new Blob([text], { type: mime }), fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
