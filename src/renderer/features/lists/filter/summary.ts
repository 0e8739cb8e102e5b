import type { FilterCondition, FilterGroup } from '../../../../shared/contract';
import { enumLabel, fieldLabel } from '../labels';
import type { FilterEnv } from './context';
import { isFilterGroup } from './model';

const MAX_LISTED = 3;

function dynamicT(env: FilterEnv, key: string, values: Record<string, unknown>): string {
  return (env.t as unknown as (key: string, values: Record<string, unknown>) => string)(key, values);
}

function listText(env: FilterEnv, labels: string[]): string {
  if (labels.length <= MAX_LISTED) return labels.join(', ');
  return `${labels.slice(0, MAX_LISTED).join(', ')} ${env.t('lists.and_more', { count: labels.length - MAX_LISTED })}`;
}

function valueText(env: FilterEnv, c: FilterCondition): string {
  const info = env.fields.get(c.field);
  const v = c.value;
  const one = (x: unknown): string => {
    if (x === null || x === undefined) return '';
    if (info?.kind === 'number' && typeof x === 'number') return env.format.number(x);
    if (info?.kind === 'date' && typeof x === 'string') return env.format.day(x);
    return String(x);
  };
  switch (c.operator) {
    case 'between':
      return Array.isArray(v) ? `${one(v[0])} – ${one(v[1])}` : '';
    case 'in':
    case 'not_in': {
      const ids = Array.isArray(v) ? v.map(String) : [];
      if (info?.kind === 'member') {
        return listText(
          env,
          ids.map((id) => (id === 'me' ? env.t('lists.me') : (env.members.find((m) => m.id === id)?.name ?? '?'))),
        );
      }
      return listText(
        env,
        ids.map((id) => enumLabel(env.t, c.field, id, env.customDefs)),
      );
    }
    case 'has_tag':
    case 'not_has_tag':
      return env.tags.find((tag) => tag.id === v)?.name ?? '?';
    default:
      return one(v);
  }
}

/** One condition as a sentence: "Lifecycle stage is any of Lead, Customer". */
export function conditionText(env: FilterEnv, c: FilterCondition): string {
  const info = env.fields.get(c.field);
  const field = info ? fieldLabel(env.t, info) : c.field;
  return dynamicT(env, `lists.sum_${c.operator}`, {
    field,
    value: valueText(env, c),
    count: typeof c.value === 'number' ? c.value : 0,
  });
}

/** A chip's text: a condition, or a nested group in brackets joined by its and/or. */
export function nodeText(env: FilterEnv, node: FilterCondition | FilterGroup): string {
  if (!isFilterGroup(node)) return conditionText(env, node);
  const joiner = ` ${env.t(node.op === 'or' ? 'lists.or' : 'lists.and')} `;
  return `(${node.conditions.map((c) => nodeText(env, c)).join(joiner)})`;
}
