/** The CSS variable holding a column's width; field names ("custom.cf_1") are made safe for CSS. */
export function cssVar(field: string): string {
  return `--col-${field.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}
