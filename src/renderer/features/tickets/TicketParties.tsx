import { Anchor, Group, Stack } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../../shared/contract/tickets';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { ContactPicker } from '../records/pickers/ContactPicker';
import type { Picked } from '../records/pickers/RemotePicker';

type Patch = { contactId?: string | null; companyId?: string | null };

/**
 * Whom a ticket is about: its contact and company, each changeable or clearable, with a link to
 * the record. A new contact brings their company along unless one was set by hand (the server decides).
 */
export function TicketParties({ ticket, onChange }: { ticket: Ticket; onChange: (patch: Patch) => void }) {
  const { t } = useTranslation();
  const contact: Picked | null = ticket.contactId ? { id: ticket.contactId, name: ticket.contactName ?? '' } : null;
  const company: Picked | null = ticket.companyId ? { id: ticket.companyId, name: ticket.companyName ?? '' } : null;
  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <ContactPicker
          label={t('tickets.field.contact')}
          value={contact}
          onChange={(v) => (v?.id ?? null) !== ticket.contactId && onChange({ contactId: v?.id ?? null })}
          testId="ticket-contact-edit"
        />
        {contact ? (
          <Group gap={4}>
            <Anchor component={Link} to={`/contacts/${contact.id}`} size="xs">
              {t('tickets.open_contact')}
            </Anchor>
            <IconExternalLink size={12} />
          </Group>
        ) : null}
      </Stack>
      <Stack gap={2}>
        <CompanyPicker
          label={t('tickets.field.company')}
          value={company}
          onChange={(v) => (v?.id ?? null) !== ticket.companyId && onChange({ companyId: v?.id ?? null })}
          testId="ticket-company-edit"
        />
        {company ? (
          <Group gap={4}>
            <Anchor component={Link} to={`/companies/${company.id}`} size="xs">
              {t('tickets.open_company')}
            </Anchor>
            <IconExternalLink size={12} />
          </Group>
        ) : null}
      </Stack>
    </Stack>
  );
}
