export const COMPANY_TYPES = [
  'customer',
  'prospect',
  'partner',
  'supplier',
  'distributor',
  'reseller',
  'competitor',
  'other',
] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];

/** "https://www.Acme.com/about" → "acme.com": the form duplicates and imports compare on. */
export function normaliseDomain(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  const host = trimmed
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0]!
    .replace(/^www\./, '')
    .replace(/:\d+$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}
