import { useMemo } from 'react';
import { useFormat } from '../../../lib/format';

/** ISO 3166-1 alpha-2 codes; names come from Intl in the UI language. */
const COUNTRY_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  );

/** Languages a contact may prefer (ISO 639-1), the common ones first. */
const LANGUAGE_CODES = 'es en fr de it pt ca eu gl nl pl ro sv da nb fi cs sk hu el tr ru uk ar he hi zh ja ko'.split(
  ' ',
);

function displayNames(locale: string, type: 'region' | 'language', codes: string[]) {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type });
  } catch {
    names = null;
  }
  return codes
    .map((code) => ({ value: code, label: names?.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export function useCountries() {
  const { locale } = useFormat();
  return useMemo(() => displayNames(locale, 'region', COUNTRY_CODES), [locale]);
}

export function useLanguages() {
  const { locale } = useFormat();
  return useMemo(() => {
    const all = displayNames(locale, 'language', LANGUAGE_CODES);
    return all.map((l) => ({ ...l, label: l.label.charAt(0).toLocaleUpperCase(locale) + l.label.slice(1) }));
  }, [locale]);
}

/** "ES" → "España" / "Spain"; unknown codes unchanged. */
export function useRegionName() {
  const { locale } = useFormat();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

export function useLanguageName() {
  const { locale } = useFormat();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        const name = names?.of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
      } catch {
        return code;
      }
    };
  }, [locale]);
}
