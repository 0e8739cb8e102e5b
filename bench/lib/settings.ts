/**
 * What the bench measures on: the sizes of the book (BENCH_CONTACTS scales all of them for a quick
 * try; the budgets are for 100k contacts) and the fixed queries.
 */
export const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
/** Issue 3's book: 100k contacts, 20k companies, 500k activities (and some deals). */
export const COMPANIES = Math.round(CONTACTS / 5);
export const DEALS = Math.round(CONTACTS / 50);
export const ACTIVITIES = CONTACTS * 5;
/** The activities seedWorkspace writes itself (as in the foundation's seed figure); the rest come after, see activities.ts. */
export const SEED_ACTIVITIES = Math.round(CONTACTS / 20);
/** BENCH_BROWSER=0 leaves out the Chromium figure (a quick try without a browser). */
export const BROWSER = process.env.BENCH_BROWSER !== '0';

/** What a person types in the global search box of a Spanish book: accents or not, prefixes, an email, phone digits. */
export const SEARCH_QUERIES = [
  'José',
  'jose',
  'María García',
  'maria garc',
  'Martínez',
  'martinez',
  'Muñoz',
  'Fernández López',
  'ju',
  'mar',
  'alej',
  'Construcciones',
  'clinica dental',
  'gmail',
  'lopez@gmail',
  'ana.martin',
  '612',
  '+34 91',
  '612 3',
];
