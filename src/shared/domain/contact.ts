import { foldText } from './text';

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'qualified_lead',
  'opportunity',
  'customer',
  'loyal_customer',
  'advocate',
  'churned',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LabeledValue {
  value: string;
  label?: string | undefined;
}

export interface ContactNameParts {
  prefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName?: string | null;
  suffix?: string | null;
}

export function contactDisplayName(c: ContactNameParts): string {
  return [c.prefix, c.firstName, c.middleName, c.lastName, c.suffix]
    .filter((p): p is string => !!p && p.trim() !== '')
    .join(' ');
}

/** The key the list sorts on by name: last name first, folded so accents do not reorder. */
export function contactSortName(c: ContactNameParts): string {
  return foldText([c.lastName ?? '', c.firstName, c.middleName ?? ''].filter(Boolean).join(' '));
}
