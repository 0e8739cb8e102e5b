/** Fields a person chooses between when merging, in the order the wizard shows them. */
export const CONTACT_MERGE_FIELDS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'jobTitle',
  'department',
  'lifecycleStage',
  'ownerId',
  'leadSource',
  'preferredLanguage',
  'birthday',
  'emailOptOut',
  'phoneOptOut',
  'social',
  'emails',
  'phones',
  'addresses',
] as const;

export const COMPANY_MERGE_FIELDS = [
  'name',
  'domain',
  'industry',
  'type',
  'employees',
  'annualRevenue',
  'lifecycleStage',
  'ownerId',
  'parentId',
  'description',
  'social',
  'emails',
  'phones',
  'addresses',
] as const;

/** Lists are combined by default (every email of every record), unless one record's list is picked. */
export const LIST_FIELDS = new Set(['emails', 'phones', 'addresses']);

export const COMBINE = 'combine';

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

export type MergeRecord = { id: string } & Record<string, unknown>;

/** Fields whose values differ between the records (the only ones worth a choice). */
export function differingFields(fields: readonly string[], records: MergeRecord[]): string[] {
  return fields.filter((field) => {
    const values = new Set(records.map((r) => JSON.stringify(r[field] ?? null)));
    return values.size > 1;
  });
}

/**
 * The default choice per field, as the back end would decide: the survivor's own value unless it
 * is empty, else the first record that has one; lists are combined.
 */
export function defaultChoices(fields: string[], records: MergeRecord[], survivorId: string): Record<string, string> {
  const survivor = records.find((r) => r.id === survivorId);
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (LIST_FIELDS.has(field)) out[field] = COMBINE;
    else if (survivor && !isEmpty(survivor[field])) out[field] = survivorId;
    else out[field] = records.find((r) => !isEmpty(r[field]))?.id ?? survivorId;
  }
  return out;
}
