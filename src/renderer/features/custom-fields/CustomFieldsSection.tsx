import { Anchor, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomField } from '../../../shared/contract';
import type { FieldErrors } from '../records/issues';
import { CustomFieldInput } from './CustomFieldInput';
import type { CustomFormValue, CustomFormValues } from './custom-values';

interface Props {
  fields: CustomField[];
  values: CustomFormValues;
  errors: FieldErrors;
  onChange: (key: string, value: CustomFormValue) => void;
  /** Which Settings tab defines them ("contacts", "companies"). */
  entity: string;
}

/** The form's block of custom fields, each with the input of its type and its error under it. */
export function CustomFieldsSection({ fields, values, errors, onChange, entity }: Props) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  const wide = (f: CustomField) => f.type === 'long_text' || f.type === 'multiselect';
  return (
    <Card p="xl" data-testid="custom-fields-section">
      <Group justify="space-between" mb="md">
        <Title order={5}>{t('custom_fields.section')}</Title>
        <Anchor component={Link} to={`/settings/fields?entity=${entity}`} size="xs" c="dimmed">
          {t('custom_fields.manage')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {fields.map((field) => (
          <div key={field.id} style={wide(field) ? { gridColumn: '1 / -1' } : undefined}>
            <CustomFieldInput
              field={field}
              value={values[field.key] ?? null}
              onChange={(v) => onChange(field.key, v)}
              error={errors[`custom.${field.key}`]}
            />
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
