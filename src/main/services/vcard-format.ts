import iconv from 'iconv-lite';

/**
 * vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) read into plain properties and written back.
 * Kept small and strict about what address books really emit: folded lines, quoted-printable
 * with soft breaks and charsets, grouped properties ("item1.EMAIL"), bare 2.1 type parameters,
 * base64 and data: URI photos.
 */
export interface VProperty {
  group: string | null;
  name: string;
  params: Record<string, string[]>;
  /** Lower-cased TYPE values, from `TYPE=work,voice` or 2.1's bare `;WORK;VOICE`. */
  types: string[];
  /** The value with escapes undone (text), or the raw value (binary, URIs). */
  value: string;
  /** The decoded bytes of a base64 or quoted-printable value. */
  bytes: Buffer | null;
}

export interface VCard {
  version: string;
  props: VProperty[];
  /** 1-based line of BEGIN:VCARD and position of the card in the file, for error reports. */
  line: number;
  card: number;
}

export interface VCardProblem {
  card: number;
  line: number;
  reason: string;
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** Undoes `\n`, `\,`, `\;` and `\\` of 3.0/4.0 text values. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ADR, ORG) on unescaped `;`, then unescapes each part. */
export function splitStructured(value: string, sep = ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

function parseParams(raw: string[]): { params: Record<string, string[]>; types: string[] } {
  const params: Record<string, string[]> = {};
  const types: string[] = [];
  for (const p of raw) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      // vCard 2.1: a bare parameter is a type ("TEL;WORK;VOICE") or an encoding ("PHOTO;BASE64").
      const bare = p.trim().toUpperCase();
      if (['BASE64', 'B', 'QUOTED-PRINTABLE', '8BIT', '7BIT'].includes(bare)) (params.ENCODING ??= []).push(bare);
      else if (bare) types.push(bare.toLowerCase());
      continue;
    }
    const key = p.slice(0, eq).trim().toUpperCase();
    const values = p
      .slice(eq + 1)
      .replace(/^"|"$/g, '')
      .split(',')
      .map((v) => v.trim());
    (params[key] ??= []).push(...values);
    if (key === 'TYPE') types.push(...values.map((v) => v.toLowerCase()));
  }
  return { params, types };
}

/** Splits a content line at the first ':' that is not inside a quoted parameter value. */
function splitLine(line: string): [string, string] | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return [line.slice(0, i), line.slice(i + 1)];
  }
  return null;
}

function parseProperty(line: string, version: string): VProperty | null {
  const split = splitLine(line);
  if (!split) return null;
  const [head, rawValue] = split;
  const [nameWithGroup, ...rawParams] = head.split(';');
  const dot = nameWithGroup!.lastIndexOf('.');
  const group = dot > 0 ? nameWithGroup!.slice(0, dot) : null;
  const name = nameWithGroup!.slice(dot + 1).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const { params, types } = parseParams(rawParams);
  const encoding = (params.ENCODING?.[0] ?? '').toUpperCase();
  const charset = params.CHARSET?.[0] ?? 'utf-8';
  let value = rawValue;
  let bytes: Buffer | null = null;
  if (encoding === 'QUOTED-PRINTABLE') {
    bytes = decodeQuotedPrintable(rawValue);
    value = iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
  } else if (encoding === 'B' || encoding === 'BASE64') {
    bytes = Buffer.from(rawValue.replace(/\s+/g, ''), 'base64');
  }
  if (!bytes && version !== '2.1' && !['N', 'ADR', 'ORG', 'GENDER', 'CATEGORIES'].includes(name))
    value = unescapeText(value);
  return { group, name, params, types, value, bytes };
}

/**
 * Reads every card of a file. A card that cannot be read (no END, no name, garbage lines) is
 * reported and the others are still returned.
 */
export function parseVCards(text: string): { cards: VCard[]; problems: VCardProblem[] } {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // Unfold: a line starting with a space or tab continues the previous one (3.0/4.0, and 2.1 in practice).
  const lines: { text: string; line: number }[] = [];
  physical.forEach((l, i) => {
    const last = lines[lines.length - 1];
    if (/^[ \t]/.test(l) && last) {
      last.text += l.slice(1);
      return;
    }
    // Quoted-printable soft line breaks: a value ending in "=" continues on the next line.
    if (
      last &&
      /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(last.text.split(':')[0] ?? '') &&
      last.text.endsWith('=')
    ) {
      last.text = last.text.slice(0, -1) + l;
      return;
    }
    lines.push({ text: l, line: i + 1 });
  });

  const cards: VCard[] = [];
  const problems: VCardProblem[] = [];
  let current: (VCard & { bad: string | null }) | null = null;
  let count = 0;
  for (const { text: l, line } of lines) {
    if (!l.trim()) continue;
    const upper = l.toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current) problems.push({ card: count, line: current.line, reason: 'END:VCARD missing' });
      count++;
      current = { version: '3.0', props: [], line, card: count, bad: null };
      continue;
    }
    if (!current) continue;
    if (upper === 'END:VCARD') {
      const names = current.props.some(
        (p) => p.name === 'FN' || p.name === 'N' || p.name === 'ORG' || p.name === 'EMAIL',
      );
      if (current.bad) problems.push({ card: count, line: current.line, reason: current.bad });
      else if (!names) problems.push({ card: count, line: current.line, reason: 'no FN, N, ORG or EMAIL' });
      else cards.push({ version: current.version, props: current.props, line: current.line, card: current.card });
      current = null;
      continue;
    }
    const prop = parseProperty(l, current.version);
    if (!prop) {
      current.bad ??= `unreadable line ${line}`;
      continue;
    }
    if (prop.name === 'VERSION') current.version = prop.value.trim();
    current.props.push(prop);
  }
  if (current) problems.push({ card: count, line: current.line, reason: 'END:VCARD missing' });
  return { cards, problems };
}

/** Escapes a 3.0/4.0 text value. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 6350 §3.2). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
