import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactUpdateInput } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { ageOn, localDate } from '../records/dates';
import { autocompleteEditor, selectEditor, textEditor } from '../records/editors';
import { InlineField } from '../records/InlineField';
import { useLanguageName, useLanguages } from '../records/pickers/regions';
import { SectionCard } from '../records/SectionCard';
import { OwnerInlineField, StageInlineField } from '../records/StageOwnerFields';
import { LEAD_SOURCES } from './ContactForm';

type Save = (patch: Omit<ContactUpdateInput, 'id'>) => Promise<void>;

/** Work and sales facts of a contact, each editable in place. */
export function ContactAboutCard({ contact, save, readOnly }: { contact: Contact; save: Save; readOnly?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languages = useLanguages();
  const languageName = useLanguageName();
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  const birthday = contact.birthday ? localDate(contact.birthday) : null;
  const age = contact.birthday ? ageOn(contact.birthday) : null;

  return (
    <SectionCard title={t('records.section_about')} testId="contact-about">
      <Stack gap="sm">
        <InlineField
          label={t('contacts.field_job_title')}
          testId="contact-job-title"
          readOnly={readOnly}
          display={contact.jobTitle}
          initial={() => contact.jobTitle ?? ''}
          renderEditor={textEditor(t('contacts.field_job_title'))}
          save={(v) => save({ jobTitle: text(v) })}
        />
        <InlineField
          label={t('contacts.field_department')}
          testId="contact-department"
          readOnly={readOnly}
          display={contact.department}
          initial={() => contact.department ?? ''}
          renderEditor={textEditor(t('contacts.field_department'))}
          save={(v) => save({ department: text(v) })}
        />
        <StageInlineField
          testId="contact-stage"
          readOnly={readOnly}
          value={contact.lifecycleStage}
          save={(v) => save({ lifecycleStage: v })}
        />
        <OwnerInlineField
          testId="contact-owner"
          readOnly={readOnly}
          value={contact.ownerId}
          save={(v) => save({ ownerId: v })}
        />
        <InlineField
          label={t('records.field_lead_source')}
          testId="contact-lead-source"
          readOnly={readOnly}
          display={contact.leadSource}
          initial={() => contact.leadSource ?? ''}
          renderEditor={autocompleteEditor(
            t('records.field_lead_source'),
            LEAD_SOURCES.map((s) => t(`records.lead_source.${s}`)),
          )}
          save={(v) => save({ leadSource: text(v) })}
        />
        <InlineField
          label={t('records.field_language')}
          testId="contact-language"
          readOnly={readOnly}
          display={contact.preferredLanguage ? languageName(contact.preferredLanguage) : null}
          initial={() => contact.preferredLanguage}
          renderEditor={selectEditor(t('records.field_language'), languages)}
          save={(v) => save({ preferredLanguage: v })}
        />
        <InlineField
          label={t('records.field_birthday')}
          testId="contact-birthday"
          readOnly={readOnly}
          display={
            birthday
              ? `${format.date(birthday.getTime())}${age !== null && age >= 0 ? ` · ${t('records.age', { count: age })}` : ''}`
              : null
          }
          initial={() => contact.birthday ?? ''}
          renderEditor={textEditor(t('records.field_birthday'), 'date')}
          save={(v) => save({ birthday: v || null })}
        />
      </Stack>
    </SectionCard>
  );
}
