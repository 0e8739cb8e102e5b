import { z } from 'zod';
import { defineMethod } from './define';

export const workspaceSettingsSchema = z.object({
  /** ISO 3166 country in which phone numbers without a country code are read. */
  defaultCountry: z.string(),
  /** ISO 4217 currency of totals and reports. */
  baseCurrency: z.string(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const settingsMethods = {
  'settings.get': defineMethod({
    summary: 'Workspace settings (synced to every device): default phone country, base currency.',
    input: z.strictObject({}),
    output: workspaceSettingsSchema,
  }),
  'settings.update': defineMethod({
    summary: 'Change workspace settings; only the given ones change.',
    input: z.strictObject({
      defaultCountry: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: 'validation.invalid_value' })
        .optional(),
      baseCurrency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, { error: 'validation.invalid_value' })
        .optional(),
    }),
    output: workspaceSettingsSchema,
  }),
};
