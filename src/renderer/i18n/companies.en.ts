/** UI strings for companies screens (English). Keys are flat and start with the feature name. */
export const companiesEn = {} satisfies Record<string, string>;
