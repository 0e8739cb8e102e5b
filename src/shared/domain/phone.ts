import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number to E.164. Numbers written without a country code are read in the
 * workspace's default country. Returns null when it is not a plausible number.
 */
export function normalisePhone(input: string, defaultCountry: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** Digits a person may type to find a phone: the E.164 digits and the national number. */
export function phoneSearchTerms(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const digits = e164.replace(/\D/g, '');
  return parsed ? [digits, String(parsed.nationalNumber)] : [digits];
}
