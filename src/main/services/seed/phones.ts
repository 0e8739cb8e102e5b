import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Rng } from './random';

/** How numbers are made in one country: E.164 calling code, number length and leading digits per kind. */
interface CountryPlan {
  callingCode: string;
  nationalLength: number;
  mobile: string[];
  landline: string[];
}

// Spain: mobiles start with 6 or 7[1-4], geographic numbers with 8[1-8] / 9[1-8] (9 digits in all).
const SPAIN: CountryPlan = {
  callingCode: '34',
  nationalLength: 9,
  mobile: [...range(600, 699).map(String), '71', '72', '73', '74'],
  landline: ['91', '93', '94', '95', '96', '98', '81', '83', '85', '86', '88'],
};

// USA: real area codes of large metros (NANP has no separate mobile ranges).
const US_AREAS = [
  '201',
  '202',
  '203',
  '205',
  '206',
  '210',
  '212',
  '213',
  '214',
  '215',
  '216',
  '217',
  '224',
  '248',
  '253',
  '267',
  '281',
  '301',
  '303',
  '305',
  '310',
  '312',
  '313',
  '314',
  '317',
  '323',
  '404',
  '407',
  '408',
  '410',
  '412',
  '414',
  '415',
  '425',
  '469',
  '480',
  '502',
  '503',
  '504',
  '512',
  '513',
  '602',
  '612',
  '614',
  '615',
  '617',
  '619',
  '646',
  '650',
  '702',
  '703',
  '704',
  '713',
  '714',
  '718',
  '720',
  '773',
  '801',
  '813',
  '816',
  '818',
  '832',
  '858',
  '904',
  '916',
  '917',
  '919',
  '925',
  '949',
  '954',
  '971',
  '972',
];
const USA: CountryPlan = { callingCode: '1', nationalLength: 10, mobile: US_AREAS, landline: US_AREAS };

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export type PhoneKind = 'mobile' | 'landline';

/**
 * Makes phone numbers that are valid (not merely possible) in the country, as E.164. The leading
 * digits are drawn from prefixes checked once with libphonenumber; the rest are random digits,
 * which keeps the hot loop free of the (slow) metadata parser.
 */
export class PhoneMaker {
  private readonly plan: CountryPlan;
  private readonly pools: Record<PhoneKind, string[]>;

  constructor(
    private readonly rng: Rng,
    private readonly country: 'ES' | 'US',
  ) {
    this.plan = country === 'ES' ? SPAIN : USA;
    const mobile = this.validPrefixes(this.plan.mobile);
    const landline = this.plan.landline === this.plan.mobile ? mobile : this.validPrefixes(this.plan.landline);
    this.pools = { mobile, landline };
  }

  /**
   * Prefixes (ES: 4 digits, US: area code + exchange) that make valid numbers whatever digits
   * follow. Short ranges are taken whole; the US's 800 exchanges per area code are sampled.
   */
  private validPrefixes(starts: string[]): string[] {
    const out: string[] = [];
    const prefixLength = this.country === 'US' ? 6 : 4;
    for (const start of starts) {
      const free = prefixLength - start.length;
      const candidates =
        free <= 2
          ? Array.from({ length: 10 ** free }, (_, i) => start + String(i).padStart(free, '0'))
          : Array.from({ length: 12 }, () => start + String(this.rng.int(2, 9)) + this.rng.digits(free - 1));
      for (const prefix of candidates) {
        if (this.country === 'US' && prefix.endsWith('11')) continue; // N11 codes are service numbers
        if (this.isValid(prefix + this.rng.digits(this.plan.nationalLength - prefix.length))) out.push(prefix);
      }
    }
    if (out.length === 0) throw new Error(`no valid phone prefixes for ${this.country}`);
    return out;
  }

  private isValid(national: string): boolean {
    return parsePhoneNumberFromString(`+${this.plan.callingCode}${national}`)?.isValid() ?? false;
  }

  make(kind: PhoneKind): string {
    const prefix = this.rng.pick(this.pools[kind]);
    return `+${this.plan.callingCode}${prefix}${this.rng.digits(this.plan.nationalLength - prefix.length)}`;
  }
}
