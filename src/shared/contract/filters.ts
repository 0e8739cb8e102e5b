import { z } from 'zod';

/** Operators of the list filter builder; which ones apply depends on the field's kind. */
export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'not_contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'not_in',
  'before',
  'after',
  'in_last_days',
  'in_next_days',
  'older_than_days',
  'is_true',
  'is_false',
  'has_tag',
  'not_has_tag',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const FIELD_KINDS = ['text', 'number', 'date', 'enum', 'boolean', 'member', 'tags'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Which operators the builder offers for each kind of field. */
export const OPERATORS_BY_KIND: Record<FieldKind, readonly FilterOperator[]> = {
  text: ['contains', 'not_contains', 'eq', 'neq', 'starts_with', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between', 'in_last_days', 'in_next_days', 'older_than_days', 'is_empty', 'is_not_empty'],
  enum: ['in', 'not_in', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
  member: ['in', 'not_in', 'is_empty', 'is_not_empty'],
  tags: ['has_tag', 'not_has_tag'],
};

export const filterConditionSchema = z.strictObject({
  /** A built-in field ("lifecycleStage") or a custom one ("custom.cf_ab12"). */
  field: z.string().min(1).max(100),
  operator: z.enum(FILTER_OPERATORS, { error: 'validation.invalid_value' }),
  value: z.unknown().optional(),
});
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export interface FilterGroup {
  op: 'and' | 'or';
  conditions: (FilterCondition | FilterGroup)[];
}

export const filterGroupSchema: z.ZodType<FilterGroup> = z.strictObject({
  op: z.enum(['and', 'or'], { error: 'validation.invalid_value' }),
  get conditions() {
    return z.array(z.union([filterConditionSchema, filterGroupSchema])).max(50, { error: 'validation.too_big' });
  },
});

export const sortSpecSchema = z.strictObject({
  field: z.string().min(1).max(100),
  direction: z.enum(['asc', 'desc'], { error: 'validation.invalid_value' }).default('asc'),
});
export type SortSpec = z.infer<typeof sortSpecSchema>;

export interface FieldInfo {
  field: string;
  kind: FieldKind;
  /** A message key for built-in fields; the label itself for custom ones. */
  label: string;
  custom: boolean;
  sortable: boolean;
  /** Allowed values of an enum field. */
  values?: string[];
}

export const fieldInfoSchema = z.object({
  field: z.string(),
  kind: z.enum(FIELD_KINDS),
  label: z.string(),
  custom: z.boolean(),
  sortable: z.boolean(),
  values: z.array(z.string()).optional(),
});
