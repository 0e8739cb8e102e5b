export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function pickLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase();
  return v.startsWith('es') ? 'es' : 'en';
}
