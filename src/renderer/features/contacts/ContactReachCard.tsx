import { Badge, Group, Stack } from '@mantine/core';
import { IconMail, IconMailOff, IconPhone, IconPhoneOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { SectionCard } from '../records/SectionCard';
import { ContactInfoRow, EmptyLine } from './ContactInfoRow';
import { labelText } from './labels';

/** Emails and phones as mailto:/tel: links, and the contact's consent. */
export function ContactReachCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SectionCard title={t('contacts.section_reach')}>
      <Stack gap="sm" data-testid="contact-emails">
        {contact.emails.length ? (
          contact.emails.map((email) => (
            <ContactInfoRow
              key={email.value}
              icon={IconMail}
              value={email.value}
              href={`mailto:${email.value}`}
              label={labelText(t, email.label)}
              title={t('contacts.send_email', { value: email.value })}
            />
          ))
        ) : (
          <EmptyLine>{t('contacts.no_emails')}</EmptyLine>
        )}
      </Stack>
      <Stack gap="sm" mt="md" data-testid="contact-phones">
        {contact.phones.length ? (
          contact.phones.map((phone) => (
            <ContactInfoRow
              key={phone.value}
              icon={IconPhone}
              value={formatPhone(phone.value)}
              href={`tel:${phone.value}`}
              label={labelText(t, phone.label)}
              title={t('contacts.call', { value: phone.value })}
            />
          ))
        ) : (
          <EmptyLine>{t('contacts.no_phones')}</EmptyLine>
        )}
      </Stack>
      {contact.emailOptOut || contact.phoneOptOut ? (
        <Group gap="xs" mt="md" data-testid="contact-consent">
          {contact.emailOptOut ? (
            <Badge color="orange" variant="light" radius="sm" tt="none" leftSection={<IconMailOff size={12} />}>
              {contact.emailOptOutAt
                ? t('records.email_opted_out_since', { date: format.date(contact.emailOptOutAt) })
                : t('records.email_opted_out')}
            </Badge>
          ) : null}
          {contact.phoneOptOut ? (
            <Badge color="orange" variant="light" radius="sm" tt="none" leftSection={<IconPhoneOff size={12} />}>
              {contact.phoneOptOutAt
                ? t('records.phone_opted_out_since', { date: format.date(contact.phoneOptOutAt) })
                : t('records.phone_opted_out')}
            </Badge>
          ) : null}
        </Group>
      ) : null}
    </SectionCard>
  );
}
