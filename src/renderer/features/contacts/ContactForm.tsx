import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, CustomField } from '../../../shared/contract';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { useFormat } from '../../lib/format';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection';
import { CONTACT_ADDRESS_LABELS } from '../records/address-values';
import { AddressesField } from '../records/AddressesField';
import { DuplicateHints } from '../records/DuplicateHints';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { useLanguages } from '../records/pickers/regions';
import { SocialFields } from '../records/SocialFields';
import { useRecordForm, type Prepared } from '../records/use-record-form';
import { CompanyLinksField } from './CompanyLinksField';
import { contactFieldShown, duplicateCheckOf, type ContactFormValues } from './form-values';
import { EMAIL_LABELS, PHONE_LABELS } from './labels';
import { LabeledValuesField } from './LabeledValuesField';

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

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card p="xl" data-testid={testId}>
      <Title order={5} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
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
        {form.hasErrors ? (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t('errors.invalid_input')}
            data-testid="form-errors"
          >
            {form.general.length ? form.general.join(' ') : null}
          </Alert>
        ) : null}
        <DuplicateHints check={duplicateCheckOf(values, contact?.id)} />
        <Section title={t('contacts.section_person')}>
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
        </Section>
        <Section title={t('contacts.section_reach')}>
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
        </Section>
        <Section title={t('contacts.section_work')}>
          <Stack gap="lg">
            <CompanyLinksField rows={values.companies} onChange={(rows) => set('companies', rows)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('contacts.field_job_title')} {...text('jobTitle')} />
              <TextInput label={t('contacts.field_department')} {...text('department')} />
            </SimpleGrid>
          </Stack>
        </Section>
        <Section title={t('records.section_sales')}>
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
        </Section>
        <Section title={t('records.section_addresses')}>
          <AddressesField
            rows={values.addresses}
            labels={CONTACT_ADDRESS_LABELS}
            errors={errors}
            onChange={(rows, key) => set('addresses', rows, key)}
          />
        </Section>
        <Section title={t('records.section_social')}>
          <SocialFields values={values.social} errors={errors} onChange={(v, key) => set('social', v, key)} />
        </Section>
        <CustomFieldsSection
          entity="contacts"
          fields={fields}
          values={values.custom}
          errors={errors}
          onChange={(key, value) => set('custom', { ...values.custom, [key]: value }, `custom.${key}`)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.saving} data-testid="submit-contact">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
