import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contract';
import type { UiKey } from '../../i18n/en';
import type { useFormat } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import type { ColumnOverride } from '../lists/table/build-columns';
import { Empty } from '../lists/table/cells';
import type { ColumnState } from '../lists/types';
import type { ContactSortField } from './list-store';
import { ContactAvatar } from './ContactAvatar';
import { StageBadge } from './StageBadge';

export interface Column {
  id: string;
  label: UiKey;
  /** A CSS grid track size. */
  width: string;
  sortField?: ContactSortField;
  render: (contact: Contact) => ReactNode;
}

interface Env {
  t: TFunction;
  format: ReturnType<typeof useFormat>;
}

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

const nameColumn: Column = {
  id: 'name',
  label: 'contacts.col_name',
  width: 'minmax(200px, 2fr)',
  sortField: 'name',
  render: (c) => <NameCell contact={c} />,
};

const emailColumn: Column = {
  id: 'email',
  label: 'contacts.col_email',
  width: 'minmax(150px, 1.7fr)',
  render: (c) =>
    c.emails[0]?.value ?? (
      <Text span c="dimmed">
        —
      </Text>
    ),
};

const phoneColumn: Column = {
  id: 'phone',
  label: 'contacts.col_phone',
  width: 'minmax(140px, 1.3fr)',
  render: (c) =>
    c.phones[0] ? (
      formatPhone(c.phones[0].value)
    ) : (
      <Text span c="dimmed">
        —
      </Text>
    ),
};

/** The trash: who, when it was deleted (its last update), and a way back. */
export function trashColumns({ format }: Env, action: (c: Contact) => ReactNode): Column[] {
  return [
    nameColumn,
    emailColumn,
    phoneColumn,
    {
      id: 'deletedAt',
      label: 'contacts.col_deleted',
      width: 'minmax(130px, 1fr)',
      sortField: 'updatedAt',
      render: (c) => <span title={format.dateTime(c.updatedAt)}>{format.ago(c.updatedAt)}</span>,
    },
    { id: 'actions', label: 'contacts.col_actions', width: '130px', render: action },
  ];
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
