import { Group, MultiSelect, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { FieldInfo, FilterOperator } from '../../../../shared/contract';
import { enumLabel } from '../labels';
import type { FilterEnv } from './context';
import { isRelative, needsValue } from './model';

interface Props {
  env: FilterEnv;
  info: FieldInfo;
  operator: FilterOperator;
  value: unknown;
  onChange: (value: unknown) => void;
  error: boolean;
}

/** Dropdowns stay inside the builder's popover, so picking an option does not close it. */
const INLINE = { withinPortal: false } as const;

function NumberBox({
  env,
  value,
  onChange,
  error,
  label,
  suffix,
}: {
  env: FilterEnv;
  value: unknown;
  onChange: (v: number | null) => void;
  error: boolean;
  label: string;
  suffix?: string;
}) {
  const comma = env.format.locale.startsWith('es');
  return (
    <NumberInput
      size="xs"
      value={typeof value === 'number' ? value : ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
      decimalSeparator={comma ? ',' : '.'}
      hideControls
      aria-label={label}
      error={error}
      rightSection={
        suffix ? (
          <Text size="xs" c="dimmed" pr={8}>
            {suffix}
          </Text>
        ) : undefined
      }
      rightSectionWidth={suffix ? 56 : undefined}
      style={{ flex: 1 }}
      data-testid="filter-value"
    />
  );
}

/** The value editor of one condition, by the field's kind and the chosen operator. */
export function ValueInput({ env, info, operator, value, onChange, error }: Props) {
  const { t } = env;
  const label = t('lists.filter_value');
  if (!needsValue(operator)) return <div style={{ flex: 1 }} />;

  if (isRelative(operator)) {
    return (
      <NumberBox
        env={env}
        value={value}
        onChange={(v) => onChange(v === null ? null : Math.max(0, Math.round(v)))}
        error={error}
        label={label}
        suffix={t('lists.days_suffix')}
      />
    );
  }

  if (operator === 'between') {
    const pair = Array.isArray(value) ? value : [null, null];
    const set = (i: 0 | 1, v: unknown) => onChange(i === 0 ? [v, pair[1]] : [pair[0], v]);
    return (
      <Group gap={6} wrap="nowrap" style={{ flex: 1 }}>
        {info.kind === 'date' ? (
          <>
            <TextInput
              size="xs"
              type="date"
              value={String(pair[0] ?? '')}
              onChange={(e) => set(0, e.currentTarget.value)}
              aria-label={t('lists.filter_from')}
              error={error}
              style={{ flex: 1 }}
            />
            <Text size="xs" c="dimmed">
              {t('lists.and')}
            </Text>
            <TextInput
              size="xs"
              type="date"
              value={String(pair[1] ?? '')}
              onChange={(e) => set(1, e.currentTarget.value)}
              aria-label={t('lists.filter_to')}
              error={error}
              style={{ flex: 1 }}
            />
          </>
        ) : (
          <>
            <NumberBox
              env={env}
              value={pair[0]}
              onChange={(v) => set(0, v)}
              error={error}
              label={t('lists.filter_from')}
            />
            <Text size="xs" c="dimmed">
              {t('lists.and')}
            </Text>
            <NumberBox
              env={env}
              value={pair[1]}
              onChange={(v) => set(1, v)}
              error={error}
              label={t('lists.filter_to')}
            />
          </>
        )}
      </Group>
    );
  }

  switch (info.kind) {
    case 'number':
      return <NumberBox env={env} value={value} onChange={onChange} error={error} label={label} />;
    case 'date':
      return (
        <TextInput
          size="xs"
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          aria-label={label}
          error={error}
          style={{ flex: 1 }}
          data-testid="filter-value"
        />
      );
    case 'enum':
    case 'member': {
      const data =
        info.kind === 'member'
          ? [
              { value: 'me', label: t('lists.me') },
              ...env.members.map((m) => ({
                value: m.id,
                label: m.active ? m.name : `${m.name} (${t('lists.inactive')})`,
              })),
            ]
          : (info.values ?? []).map((v) => ({ value: v, label: enumLabel(t, info.field, v, env.customDefs) }));
      return (
        <MultiSelect
          size="xs"
          data={data}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
          searchable
          clearable
          placeholder={Array.isArray(value) && value.length ? undefined : t('lists.filter_pick')}
          aria-label={label}
          error={error}
          comboboxProps={INLINE}
          style={{ flex: 1 }}
          data-testid="filter-value"
        />
      );
    }
    case 'tags':
      return (
        <Select
          size="xs"
          data={env.tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          searchable
          placeholder={t('lists.filter_pick_tag')}
          nothingFoundMessage={t('lists.no_tags')}
          aria-label={label}
          error={error}
          comboboxProps={INLINE}
          style={{ flex: 1 }}
          data-testid="filter-value"
        />
      );
    default:
      return (
        <TextInput
          size="xs"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          placeholder={t('lists.filter_text_placeholder')}
          aria-label={label}
          error={error}
          style={{ flex: 1 }}
          data-testid="filter-value"
        />
      );
  }
}
