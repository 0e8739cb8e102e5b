import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomField, MethodInput } from '../../../shared/contract';
import { CUSTOM_FIELD_TYPES, type CustomFieldEntity, type CustomFieldType } from '../../../shared/domain/custom-fields';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useRecordForm } from '../records/use-record-form';
import { FIELD_TYPE_ICONS, hasOptions } from './field-types';

interface OptionRow {
  /** Kept when an option is renamed, so every value that uses it stays. */
  id?: string;
  label: string;
}
interface Values {
  label: string;
  type: CustomFieldType;
  options: OptionRow[];
}

interface Props {
  entity: CustomFieldEntity;
  /** The field being edited; null to add one. */
  field: CustomField | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds a custom field (label, type, options) or renames one and edits its options. The type never changes. */
export function FieldModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      radius="lg"
      title={
        <Text fw={650}>
          {rest.field ? t('custom_fields.edit_title', { name: rest.field.label }) : t('custom_fields.add')}
        </Text>
      }
    >
      {opened ? <FieldForm {...rest} onDone={onClose} /> : null}
    </Modal>
  );
}

function FieldForm({ entity, field, onDone }: Omit<Props, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRecordForm<Values>(
    {
      label: field?.label ?? '',
      type: field?.type ?? 'text',
      options: field?.options.map((o) => ({ id: o.id, label: o.label })) ?? [{ label: '' }, { label: '' }],
    },
    (key) => key === 'label' || key === 'type' || key === 'options' || /^options\.\d+\.label$/.test(key),
  );
  const { values, errors, set } = form;
  const withOptions = hasOptions(values.type);

  const prepare = (v: Values) => {
    const kept = v.options.map((o, index) => ({ o, index })).filter(({ o }) => o.label.trim() !== '');
    const options = kept.map(({ o }) => (o.id ? { id: o.id, label: o.label } : { label: o.label }));
    const rows = { options: kept.map(({ index }) => index) };
    if (field) {
      const input: MethodInput<'customFields.update'> = { id: field.id, label: v.label };
      if (hasOptions(field.type)) input.options = options;
      return { input, rows };
    }
    const input: MethodInput<'customFields.create'> = { entity, label: v.label, type: v.type };
    if (hasOptions(v.type)) input.options = options;
    return { input, rows };
  };

  async function save(input: MethodInput<'customFields.update'> | MethodInput<'customFields.create'>) {
    if ('id' in input) await unwrap(api.customFields.update(input));
    else await unwrap(api.customFields.create(input as MethodInput<'customFields.create'>));
    onDone();
  }

  const setOption = (index: number, label: string) =>
    set(
      'options',
      values.options.map((o, i) => (i === index ? { ...o, label } : o)),
      `options.${index}`,
    );

  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="field-form">
      <Stack gap="md">
        {form.general.length ? <Alert color="red">{form.general.join(' ')}</Alert> : null}
        <TextInput
          label={t('custom_fields.label')}
          placeholder={t('custom_fields.label_placeholder')}
          required
          data-autofocus
          value={values.label}
          onChange={(e) => set('label', e.currentTarget.value)}
          error={errors.label}
          data-testid="field-label"
        />
        <Select
          label={t('custom_fields.type')}
          description={field ? t('custom_fields.type_fixed') : undefined}
          data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`custom_fields.type.${type}`) }))}
          value={values.type}
          onChange={(v) => set('type', (v as CustomFieldType | null) ?? 'text')}
          disabled={!!field}
          allowDeselect={false}
          leftSection={(() => {
            const Icon = FIELD_TYPE_ICONS[values.type];
            return <Icon size={16} />;
          })()}
          renderOption={({ option }) => {
            const Icon = FIELD_TYPE_ICONS[option.value as CustomFieldType];
            return (
              <Group gap="xs">
                <Icon size={16} />
                <Text size="sm">{option.label}</Text>
              </Group>
            );
          }}
          comboboxProps={{ withinPortal: true }}
          data-testid="field-type"
        />
        {withOptions ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('custom_fields.options')}
            </Text>
            {errors.options ? (
              <Text size="xs" c="red">
                {errors.options}
              </Text>
            ) : null}
            {values.options.map((o, index) => (
              <Group key={o.id ?? `new-${index}`} gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  value={o.label}
                  onChange={(e) => setOption(index, e.currentTarget.value)}
                  placeholder={t('custom_fields.option_n', { n: index + 1 })}
                  aria-label={t('custom_fields.option_n', { n: index + 1 })}
                  error={errors[`options.${index}.label`]}
                  data-testid={`option-${index}`}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={36}
                  onClick={() =>
                    set(
                      'options',
                      values.options.filter((_, i) => i !== index),
                    )
                  }
                  aria-label={t('custom_fields.remove_option_n', { n: index + 1 })}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => set('options', [...values.options, { label: '' }])}
              data-testid="add-option"
            >
              {t('custom_fields.add_option')}
            </Button>
            {field ? (
              <Text size="xs" c="dimmed">
                {t('custom_fields.options_keep_values')}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={form.saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.saving} data-testid="field-save">
            {field ? t('records.save') : t('custom_fields.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
