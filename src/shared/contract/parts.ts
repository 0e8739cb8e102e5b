import { z } from 'zod';

const label = z.string().trim().max(40, { error: 'validation.too_long' }).optional();

export const emailInput = z.strictObject({
  value: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'validation.email_invalid' })),
  label,
});

/** Phones are checked and normalised to E.164 by the service, which knows the default country. */
export const phoneInput = z.strictObject({
  value: z.string().trim().min(1, { error: 'validation.required' }).max(40, { error: 'validation.too_long' }),
  label,
});

const line = z.string().trim().max(200, { error: 'validation.too_long' }).optional();
export const addressSchema = z.strictObject({
  label,
  street: line,
  city: line,
  region: line,
  postalCode: z.string().trim().max(20, { error: 'validation.too_long' }).optional(),
  /** ISO 3166 alpha-2 */
  country: z.string().trim().toUpperCase().length(2, { error: 'validation.invalid_value' }).optional(),
});
export type Address = z.infer<typeof addressSchema>;

const profileUrl = z.url({ error: 'validation.url_invalid', protocol: /^https?$/ }).optional();
export const socialSchema = z.strictObject({
  linkedin: profileUrl,
  x: profileUrl,
  facebook: profileUrl,
  instagram: profileUrl,
});

export const labeledValue = z.object({ value: z.string(), label: z.string().optional() });
