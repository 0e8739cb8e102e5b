import type { listsEn } from './lists.en';

/** UI strings for list tables, filter builder, saved views, bulk actions (Spanish); typed against English so a missing key fails the typecheck. */
export const listsEs: Record<keyof typeof listsEn, string> = {};
