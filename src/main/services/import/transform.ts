import type { DateFormat } from '../../../shared/contract/import';
import { foldText } from '../../../shared/domain/text';

/** A cell that could not be read: the message key and its parameters. */
export class CellError {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {}
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 April, 29 February of a common year
  return `${y}-${pad(m)}-${pad(d)}`;
}

const fullYear = (y: number, digits: number) => (digits <= 2 ? (y < 50 ? 2000 + y : 1900 + y) : y);

/**
 * A date cell to ISO `YYYY-MM-DD` in the chosen order (M/D/YYYY, D/M/YYYY or ISO). An ISO date
 * is read as such whatever the order; a time after the date is ignored.
 */
export function parseDate(text: string, format: Exclude<DateFormat, 'auto'>): string {
  const value = text.trim().replace(/[T\s].*$/, '');
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (iso) {
    const out = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (out) return out;
  }
  const parts = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(value);
  if (parts && format !== 'iso') {
    const [a, b] = [Number(parts[1]), Number(parts[2])];
    const y = fullYear(Number(parts[3]), parts[3]!.length);
    const out = format === 'mdy' ? validDate(y, a, b) : validDate(y, b, a);
    if (out) return out;
  }
  throw new CellError('import.bad_date', { format: `import.date_format.${format}` });
}

/**
 * Which order a column's dates are written in, from its values: a first part above 12 means
 * D/M, a second part above 12 means M/D; undecided columns take the fallback.
 */
export function guessDateFormat(values: string[], fallback: Exclude<DateFormat, 'auto'>): Exclude<DateFormat, 'auto'> {
  let dmy = 0;
  let mdy = 0;
  let iso = 0;
  for (const v of values) {
    const t = v.trim();
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(t)) iso++;
    const m = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(t);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy++;
    if (Number(m[2]) > 12) mdy++;
  }
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  if (iso > 0 && dmy === 0 && mdy === 0) return 'iso';
  return fallback;
}

const CURRENCY = /[€$£¥₹]|\b(?:EUR|USD|GBP|MXN|ARS|COP|CLP|PEN|JPY|CHF)\b/gi;

/** A number with a point or comma decimal and any thousands separators, currency signs dropped. */
export function parseNumber(text: string, decimal: '.' | ','): number {
  let value = text.replace(CURRENCY, '').replace(/[\s\u00a0']/g, '');
  const negative = /^\(.*\)$/.test(value) || value.startsWith('-');
  value = value.replace(/^[(-]+|\)$/g, '');
  if (decimal === ',') value = value.replace(/\./g, '').replace(',', '.');
  else value = value.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(value) && !/^\.\d+$/.test(value)) throw new CellError('import.bad_number');
  const n = Number(value);
  return negative ? -n : n;
}

/** Whether a column's numbers use a comma decimal ("1.234,56", "12,5") rather than a point. */
export function guessDecimal(values: string[]): '.' | ',' {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    const t = v.replace(CURRENCY, '').trim();
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d{1,2}$/.test(t)) comma++;
    else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^-?\d+\.\d+$/.test(t)) point++;
  }
  return comma > point ? ',' : '.';
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'si', 's', 'verdadero', 'on']);
const FALSE = new Set(['no', 'n', 'false', '0', 'falso', 'off', '']);
export function parseBoolean(text: string): boolean {
  const v = foldText(text.trim());
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new CellError('import.bad_boolean');
}

/** "a; b, c" or Google's "a ::: b" to a list of trimmed values. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?::::|;|,|\|)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const PREFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sr',
  'sra',
  'srta',
  'd',
  'dna',
  'don',
  'dona',
  'lic',
  'ing',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/**
 * Splits a full name: "García, Ana" (last name first), a leading title ("Dr.", "Sra."), a
 * trailing suffix ("Jr."); otherwise the first word is the first name and the rest the last name.
 */
export function splitFullName(text: string): {
  prefix?: string;
  firstName?: string;
  lastName?: string;
  suffix?: string;
} {
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value) return {};
  const comma = /^([^,]+),\s*([^,]+)$/.exec(value);
  if (comma) {
    const rest = splitFullName(comma[2]!);
    return { ...rest, firstName: rest.firstName, lastName: [rest.lastName, comma[1]].filter(Boolean).join(' ') };
  }
  const words = value.split(' ');
  const out: { prefix?: string; firstName?: string; lastName?: string; suffix?: string } = {};
  if (words.length > 1 && PREFIXES.has(foldText(words[0]!).replace(/\./g, ''))) out.prefix = words.shift()!;
  if (words.length > 1 && SUFFIXES.has(foldText(words[words.length - 1]!).replace(/[.,]/g, '')))
    out.suffix = words.pop()!;
  out.firstName = words.shift()!;
  if (words.length) out.lastName = words.join(' ');
  return out;
}

/** "acme.com", "https://www.acme.com/about" and "info@acme.com" all give a web address to normalise. */
export function asUrl(text: string): string {
  const v = text.trim();
  return /^https?:\/\//i.test(v) ? v : `https://${v.replace(/^\/+/, '')}`;
}

let countryNames: Map<string, string> | null = null;

/** Country names in English and Spanish (and ISO codes) to ISO 3166 alpha-2, from Intl. */
function countries(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const names = ['en', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      for (const dn of names) {
        let name: string | undefined;
        try {
          name = dn.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code) countryNames.set(foldText(name).replace(/[^a-z]/g, ''), code);
      }
    }
  }
  for (const [alias, code] of [
    ['usa', 'US'],
    ['unitedstatesofamerica', 'US'],
    ['eeuu', 'US'],
    ['uk', 'GB'],
    ['england', 'GB'],
    ['inglaterra', 'GB'],
    ['holland', 'NL'],
    ['korea', 'KR'],
    ['southkorea', 'KR'],
    ['corea', 'KR'],
    ['russia', 'RU'],
    ['vietnam', 'VN'],
    ['czechrepublic', 'CZ'],
  ] as const)
    countryNames.set(alias, code);
  return countryNames;
}

function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** A country code from a code or a name, forgiving one typo in a long name ("Philipines"). */
export function parseCountry(text: string): string {
  const v = text.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const key = foldText(v).replace(/[^a-z]/g, '');
  const map = countries();
  const exact = map.get(key);
  if (exact) return exact;
  if (key.length >= 6) for (const [name, code] of map) if (withinEdits(key, name, 1)) return code;
  throw new CellError('import.bad_country');
}

/** Levenshtein distance within `max`, for fuzzy look-ups of names typed slightly differently. */
export function similarNames(a: string, b: string): boolean {
  const x = foldText(a).replace(/[^a-z0-9]/g, '');
  const y = foldText(b).replace(/[^a-z0-9]/g, '');
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 5 && withinEdits(x, y, 1));
}
