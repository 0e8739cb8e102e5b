import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/contract';
import { COMPANY_TYPES, type CompanyType } from '../../../shared/domain/company';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { EMAIL_LABELS, PHONE_LABELS } from '../contacts/labels';
import { LabeledValuesField } from '../contacts/LabeledValuesField';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection';
import { COMPANY_ADDRESS_LABELS } from '../records/address-values';
import { AddressesField } from '../records/AddressesField';
import { DuplicateHints } from '../records/DuplicateHints';
import { currencySymbol, useMoney } from '../records/money';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { SocialFields } from '../records/SocialFields';
import { useRecordForm, type Prepared } from '../records/use-record-form';
import { companyDuplicateCheck, companyFieldShown, type CompanyFormValues } from './company-form-values';

export const INDUSTRIES = [
  'software',
  'manufacturing',
  'retail',
  'finance',
  'healthcare',
  'education',
  'construction',
  'logistics',
  'hospitality',
  'consulting',
  'energy',
  'media',
] as const;

interface Props<I> {
  initial: CompanyFormValues;
  fields: CustomField[];
  /** The company being edited: left out of the duplicate check and of its own parent picker. */
  companyId?: string;
  submitLabel: string;
  prepare: (values: CompanyFormValues) => Prepared<I>;
  save: (input: I) => Promise<void>;
  onCancel: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card p="xl">
      <Title order={5} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The company form: every field of the contract, issues shown under their fields, nothing saved on error. */
export function CompanyForm<I>({ initial, fields, companyId, submitLabel, prepare, save, onCancel }: Props<I>) {
  const { t } = useTranslation();
  const money = useMoney();
  const form = useRecordForm(initial, (key) => companyFieldShown(key, fields));
  const { values, errors, set } = form;

  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="company-form">
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
        <DuplicateHints check={companyDuplicateCheck(values, companyId)} />
        <Section title={t('records.section_company')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('records.field_company_name')}
                required
                autoFocus
                value={values.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={errors.name}
                data-testid="field-name"
              />
              <TextInput
                label={t('records.field_website')}
                placeholder="example.com"
                leftSection={<IconWorld size={16} />}
                value={values.domain}
                onChange={(e) => set('domain', e.currentTarget.value)}
                error={errors.domain}
                data-testid="field-domain"
              />
              <Autocomplete
                label={t('records.field_industry')}
                data={INDUSTRIES.map((i) => t(`records.industry.${i}`))}
                value={values.industry}
                onChange={(v) => set('industry', v)}
                error={errors.industry}
                comboboxProps={{ withinPortal: true }}
                data-testid="field-industry"
              />
              <Select
                label={t('records.field_company_type')}
                placeholder={t('records.company_type_placeholder')}
                data={COMPANY_TYPES.map((type) => ({ value: type, label: t(`records.company_type.${type}`) }))}
                value={values.type}
                onChange={(v) => set('type', (v as CompanyType | null) ?? null)}
                error={errors.type}
                clearable
                comboboxProps={{ withinPortal: true }}
                data-testid="field-type"
              />
              <TextInput
                label={t('records.field_employees')}
                inputMode="numeric"
                value={values.employees}
                onChange={(e) => set('employees', e.currentTarget.value)}
                error={errors.employees}
                data-testid="field-employees"
              />
              <TextInput
                label={t('records.field_revenue')}
                inputMode="decimal"
                leftSection={<span style={{ fontSize: 13 }}>{currencySymbol(money.locale, money.currency)}</span>}
                value={values.annualRevenue}
                onChange={(e) => set('annualRevenue', e.currentTarget.value)}
                error={errors.annualRevenue}
                data-testid="field-annualRevenue"
              />
            </SimpleGrid>
            <Textarea
              label={t('records.field_description')}
              autosize
              minRows={3}
              maxRows={10}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
              data-testid="field-description"
            />
          </Stack>
        </Section>
        <Section title={t('records.section_relationship')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <CompanyPicker
              label={t('records.field_parent')}
              value={values.parent}
              onChange={(v) => set('parent', v, 'parentId')}
              exclude={companyId ? [companyId] : []}
              error={errors.parentId}
              testId="field-parent"
            />
            <Select
              label={t('contacts.field_stage')}
              placeholder={t('contacts.stage_placeholder')}
              data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
              value={values.lifecycleStage}
              onChange={(value) => set('lifecycleStage', (value as LifecycleStage | null) ?? null)}
              error={errors.lifecycleStage}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <MemberSelect
              label={t('records.field_owner')}
              value={values.ownerId}
              onChange={(v) => set('ownerId', v)}
              error={errors.ownerId}
            />
          </SimpleGrid>
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
        </Section>
        <Section title={t('records.section_addresses')}>
          <AddressesField
            rows={values.addresses}
            labels={COMPANY_ADDRESS_LABELS}
            errors={errors}
            onChange={(rows, key) => set('addresses', rows, key)}
          />
        </Section>
        <Section title={t('records.section_social')}>
          <SocialFields values={values.social} errors={errors} onChange={(v, key) => set('social', v, key)} />
        </Section>
        <CustomFieldsSection
          entity="companies"
          fields={fields}
          values={values.custom}
          errors={errors}
          onChange={(key, value) => set('custom', { ...values.custom, [key]: value }, `custom.${key}`)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.saving} data-testid="submit-company">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
