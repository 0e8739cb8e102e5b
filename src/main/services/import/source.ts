import chardet from 'chardet';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CrmError } from '../../errors';

/** How a text file is read: found by `sniff`, or chosen by the user in the wizard. */
export interface SourceFormat {
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
}

export interface SniffResult extends SourceFormat {
  headers: string[];
  /** The first rows after the header, for the wizard's preview. */
  sample: string[][];
  size: number;
}

export interface SourceRow {
  /** 1-based record number in the file, the header being row 1 when there is one. */
  row: number;
  cells: string[];
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** Spanish Excel writes CSV in Windows-1252; Latin-1 guesses are read as its superset. */
const WINDOWS_1252_LIKE = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252']);

async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

/** True when the bytes are valid UTF-8, allowing a character cut off at the end of the sample. */
function isUtf8(bytes: Buffer, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      decoder.decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try without the last bytes: a multi-byte character may straddle the sample's end
    }
  }
  return false;
}

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte. */
function utf16Without(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length - (head.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control bytes that never occur in text: a spreadsheet, an image or a zip was given instead of a CSV. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length * 0.01;
}

export function detectEncoding(head: Buffer, complete: boolean): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const wide = utf16Without(head);
  if (wide) return wide;
  if (looksBinary(head)) throw new CrmError('invalid_input', 'import.binary_file');
  if (isUtf8(head, complete)) return 'utf-8';
  const guess = chardet.detect(head);
  if (!guess || WINDOWS_1252_LIKE.has(guess) || !iconv.encodingExists(guess)) return 'windows-1252';
  if (guess === 'ISO-8859-2' && mostlySpanishLetters(head)) return 'windows-1252';
  return guess.toLowerCase();
}

/** Windows-1252 bytes of Spanish: á é í ó ú ü ñ and their capitals, ¿ ¡ º ª. */
const SPANISH_1252 = new Set([
  0xe1, 0xe9, 0xed, 0xf3, 0xfa, 0xfc, 0xf1, 0xc1, 0xc9, 0xcd, 0xd3, 0xda, 0xdc, 0xd1, 0xbf, 0xa1, 0xba, 0xaa,
]);

/**
 * chardet reads a short Spanish file as ISO-8859-2 now and then (the statistics of a few names:
 * about 1 in 70 for a two-row file). When nearly every non-ASCII byte is a Spanish letter in
 * Windows-1252 (where ñ, ¿ and ¡ would be ń, ż and Ą in ISO-8859-2), it is Spanish Excel's file.
 */
function mostlySpanishLetters(head: Buffer): boolean {
  let high = 0;
  let spanish = 0;
  for (const byte of head) {
    if (byte < 0x80) continue;
    high++;
    if (SPANISH_1252.has(byte)) spanish++;
  }
  return high > 0 && spanish / high >= 0.9;
}

function decodeHead(head: Buffer, encoding: string, complete: boolean): string {
  // Drop a trailing partial character so the sample never ends in a replacement character.
  let bytes = head;
  if (!complete && encoding.startsWith('utf-16')) bytes = head.subarray(0, head.length - (head.length % 2));
  let text = iconv.decode(bytes, encoding);
  if (!complete && encoding === 'utf-8') text = text.replace(/\uFFFD+$/, '');
  return text;
}

function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .slice(0, 30)
    .join('\n');
  const result = Papa.parse<string[]>(lines, { preview: 20, delimitersToGuess: DELIMITERS, skipEmptyLines: true });
  const found = result.meta.delimiter;
  return DELIMITERS.includes(found) ? found : ',';
}

const LOOKS_LIKE_DATA = [
  /@/, // an email
  /^[+(]?\d[\d\s().-]{5,}$/, // a phone or a number
  /^-?\d+([.,]\d+)?$/, // a number
  /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/, // a date
];

/** A header row is all text: no empty, repeated, numeric, email or date-looking cell. */
export function looksLikeHeader(cells: string[]): boolean {
  const trimmed = cells.map((c) => c.trim());
  if (trimmed.length === 0 || trimmed.some((c) => c === '')) return false;
  if (new Set(trimmed.map((c) => c.toLowerCase())).size !== trimmed.length) return false;
  return !trimmed.some((c) => LOOKS_LIKE_DATA.some((re) => re.test(c)));
}

/** Reads the head of a file to find its encoding, delimiter and header row. */
export async function sniff(path: string, overrides: Partial<SourceFormat> = {}): Promise<SniffResult> {
  const { head, size } = await readHead(path);
  if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new CrmError('invalid_input', 'import.empty_file');
  }
  const complete = head.length === size;
  const encoding = overrides.encoding ?? detectEncoding(head, complete);
  if (!iconv.encodingExists(encoding)) throw new CrmError('invalid_input', 'import.unknown_encoding', { encoding });
  const text = decodeHead(head, encoding, complete);
  const delimiter = overrides.delimiter ?? guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: 21, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const first = rows[0] ?? [];
  const hasHeader = overrides.hasHeader ?? looksLikeHeader(first);
  const width = Math.max(first.length, ...rows.slice(0, 20).map((r) => r.length));
  const headers = hasHeader
    ? first.map((h, i) => h.trim() || `#${i + 1}`)
    : Array.from({ length: width }, (_, i) => `#${i + 1}`);
  return { encoding, delimiter, hasHeader, headers, sample: rows.slice(hasHeader ? 1 : 0, 21), size };
}

export interface ReadProgress {
  bytes: number;
  size: number;
}

/**
 * Streams the records of a file, a chunk at a time: memory stays flat whatever its size. Quote
 * errors are reported with their row; a cancelled signal stops reading at the next chunk.
 */
export async function readRows(
  path: string,
  format: SourceFormat,
  onChunk: (rows: SourceRow[], progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<{ rows: number; quoteErrors: { row: number; code: string }[] }> {
  const size = (await readHead(path)).size;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  file.on('data', (chunk) => (bytes += chunk.length));
  const decoded = file.pipe(iconv.decodeStream(format.encoding, { stripBOM: true }));
  let row = 0;
  let headerSkipped = !format.hasHeader;
  const quoteErrors: { row: number; code: string }[] = [];
  let failure: unknown = null;

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(decoded as unknown as File, {
      delimiter: format.delimiter,
      skipEmptyLines: 'greedy',
      chunkSize: 256 * 1024,
      chunk(results, parser) {
        try {
          if (signal?.aborted) {
            parser.abort();
            return;
          }
          const base = row;
          for (const error of results.errors) {
            if (error.type === 'Quotes') quoteErrors.push({ row: base + (error.row ?? 0) + 1, code: error.code });
          }
          const out: SourceRow[] = [];
          for (const cells of results.data) {
            row++;
            if (!headerSkipped) {
              headerSkipped = true;
              continue;
            }
            out.push({ row, cells });
          }
          onChunk(out, { bytes, size });
        } catch (error) {
          failure = error;
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  }).finally(() => file.destroy());
  if (failure) throw failure;
  return { rows: row - (format.hasHeader ? 1 : 0), quoteErrors };
}
