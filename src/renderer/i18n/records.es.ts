import type { recordsEn } from './records.en';

/** UI strings for record pages, timeline, custom fields, settings, duplicates, command palette, trash (Spanish); typed against English so a missing key fails the typecheck. */
export const recordsEs: Record<keyof typeof recordsEn, string> = {};
