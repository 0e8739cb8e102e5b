import type { companiesEn } from './companies.en';

/** UI strings for companies screens (Spanish); typed against English so a missing key fails the typecheck. */
export const companiesEs: Record<keyof typeof companiesEn, string> = {};
