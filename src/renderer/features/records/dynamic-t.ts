import type { TFunction } from 'i18next';
import i18n from '../../i18n';

/** `t` for keys built at run time ("stage." + value); the typed `t` only takes literal keys. */
export type DynamicT = (key: string, options?: Record<string, unknown>) => string;

export const dynamicT = (t: TFunction): DynamicT => t as unknown as DynamicT;

/** The key's text when the catalogue has it, else `fallback` (a label a script stored, say). */
export function textOr(t: TFunction, key: string, fallback: string): string {
  return i18n.exists(key) ? dynamicT(t)(key) : fallback;
}
