import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomField } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { InlineField } from '../records/InlineField';
import { useMoney } from '../records/money';
import { SectionCard } from '../records/SectionCard';
import { CustomFieldInput } from './CustomFieldInput';
import { CustomFieldValue, customValueText } from './CustomFieldValue';
import { fromFormValue, isEmptyCustom, toFormValue, type CustomFormValue } from './custom-values';

interface Props {
  entity: 'contacts' | 'companies' | 'deals';
  fields: CustomField[];
  custom: Record<string, unknown>;
  readOnly?: boolean;
  /** Saves `{ custom: { key: value } }`; throws the ApiError of a refused value. */
  save: (patch: Record<string, unknown>) => Promise<void>;
}

/** The record's custom fields, each editable in place with the input of its type. */
export function CustomFieldsCard({ entity, fields, custom, readOnly, save }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return (
    <SectionCard
      title={t('custom_fields.section')}
      testId="custom-fields-card"
      actions={
        <Anchor component={Link} to={`/settings/fields?entity=${entity}`} size="xs" c="dimmed">
          {t('custom_fields.manage')}
        </Anchor>
      }
    >
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('custom_fields.none_yet')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {fields.map((field) => {
            const value = custom[field.key];
            // Links inside the click-to-edit button would fight with it: those types show as text.
            const plain = field.type === 'url' || field.type === 'email' || field.type === 'phone';
            return (
              <div key={field.id} style={field.type === 'long_text' ? { gridColumn: '1 / -1' } : undefined}>
                <InlineField<CustomFormValue>
                  label={field.label}
                  testId={`custom-value-${field.key}`}
                  readOnly={readOnly}
                  multiline={field.type === 'long_text'}
                  display={
                    plain ? (
                      value === undefined || value === null ? null : (
                        customValueText(field, value, format, money.format, (y) =>
                          y ? t('records.yes') : t('records.no'),
                        )
                      )
                    ) : isEmptyCustom(value) ? null : (
                      <CustomFieldValue field={field} value={value} />
                    )
                  }
                  initial={() => toFormValue(field, value)}
                  renderEditor={({ value: v, onChange, error, onKeyDown }) => (
                    <CustomFieldInput
                      field={field}
                      value={v}
                      onChange={onChange}
                      error={error}
                      hideLabel
                      autoFocus
                      onKeyDown={onKeyDown}
                    />
                  )}
                  save={(v) => save({ [field.key]: fromFormValue(field, v) })}
                />
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </SectionCard>
  );
}
