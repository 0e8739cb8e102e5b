import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { formatPhone } from '../../lib/phone';
import type { ColumnOverride } from '../lists/table/build-columns';
import { Empty } from '../lists/table/cells';
import type { ColumnState } from '../lists/types';
import { ContactAvatar } from './ContactAvatar';
import { StageBadge } from './StageBadge';

function NameCell({ contact }: { contact: Contact }) {
  const subtitle = [contact.jobTitle, contact.department].filter(Boolean).join(' · ');
  return (
    <Group gap="sm" wrap="nowrap">
      <ContactAvatar name={contact.displayName} size={34} />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor
          component={Link}
          to={`/contacts/${contact.id}`}
          fw={600}
          size="sm"
          c="var(--mantine-color-text)"
          truncate
          onClick={(e) => e.stopPropagation()}
          data-testid="contact-name"
        >
          {contact.displayName}
        </Anchor>
        {subtitle ? (
          <Text size="xs" c="dimmed" truncate>
            {subtitle}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** What a new workspace's contacts list shows, left to right. */
export const CONTACT_DEFAULT_COLUMNS: ColumnState[] = [
  { field: 'name', width: 260 },
  { field: 'email', width: 230 },
  { field: 'phone', width: 160 },
  { field: 'lifecycleStage', width: 160 },
  { field: 'ownerId', width: 180 },
  { field: 'createdAt', width: 120 },
  { field: 'updatedAt', width: 130 },
];

/** Contact fields that look different from their kind's default (the rest come from the catalogue). */
export const CONTACT_COLUMNS: Record<string, ColumnOverride<Contact>> = {
  name: {
    width: 280,
    minWidth: 160,
    render: (c) => <NameCell contact={c} />,
    exportValue: (c) => c.displayName,
  },
  email: {
    width: 240,
    render: (c) => c.emails[0]?.value ?? <Empty />,
    exportValue: (c) => c.emails.map((e) => e.value).join('; ') || null,
  },
  phone: {
    width: 170,
    render: (c) => (c.phones[0] ? formatPhone(c.phones[0].value) : <Empty />),
    exportValue: (c) => c.phones.map((p) => p.value).join('; ') || null,
  },
  lifecycleStage: {
    width: 150,
    render: (c) => (c.lifecycleStage ? <StageBadge stage={c.lifecycleStage} /> : <Empty />),
  },
  createdAt: { width: 130, render: (c, { format }) => format.date(c.createdAt) },
  updatedAt: {
    width: 140,
    render: (c, { format }) => <span title={format.dateTime(c.updatedAt)}>{format.ago(c.updatedAt)}</span>,
  },
};
