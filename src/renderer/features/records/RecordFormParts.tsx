import { Alert, Button, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/contract';
import { EMAIL_LABELS, PHONE_LABELS } from '../contacts/labels';
import { LabeledValuesField } from '../contacts/LabeledValuesField';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection';
import { AddressesField } from './AddressesField';
import type { FieldErrors } from './issues';
import type { SharedFormValues } from './record-form-values';
import { SocialFields } from './SocialFields';

/** What the shared parts need of a record form (see useRecordForm). */
interface SharedForm {
  values: SharedFormValues;
  errors: FieldErrors;
  // Method syntax: any record form's `set` fits, since its values include these.
  set<K extends keyof SharedFormValues>(key: K, value: SharedFormValues[K], errorKey?: string): void;
}

/** One titled card of a record form. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card p="xl">
      <Title order={5} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** On top of a refused form: that it was refused, and the issues that have no field of their own. */
export function FormErrorsAlert({ hasErrors, general }: { hasErrors: boolean; general: string[] }) {
  const { t } = useTranslation();
  if (!hasErrors) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('errors.invalid_input')} data-testid="form-errors">
      {general.length ? general.join(' ') : null}
    </Alert>
  );
}

/** The emails and phones of a record, side by side. */
export function EmailPhoneFields({ form }: { form: SharedForm }) {
  const { values, errors, set } = form;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <LabeledValuesField
        kind="emails"
        rows={values.emails}
        labels={EMAIL_LABELS}
        errors={errors}
        onChange={(rows, key) => set('emails', rows, key)}
      />
      <LabeledValuesField
        kind="phones"
        rows={values.phones}
        labels={PHONE_LABELS}
        errors={errors}
        onChange={(rows, key) => set('phones', rows, key)}
      />
    </SimpleGrid>
  );
}

/** The last sections of a record form: addresses, social profiles and the workspace's custom fields. */
export function AddressSocialCustomSections({
  form,
  entity,
  fields,
  addressLabels,
}: {
  form: SharedForm;
  entity: 'contacts' | 'companies';
  fields: CustomField[];
  addressLabels: readonly string[];
}) {
  const { t } = useTranslation();
  const { values, errors, set } = form;
  return (
    <>
      <FormSection title={t('records.section_addresses')}>
        <AddressesField
          rows={values.addresses}
          labels={addressLabels}
          errors={errors}
          onChange={(rows, key) => set('addresses', rows, key)}
        />
      </FormSection>
      <FormSection title={t('records.section_social')}>
        <SocialFields values={values.social} errors={errors} onChange={(v, key) => set('social', v, key)} />
      </FormSection>
      <CustomFieldsSection
        entity={entity}
        fields={fields}
        values={values.custom}
        errors={errors}
        onChange={(key, value) => set('custom', { ...values.custom, [key]: value }, `custom.${key}`)}
      />
    </>
  );
}

/** Cancel and submit, at the foot of a record form. */
export function FormActions({
  onCancel,
  saving,
  submitLabel,
  submitTestId,
}: {
  onCancel: () => void;
  saving: boolean;
  submitLabel: string;
  submitTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
