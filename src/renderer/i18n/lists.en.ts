/** UI strings for list tables, filter builder, saved views, bulk actions (English). Keys are flat and start with the feature name. */
export const listsEn = {} satisfies Record<string, string>;
