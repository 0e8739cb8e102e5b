import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconMail, IconPhone, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../records/issues';
import type { LabeledRow } from './form-values';
import { labelText } from './labels';

interface Props {
  kind: 'emails' | 'phones';
  rows: LabeledRow[];
  labels: readonly string[];
  errors: FieldErrors;
  onChange: (rows: LabeledRow[], changedKey: string) => void;
}

/** A growable list of labelled emails or phones; each input shows the error at its own path. */
export function LabeledValuesField({ kind, rows, labels, errors, onChange }: Props) {
  const { t } = useTranslation();
  const isEmail = kind === 'emails';
  const Icon = isEmail ? IconMail : IconPhone;
  const prefix = isEmail ? 'email' : 'phone';

  const update = (index: number, patch: Partial<LabeledRow>, part: 'value' | 'label') =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      `${kind}.${index}.${part}`,
    );

  // "No label" first, then the suggestions, then any other label a script stored (kept as it is).
  const optionsFor = (current: string) => {
    const values = current && !labels.includes(current) ? [...labels, current] : labels;
    return [
      { value: '', label: t('label.none') },
      ...values.map((value) => ({ value, label: labelText(t, value) ?? value })),
    ];
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t(isEmail ? 'contacts.field_emails' : 'contacts.field_phones')}
      </Text>
      {errors[kind] ? (
        <Text size="xs" c="red">
          {errors[kind]}
        </Text>
      ) : null}
      {rows.map((row, index) => {
        const n = index + 1;
        const error = errors[`${kind}.${index}.value`] ?? errors[`${kind}.${index}.label`];
        return (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <NativeSelect
              w={130}
              value={row.label}
              onChange={(e) => update(index, { label: e.currentTarget.value }, 'label')}
              data={optionsFor(row.label)}
              aria-label={t('contacts.field_label_n', { n })}
              data-testid={`${prefix}-label-${index}`}
            />
            <TextInput
              style={{ flex: 1 }}
              type={isEmail ? 'email' : 'tel'}
              value={row.value}
              onChange={(e) => update(index, { value: e.currentTarget.value }, 'value')}
              placeholder={t(isEmail ? 'contacts.email_placeholder' : 'contacts.phone_placeholder')}
              aria-label={t(isEmail ? 'contacts.field_email_n' : 'contacts.field_phone_n', { n })}
              leftSection={<Icon size={16} />}
              error={error}
              data-testid={`${prefix}-${index}`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size={36}
              onClick={() =>
                onChange(
                  rows.filter((_, i) => i !== index),
                  kind,
                )
              }
              aria-label={t(isEmail ? 'contacts.remove_email_n' : 'contacts.remove_phone_n', { n })}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, { value: '', label: labels[0] ?? '' }], kind)}
        data-testid={`add-${prefix}`}
      >
        {t(isEmail ? 'contacts.add_email' : 'contacts.add_phone')}
      </Button>
    </Stack>
  );
}
