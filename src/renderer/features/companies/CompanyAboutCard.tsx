import { Anchor, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company, MethodInput } from '../../../shared/contract';
import { COMPANY_TYPES, type CompanyType } from '../../../shared/domain/company';
import { useFormat } from '../../lib/format';
import { parseNumberText } from '../custom-fields/custom-values';
import { autocompleteEditor, selectEditor, textEditor } from '../records/editors';
import { InlineField } from '../records/InlineField';
import { useMoney } from '../records/money';
import { SectionCard } from '../records/SectionCard';
import { OwnerInlineField, StageInlineField } from '../records/StageOwnerFields';
import { INDUSTRIES } from './CompanyForm';

type Save = (patch: Omit<MethodInput<'companies.update'>, 'id'>) => Promise<void>;

/** The company's facts, each editable in place. */
export function CompanyAboutCard({ company, save, readOnly }: { company: Company; save: Save; readOnly?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  const num = (s: string) => (s.trim() === '' ? null : (parseNumberText(s) as number));
  return (
    <SectionCard title={t('records.section_about')} testId="company-about">
      <Stack gap="sm">
        <InlineField
          label={t('records.field_website')}
          testId="company-domain"
          readOnly={readOnly}
          display={company.domain}
          initial={() => company.domain ?? ''}
          renderEditor={textEditor(t('records.field_website'))}
          save={(v) => save({ domain: text(v) })}
        />
        <InlineField
          label={t('records.field_industry')}
          testId="company-industry"
          readOnly={readOnly}
          display={company.industry}
          initial={() => company.industry ?? ''}
          renderEditor={autocompleteEditor(
            t('records.field_industry'),
            INDUSTRIES.map((i) => t(`records.industry.${i}`)),
          )}
          save={(v) => save({ industry: text(v) })}
        />
        <InlineField
          label={t('records.field_company_type')}
          testId="company-type"
          readOnly={readOnly}
          display={company.type ? t(`records.company_type.${company.type}`) : null}
          initial={() => company.type as string | null}
          renderEditor={selectEditor(
            t('records.field_company_type'),
            COMPANY_TYPES.map((type) => ({ value: type, label: t(`records.company_type.${type}`) })),
          )}
          save={(v) => save({ type: v as CompanyType | null })}
        />
        <InlineField
          label={t('records.field_employees')}
          testId="company-employees"
          readOnly={readOnly}
          display={company.employees === null ? null : format.number(company.employees)}
          initial={() => (company.employees === null ? '' : String(company.employees))}
          renderEditor={textEditor(t('records.field_employees'))}
          save={(v) => save({ employees: num(v) })}
        />
        <InlineField
          label={t('records.field_revenue')}
          testId="company-revenue"
          readOnly={readOnly}
          display={company.annualRevenue === null ? null : money.format(company.annualRevenue)}
          initial={() => (company.annualRevenue === null ? '' : String(company.annualRevenue))}
          renderEditor={textEditor(t('records.field_revenue'))}
          save={(v) => save({ annualRevenue: num(v) })}
        />
        <StageInlineField
          testId="company-stage"
          readOnly={readOnly}
          value={company.lifecycleStage}
          save={(v) => save({ lifecycleStage: v })}
        />
        <OwnerInlineField
          testId="company-owner"
          readOnly={readOnly}
          value={company.ownerId}
          save={(v) => save({ ownerId: v })}
        />
        <InlineField
          label={t('records.field_description')}
          testId="company-description"
          readOnly={readOnly}
          multiline
          display={company.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{company.description}</span> : null}
          initial={() => company.description ?? ''}
          renderEditor={({ value, onChange, error, onKeyDown }) => (
            <Textarea
              autosize
              minRows={3}
              aria-label={t('records.field_description')}
              value={value}
              onChange={(e) => onChange(e.currentTarget.value)}
              error={error}
              onKeyDown={onKeyDown}
              autoFocus
            />
          )}
          save={(v) => save({ description: text(v) })}
        />
        {company.domain ? (
          <Anchor href={`https://${company.domain}`} target="_blank" rel="noreferrer" size="sm">
            {t('records.open_website')}
          </Anchor>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
