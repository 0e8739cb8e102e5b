import type { ApiIssue, Contact, ContactCreateInput, ContactUpdateInput } from '../../../shared/contract';
import type { LifecycleStage } from '../../../shared/domain/contact';

export interface LabeledRow {
  value: string;
  label: string;
}

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  jobTitle: string;
  department: string;
  lifecycleStage: LifecycleStage | null;
  emails: LabeledRow[];
  phones: LabeledRow[];
}

/** Field errors keyed by the issue path joined with dots: "firstName", "emails.0.value". */
export type FieldErrors = Record<string, string>;

export const EMPTY_FORM: ContactFormValues = {
  firstName: '',
  lastName: '',
  jobTitle: '',
  department: '',
  lifecycleStage: null,
  emails: [{ value: '', label: 'work' }],
  phones: [{ value: '', label: 'mobile' }],
};

export function fromContact(c: Contact): ContactFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName ?? '',
    jobTitle: c.jobTitle ?? '',
    department: c.department ?? '',
    lifecycleStage: c.lifecycleStage,
    emails: c.emails.map((e) => ({ value: e.value, label: e.label ?? '' })),
    phones: c.phones.map((p) => ({ value: p.value, label: p.label ?? '' })),
  };
}

/**
 * Empty email/phone rows are not sent. `rowIndex` maps the index of what was sent back to the row
 * on screen, so an issue at ["emails", 0, "value"] lands under the right input.
 */
function keptRows(rows: LabeledRow[]) {
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.value.trim() !== '');
  return {
    values: kept.map(({ row }) => (row.label ? { value: row.value, label: row.label } : { value: row.value })),
    rowIndex: kept.map(({ index }) => index),
  };
}

export interface Prepared<T> {
  input: T;
  emailRows: number[];
  phoneRows: number[];
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function toCreateInput(v: ContactFormValues): Prepared<ContactCreateInput> {
  const emails = keptRows(v.emails);
  const phones = keptRows(v.phones);
  const input: ContactCreateInput = { firstName: v.firstName };
  if (v.lastName.trim()) input.lastName = v.lastName;
  if (v.jobTitle.trim()) input.jobTitle = v.jobTitle;
  if (v.department.trim()) input.department = v.department;
  if (v.lifecycleStage) input.lifecycleStage = v.lifecycleStage;
  if (emails.values.length) input.emails = emails.values;
  if (phones.values.length) input.phones = phones.values;
  return { input, emailRows: emails.rowIndex, phoneRows: phones.rowIndex };
}

/** An update sends every field of the form; cleared ones become null so they are cleared. */
export function toUpdateInput(id: string, v: ContactFormValues): Prepared<ContactUpdateInput> {
  const emails = keptRows(v.emails);
  const phones = keptRows(v.phones);
  return {
    input: {
      id,
      firstName: v.firstName,
      lastName: orNull(v.lastName),
      jobTitle: orNull(v.jobTitle),
      department: orNull(v.department),
      lifecycleStage: v.lifecycleStage,
      emails: emails.values,
      phones: phones.values,
    },
    emailRows: emails.rowIndex,
    phoneRows: phones.rowIndex,
  };
}

/**
 * Places each issue under its field. Issues for something the form does not show come back in
 * `general`, to be listed at the top, so no error is ever swallowed.
 */
export function issuesToErrors(
  issues: ApiIssue[],
  prepared: Pick<Prepared<unknown>, 'emailRows' | 'phoneRows'>,
  translate: (issue: ApiIssue) => string,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    if ((path[0] === 'emails' || path[0] === 'phones') && typeof path[1] === 'number') {
      const rows = path[0] === 'emails' ? prepared.emailRows : prepared.phoneRows;
      path[1] = rows[path[1]] ?? path[1];
    }
    const key = path.join('.');
    const message = translate(issue);
    if (isShownField(key)) fields[key] ??= message;
    else general.push(message);
  }
  return { fields, general };
}

const SIMPLE_FIELDS = new Set([
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'lifecycleStage',
  'emails',
  'phones',
]);

function isShownField(key: string): boolean {
  return SIMPLE_FIELDS.has(key) || /^(emails|phones)\.\d+\.(value|label)$/.test(key);
}
