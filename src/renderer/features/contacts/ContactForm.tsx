import { Autocomplete, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, CustomField } from '../../../shared/contract';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { useFormat } from '../../lib/format';
import { CONTACT_ADDRESS_LABELS } from '../records/address-values';
import { DuplicateHints } from '../records/DuplicateHints';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { useLanguages } from '../records/pickers/regions';
import {
  AddressSocialCustomSections,
  EmailPhoneFields,
  FormActions,
  FormErrorsAlert,
  FormSection,
} from '../records/RecordFormParts';
import { useRecordForm, type Prepared } from '../records/use-record-form';
import { CompanyLinksField } from './CompanyLinksField';
import { contactFieldShown, duplicateCheckOf, type ContactFormValues } from './form-values';

export const LEAD_SOURCES = [
  'website',
  'referral',
  'event',
  'partner',
  'cold_call',
  'advertising',
  'social',
  'email_campaign',
] as const;

interface Props<I> {
  initial: ContactFormValues;
  fields: CustomField[];
  /** The contact being edited (for the consent dates and to leave it out of the duplicate check). */
  contact?: Contact;
  submitLabel: string;
  prepare: (values: ContactFormValues) => Prepared<I>;
  /** Saves; throws the ApiError of a refusal, whose issues are shown under their fields. */
  save: (input: I, values: ContactFormValues) => Promise<void>;
  onCancel: () => void;
}

/**
 * The contact form, every field of the contract. The back end validates (one source of truth,
 * including phone rules that depend on the workspace's country); its issues come back with paths
 * and are shown under the fields they concern. Nothing is saved while any issue remains.
 */
export function ContactForm<I>({ initial, fields, contact, submitLabel, prepare, save, onCancel }: Props<I>) {
  const { t } = useTranslation();
  const format = useFormat();
  const languages = useLanguages();
  const form = useRecordForm(initial, (key) => contactFieldShown(key, fields));
  const { values, errors, set } = form;

  const text = (key: 'prefix' | 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'jobTitle' | 'department') => ({
    value: values[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value),
    error: errors[key],
    'data-testid': `field-${key}`,
  });

  const optOutSince = (at: number | null | undefined, on: boolean) =>
    on && at ? t('records.opt_out_since', { date: format.date(at) }) : undefined;

  return (
    <form
      onSubmit={(e) => void form.submit(e, prepare, (input) => save(input, values))}
      noValidate
      data-testid="contact-form"
    >
      <Stack gap="lg">
        <FormErrorsAlert hasErrors={form.hasErrors} general={form.general} />
        <DuplicateHints check={duplicateCheckOf(values, contact?.id)} />
        <FormSection title={t('contacts.section_person')}>
          <Stack gap="md">
            <Group gap="md" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput label={t('records.field_prefix')} maw={110} {...text('prefix')} />
              <TextInput label={t('contacts.field_first_name')} required autoFocus miw={160} {...text('firstName')} />
              <TextInput label={t('records.field_middle_name')} miw={140} {...text('middleName')} />
            </Group>
            <Group gap="md" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput label={t('contacts.field_last_name')} miw={200} {...text('lastName')} />
              <TextInput label={t('records.field_suffix')} maw={110} {...text('suffix')} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                type="date"
                label={t('records.field_birthday')}
                value={values.birthday}
                onChange={(e) => set('birthday', e.currentTarget.value)}
                error={errors.birthday}
                data-testid="field-birthday"
              />
              <Select
                label={t('records.field_language')}
                placeholder={t('records.language_placeholder')}
                data={languages}
                value={values.preferredLanguage}
                onChange={(v) => set('preferredLanguage', v)}
                error={errors.preferredLanguage}
                searchable
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
          </Stack>
        </FormSection>
        <FormSection title={t('contacts.section_reach')}>
          <EmailPhoneFields form={form} />
          <Text size="sm" fw={500} mt="xl" mb="xs">
            {t('records.consent')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Switch
              label={t('records.email_opt_out')}
              description={optOutSince(contact?.emailOptOutAt, values.emailOptOut) ?? t('records.email_opt_out_help')}
              checked={values.emailOptOut}
              onChange={(e) => set('emailOptOut', e.currentTarget.checked)}
              data-testid="field-emailOptOut"
            />
            <Switch
              label={t('records.phone_opt_out')}
              description={optOutSince(contact?.phoneOptOutAt, values.phoneOptOut) ?? t('records.phone_opt_out_help')}
              checked={values.phoneOptOut}
              onChange={(e) => set('phoneOptOut', e.currentTarget.checked)}
              data-testid="field-phoneOptOut"
            />
          </SimpleGrid>
        </FormSection>
        <FormSection title={t('contacts.section_work')}>
          <Stack gap="lg">
            <CompanyLinksField rows={values.companies} onChange={(rows) => set('companies', rows)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('contacts.field_job_title')} {...text('jobTitle')} />
              <TextInput label={t('contacts.field_department')} {...text('department')} />
            </SimpleGrid>
          </Stack>
        </FormSection>
        <FormSection title={t('records.section_sales')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select
              label={t('contacts.field_stage')}
              placeholder={t('contacts.stage_placeholder')}
              data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
              value={values.lifecycleStage}
              onChange={(value) => set('lifecycleStage', (value as LifecycleStage | null) ?? null)}
              error={errors.lifecycleStage}
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="field-lifecycleStage"
            />
            <Autocomplete
              label={t('records.field_lead_source')}
              placeholder={t('records.lead_source_placeholder')}
              data={LEAD_SOURCES.map((s) => t(`records.lead_source.${s}`))}
              value={values.leadSource}
              onChange={(v) => set('leadSource', v)}
              error={errors.leadSource}
              comboboxProps={{ withinPortal: true }}
              data-testid="field-leadSource"
            />
            <MemberSelect
              label={t('records.field_owner')}
              value={values.ownerId}
              onChange={(v) => set('ownerId', v)}
              error={errors.ownerId}
              data-testid="field-ownerId"
            />
          </SimpleGrid>
        </FormSection>
        <AddressSocialCustomSections
          form={form}
          entity="contacts"
          fields={fields}
          addressLabels={CONTACT_ADDRESS_LABELS}
        />
        <FormActions onCancel={onCancel} saving={form.saving} submitLabel={submitLabel} submitTestId="submit-contact" />
      </Stack>
    </form>
  );
}
