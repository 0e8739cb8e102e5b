import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

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

let callingCodes: Set<string> | undefined;

/**
 * Digits a person may type to find a phone: the E.164 digits and the national number. This runs
 * for every record written, so the country code is split off with a lookup table rather than a
 * full parse (calling codes are prefix-free: at most one of the first 1–3 digits is one).
 */
export function phoneSearchTerms(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  for (let n = 1; n <= 3; n++) {
    if (callingCodes.has(digits.slice(0, n))) return [digits, digits.slice(n)];
  }
  return [digits];
}
