import { Autocomplete, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/contract';
import { COMPANY_TYPES, type CompanyType } from '../../../shared/domain/company';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { COMPANY_ADDRESS_LABELS } from '../records/address-values';
import { DuplicateHints } from '../records/DuplicateHints';
import { currencySymbol, useMoney } from '../records/money';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { MemberSelect } from '../records/pickers/MemberSelect';
import {
  AddressSocialCustomSections,
  EmailPhoneFields,
  FormActions,
  FormErrorsAlert,
  FormSection,
} from '../records/RecordFormParts';
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

/** The company form: every field of the contract, issues shown under their fields, nothing saved on error. */
export function CompanyForm<I>({ initial, fields, companyId, submitLabel, prepare, save, onCancel }: Props<I>) {
  const { t } = useTranslation();
  const money = useMoney();
  const form = useRecordForm(initial, (key) => companyFieldShown(key, fields));
  const { values, errors, set } = form;

  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="company-form">
      <Stack gap="lg">
        <FormErrorsAlert hasErrors={form.hasErrors} general={form.general} />
        <DuplicateHints check={companyDuplicateCheck(values, companyId)} />
        <FormSection title={t('records.section_company')}>
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
        </FormSection>
        <FormSection title={t('records.section_relationship')}>
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
        </FormSection>
        <FormSection title={t('contacts.section_reach')}>
          <EmailPhoneFields form={form} />
        </FormSection>
        <AddressSocialCustomSections
          form={form}
          entity="companies"
          fields={fields}
          addressLabels={COMPANY_ADDRESS_LABELS}
        />
        <FormActions onCancel={onCancel} saving={form.saving} submitLabel={submitLabel} submitTestId="submit-company" />
      </Stack>
    </form>
  );
}
