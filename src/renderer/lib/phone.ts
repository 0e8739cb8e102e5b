import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const cache = new Map<string, string>();

/** E.164 as people read it ("+34612100107" → "+34 612 10 01 07"); anything unparsable unchanged. */
export function formatPhone(e164: string): string {
  let out = cache.get(e164);
  if (out === undefined) {
    out = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
    if (cache.size > 5000) cache.clear();
    cache.set(e164, out);
  }
  return out;
}
