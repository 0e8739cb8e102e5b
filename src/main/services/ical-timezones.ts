import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/**
 * VTIMEZONE components for the zones an export names in TZID parameters. RFC 5545 (3.2.19) wants
 * one in the file for every TZID used: a reader without the IANA database (or one that does not
 * trust names) takes the offsets and daylight-saving rules from it. The definitions come from
 * timezones-ical-library, which builds them from the IANA database and is kept up to date, rather
 * than from rules written here. Parsed once per zone (as jCal; each export gets its own copy).
 */
const definitions = new Map<string, unknown[] | null>();

function definition(zone: string): unknown[] | null {
  if (definitions.has(zone)) return definitions.get(zone)!;
  let jcal: unknown[] | null = null;
  try {
    const block = tzlib_get_ical_block(zone);
    const text = Array.isArray(block) ? block[0] : '';
    if (text) {
      const comp = new ICAL.Component(ICAL.parse(text) as unknown[]);
      // The library answers a link (US/Eastern) with its canonical zone's definition: the TZID must
      // be the name the events use.
      comp.updatePropertyWithValue('tzid', zone);
      jcal = comp.toJSON() as unknown[];
    }
  } catch {
    jcal = null;
  }
  definitions.set(zone, jcal);
  return jcal;
}

/** The VTIMEZONE whose TZID is `zone`, or null when the library has no definition for it. */
export function vtimezoneFor(zone: string): ICAL.Component | null {
  const jcal = definition(zone);
  return jcal ? new ICAL.Component(structuredClone(jcal)) : null;
}

/** Whether an export can describe the zone with a VTIMEZONE. */
export const hasVtimezone = (zone: string): boolean => definition(zone) != null;
