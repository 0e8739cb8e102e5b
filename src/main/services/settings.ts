import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

/** Workspace settings with their defaults. Stored one row per key in the synced `settings` table. */
export const SETTING_DEFAULTS = {
  /** ISO 3166 country used to read phone numbers written without a country code. */
  defaultCountry: 'US',
  baseCurrency: 'USD',
  // Billing: branding printed on quotes and invoices, and their numbering (see services/numbering.ts).
  companyName: '',
  companyAddress: '',
  companyTaxId: '',
  /** A PNG or JPEG data: URL. */
  companyLogo: '',
  quotePrefix: 'Q-',
  invoicePrefix: 'INV-',
  quoteValidityDays: 30,
  invoiceDueDays: 30,
  defaultTerms: '',
} satisfies Record<string, unknown>;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

export function getSetting<K extends SettingKey>(db: CrmDb, key: K): (typeof SETTING_DEFAULTS)[K] {
  const row = db.orm.select({ value: settings.value }).from(settings).where(eq(settings.id, key)).get();
  return (row?.value ?? SETTING_DEFAULTS[key]) as (typeof SETTING_DEFAULTS)[K];
}

export function setSetting<K extends SettingKey>(
  db: CrmDb,
  key: K,
  value: (typeof SETTING_DEFAULTS)[K],
  options: WriteOptions = {},
): void {
  const exists = db.orm.select({ id: settings.id }).from(settings).where(eq(settings.id, key)).get();
  mutate(db, { table: 'settings', op: exists ? 'update' : 'insert', id: key, values: { value } }, options);
}
