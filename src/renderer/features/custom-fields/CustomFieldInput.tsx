import { Checkbox, Input, MultiSelect, Rating, Select, Textarea, TextInput, type ComboboxItem } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/contract';
import { currencySymbol, useMoney } from '../records/money';
import type { CustomFormValue } from './custom-values';
import { FIELD_TYPE_ICONS } from './field-types';

interface Props {
  field: CustomField;
  value: CustomFormValue;
  onChange: (value: CustomFormValue) => void;
  error?: string | undefined;
  /** Inline editing hides the label (the field's name is already shown next to it). */
  hideLabel?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/** The input that fits a custom field's type; every value is typed as text or picked, never guessed. */
export function CustomFieldInput({ field, value, onChange, error, hideLabel, autoFocus, onKeyDown }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const Icon = FIELD_TYPE_ICONS[field.type];
  const label = hideLabel ? undefined : field.label;
  const common = {
    label,
    'aria-label': field.label,
    error,
    autoFocus,
    onKeyDown,
    'data-testid': `custom-${field.key}`,
  };
  const text = typeof value === 'string' ? value : '';
  const options: ComboboxItem[] = field.options.map((o) => ({ value: o.id, label: o.label }));

  switch (field.type) {
    case 'long_text':
      return (
        <Textarea
          {...common}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={field.label}
          aria-label={field.label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          mt={hideLabel ? 0 : 'lg'}
          data-testid={`custom-${field.key}`}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          clearable
          searchable
          placeholder={t('custom_fields.pick_option')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          clearable
          searchable
          placeholder={t('custom_fields.pick_options')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'rating':
      return (
        <Input.Wrapper label={label} error={error} data-testid={`custom-${field.key}`}>
          <Rating
            value={typeof value === 'number' ? value : 0}
            onChange={(v) => onChange(v)}
            aria-label={field.label}
            mt={4}
            size="md"
          />
        </Input.Wrapper>
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          leftSection={<Icon size={16} />}
        />
      );
    case 'currency':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          leftSection={<span style={{ fontSize: 13 }}>{currencySymbol(money.locale, money.currency)}</span>}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'datetime':
      return (
        <TextInput {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'url':
    case 'email':
    case 'phone':
      return (
        <TextInput
          {...common}
          type={field.type === 'url' ? 'url' : field.type === 'email' ? 'email' : 'tel'}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          leftSection={<Icon size={16} />}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
