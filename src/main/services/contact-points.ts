import { normalisePhone } from '../../shared/domain/phone';
import { invalid, type IssueSpec } from '../errors';
import type { CrmDb } from '../db/open';
import { getSetting } from './settings';

type Labeled = { value: string; label?: string | undefined };

/** Phones to E.164 in the workspace's default country; every bad one is reported at its path. */
export function normalisePhones(db: CrmDb, phones: Labeled[] | undefined) {
  if (!phones) return undefined;
  const country = getSetting(db, 'defaultCountry');
  const issues: IssueSpec[] = [];
  const out = phones.map((p, i) => {
    const e164 = normalisePhone(p.value, country);
    if (!e164) issues.push({ path: ['phones', i, 'value'], key: 'validation.phone_invalid', params: { country } });
    return p.label ? { value: e164 ?? p.value, label: p.label } : { value: e164 ?? p.value };
  });
  if (issues.length) throw invalid(issues);
  return out;
}

/** Drops empty labels so stored JSON stays minimal and compares equal across devices. */
export function stripLabels(list: Labeled[] | undefined) {
  return list?.map((e) => (e.label ? { value: e.value, label: e.label } : { value: e.value }));
}
