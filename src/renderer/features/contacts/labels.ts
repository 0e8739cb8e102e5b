import type { TFunction } from 'i18next';

/** Suggested labels; any other text a script stored is shown as it is. */
export const EMAIL_LABELS = ['work', 'personal', 'other'] as const;
export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;
const KNOWN = new Set<string>([...EMAIL_LABELS, ...PHONE_LABELS]);

export function labelText(t: TFunction, label: string | undefined): string | null {
  if (!label) return null;
  return KNOWN.has(label) ? t(`label.${label as (typeof PHONE_LABELS)[number] | 'personal'}`) : label;
}
