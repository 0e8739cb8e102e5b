import type { Contact } from '../../../shared/contract';
import { formatPhone } from '../../lib/phone';
import type { ColumnOverride } from '../lists/table/build-columns';
import { Empty } from '../lists/table/cells';
import type { ColumnState } from '../lists/types';
import { RecordNameCell, sharedRecordColumns } from '../records/record-columns';
import { ContactAvatar } from './ContactAvatar';

function NameCell({ contact }: { contact: Contact }) {
  return (
    <RecordNameCell
      avatar={<ContactAvatar name={contact.displayName} size={34} />}
      to={`/contacts/${contact.id}`}
      name={contact.displayName}
      subtitle={[contact.jobTitle, contact.department].filter(Boolean).join(' · ')}
      testId="contact-name"
    />
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
  ...sharedRecordColumns<Contact>(),
};
