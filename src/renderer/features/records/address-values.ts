import type { Address } from '../../../shared/contract';
import { keptRows } from './use-record-form';

export interface AddressRow {
  label: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export const CONTACT_ADDRESS_LABELS = ['home', 'work', 'other'] as const;
export const COMPANY_ADDRESS_LABELS = ['billing', 'shipping', 'office', 'other'] as const;

export const SOCIAL_NETWORKS = ['linkedin', 'x', 'facebook', 'instagram'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialValues = Record<SocialNetwork, string>;

export function emptyAddress(label: string): AddressRow {
  return { label, street: '', city: '', region: '', postalCode: '', country: '' };
}

export function toAddressRows(addresses: Address[]): AddressRow[] {
  return addresses.map((a) => ({
    label: a.label ?? '',
    street: a.street ?? '',
    city: a.city ?? '',
    region: a.region ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country ?? '',
  }));
}

const filled = (a: AddressRow) => [a.street, a.city, a.region, a.postalCode, a.country].some((s) => s.trim() !== '');

/** Addresses with something in them, without empty parts; plus where each came from on screen. */
export function addressInput(rows: AddressRow[]) {
  const kept = keptRows(rows, filled);
  const values: Address[] = kept.rows.map((a) => {
    const out: Address = {};
    if (a.label) out.label = a.label;
    for (const key of ['street', 'city', 'region', 'postalCode', 'country'] as const) {
      if (a[key].trim()) out[key] = a[key].trim();
    }
    return out;
  });
  return { values, index: kept.index };
}

export function toSocialValues(social: Partial<Record<SocialNetwork, string | undefined>>): SocialValues {
  return {
    linkedin: social.linkedin ?? '',
    x: social.x ?? '',
    facebook: social.facebook ?? '',
    instagram: social.instagram ?? '',
  };
}

export function socialInput(values: SocialValues): Partial<Record<SocialNetwork, string>> {
  const out: Partial<Record<SocialNetwork, string>> = {};
  for (const network of SOCIAL_NETWORKS) if (values[network].trim()) out[network] = values[network].trim();
  return out;
}

/** One line for an address: "Calle Mayor 1, 28013 Madrid, Madrid". */
export function addressLines(a: Address, regionName: (code: string) => string): string[] {
  const cityLine = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.street, [cityLine, a.region].filter(Boolean).join(', '), a.country ? regionName(a.country) : '']
    .map((s) => s?.trim() ?? '')
    .filter(Boolean);
}
