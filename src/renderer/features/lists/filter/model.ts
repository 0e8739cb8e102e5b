import type { ApiIssue, FieldInfo, FilterCondition, FilterGroup, FilterOperator } from '../../../../shared/contract';
import { OPERATORS_BY_KIND } from '../../../../shared/contract';

/** The builder edits a copy of the filter whose nodes carry keys, so rows keep their identity. */
export interface DraftCondition {
  key: string;
  field: string;
  operator: FilterOperator;
  value?: unknown;
}
export interface DraftGroup {
  key: string;
  op: 'and' | 'or';
  conditions: DraftNode[];
}
export type DraftNode = DraftCondition | DraftGroup;

export const isGroup = (node: DraftNode): node is DraftGroup => 'conditions' in node;
export const isFilterGroup = (node: FilterCondition | FilterGroup): node is FilterGroup => 'conditions' in node;

let sequence = 0;
const newKey = () => `n${++sequence}`;

/** Operators that need no value. */
const VALUELESS = new Set<FilterOperator>(['is_empty', 'is_not_empty', 'is_true', 'is_false']);
const RELATIVE = new Set<FilterOperator>(['in_last_days', 'in_next_days', 'older_than_days']);

export const needsValue = (op: FilterOperator) => !VALUELESS.has(op);
export const isRelative = (op: FilterOperator) => RELATIVE.has(op);

export function toDraft(group: FilterGroup): DraftGroup {
  return {
    key: newKey(),
    op: group.op,
    conditions: group.conditions.map((c): DraftNode => (isFilterGroup(c) ? toDraft(c) : { ...c, key: newKey() })),
  };
}

/** The filter as the back end takes it; empty nested groups drop out. */
export function fromDraft(group: DraftGroup): FilterGroup {
  const conditions: (FilterCondition | FilterGroup)[] = [];
  for (const node of group.conditions) {
    if (isGroup(node)) {
      const inner = fromDraft(node);
      if (inner.conditions.length) conditions.push(inner);
    } else {
      conditions.push(
        needsValue(node.operator)
          ? { field: node.field, operator: node.operator, value: node.value }
          : { field: node.field, operator: node.operator },
      );
    }
  }
  return { op: group.op, conditions };
}

/** The value a new condition starts with for this kind of field and operator. */
export function defaultValue(kind: FieldInfo['kind'], op: FilterOperator): unknown {
  if (!needsValue(op)) return undefined;
  if (isRelative(op)) return 30;
  if (op === 'between') return kind === 'date' ? ['', ''] : [null, null];
  if (op === 'in' || op === 'not_in') return [];
  if (kind === 'number') return null;
  if (kind === 'tags') return null;
  return '';
}

export function newCondition(info: FieldInfo): DraftCondition {
  const operator = OPERATORS_BY_KIND[info.kind][0]!;
  return { key: newKey(), field: info.field, operator, value: defaultValue(info.kind, operator) };
}

export function newGroup(info: FieldInfo, op: 'and' | 'or'): DraftGroup {
  return { key: newKey(), op, conditions: [newCondition(info)] };
}

function complete(value: unknown, op: FilterOperator): boolean {
  if (!needsValue(op)) return true;
  if (Array.isArray(value)) {
    if (op === 'between') return value.length === 2 && value.every((v) => v !== null && v !== '' && v !== undefined);
    return value.length > 0;
  }
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

/** Keys of the conditions that still lack a value. */
export function incompleteKeys(group: DraftGroup): string[] {
  const out: string[] = [];
  for (const node of group.conditions) {
    if (isGroup(node)) out.push(...incompleteKeys(node));
    else if (!complete(node.value, node.operator)) out.push(node.key);
  }
  return out;
}

/** Drops the nested groups the user emptied, so the back end's paths match the rows on screen. */
export function pruneDraft(group: DraftGroup): DraftGroup {
  return {
    ...group,
    conditions: group.conditions
      .map((n) => (isGroup(n) ? pruneDraft(n) : n))
      .filter((n) => !isGroup(n) || n.conditions.length > 0),
  };
}

/**
 * Finds the row an issue of the back end is about: its path runs
 * ['filter', 'conditions', i, ('conditions', j,) ('field' | 'operator' | 'value')].
 */
export function issueTarget(group: DraftGroup, issue: ApiIssue): string | null {
  const path = issue.path[0] === 'filter' ? issue.path.slice(1) : issue.path;
  let node: DraftNode = group;
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== 'conditions' || !isGroup(node)) break;
    const next: DraftNode | undefined = node.conditions[Number(path[i + 1])];
    if (!next) break;
    node = next;
    i++;
  }
  return node === group ? null : node.key;
}

export function updateNode(group: DraftGroup, key: string, change: (node: DraftNode) => DraftNode | null): DraftGroup {
  const conditions: DraftNode[] = [];
  for (const node of group.conditions) {
    if (node.key === key) {
      const next = change(node);
      if (next) conditions.push(next);
    } else conditions.push(isGroup(node) ? updateNode(node, key, change) : node);
  }
  return { ...group, conditions };
}

/** How many conditions a filter holds, nested ones included (for the button's badge). */
export function countConditions(group: FilterGroup): number {
  return group.conditions.reduce((n, c) => n + (isFilterGroup(c) ? countConditions(c) : 1), 0);
}
