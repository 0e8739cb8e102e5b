/** UI strings for record pages, timeline, custom fields, settings, duplicates, command palette, trash (English). Keys are flat and start with the feature name. */
export const recordsEn = {} satisfies Record<string, string>;
