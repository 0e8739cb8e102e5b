import { Anchor, Grid, Stack, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { ContactUpdateInput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { RecordComms } from '../activities/RecordComms';
import { CustomFieldsCard } from '../custom-fields/CustomFieldsCard';
import { ConvertLeadCard } from '../deals/ConvertLeadCard';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { LogActivityModal } from '../records/LogActivityModal';
import { MoreDetailsCard } from '../records/MoreDetailsCard';
import { OpenTasksCard } from '../records/OpenTasksCard';
import { RecordHeaderCard } from '../records/RecordHeaderCard';
import { RecordMeta } from '../records/RecordMeta';
import { useLive } from '../records/use-live';
import { Timeline } from '../timeline/Timeline';
import type { ActivityType } from '../../../shared/contract';
import { BackLink } from './BackLink';
import { ContactAboutCard } from './ContactAboutCard';
import { ContactAvatar } from './ContactAvatar';
import { ContactCompaniesCard } from './ContactCompaniesCard';
import { ContactReachCard } from './ContactReachCard';
import { useContact } from './use-contact';
import { useContactActions } from './use-contact-actions';
import { CrossSellPanel } from '../quotes/CrossSellPanel';

/** The 360° view of a contact: key facts and actions on top, related records and one timeline below. */
export function ContactDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { contact, loading } = useContact(id);
  const { remove, restore } = useContactActions();
  const fields = useCustomFields('contacts');
  const [logging, setLogging] = useState<ActivityType | null>(null);
  const primary = useLive(
    async () => (await unwrap(api.contacts.companies({ id }))).items.find((l) => l.isPrimary) ?? null,
    ['contact_companies', 'companies'],
    id,
  );

  useEffect(() => {
    if (id) void api.recent.add({ entity: 'contacts', id });
  }, [id]);

  if (loading && !contact) return <LoadingState />;
  // A merged contact answers with its survivor: its page is the survivor's.
  if (contact && contact.id !== id) return <Navigate to={`/contacts/${contact.id}`} replace />;
  if (!contact) {
    return (
      <Stack>
        <BackLink />
        <EmptyState
          icon={IconUserQuestion}
          color="gray"
          title={t('contacts.not_found_title')}
          body={t('contacts.not_found_body')}
          testId="contact-not-found"
        />
      </Stack>
    );
  }

  const save = async (patch: Omit<ContactUpdateInput, 'id'>) => {
    await unwrap(api.contacts.update({ id: contact.id, ...patch }));
  };
  const readOnly = contact.deleted;
  const company = primary.data;
  const work = [contact.jobTitle, contact.department].filter(Boolean).join(' · ');

  return (
    <Stack gap="lg" maw={1280} data-testid="contact-detail">
      <BackLink />
      <RecordHeaderCard
        entity="contacts"
        kind="contact"
        record={contact}
        avatar={<ContactAvatar name={contact.displayName} size={72} />}
        title={contact.displayName}
        subtitle={
          work || company ? (
            <Text c="dimmed" data-testid="contact-headline">
              {work}
              {work && company ? ` ${t('records.at')} ` : ''}
              {company ? (
                <Anchor component={Link} to={`/companies/${company.companyId}`} inherit>
                  {company.name}
                </Anchor>
              ) : null}
            </Text>
          ) : null
        }
        trashNotice={t('contacts.in_trash_notice')}
        phoneOptOut={contact.phoneOptOut}
        emailOptOut={contact.emailOptOut}
        onRestore={() => void restore({ id: contact.id, name: contact.displayName })}
        onDelete={() => {
          void remove({ id: contact.id, name: contact.displayName }).then((ok) => ok && navigate('/contacts'));
        }}
        onLogActivity={() => setLogging('call')}
      />
      <RecordComms
        entityType="contacts"
        entityId={contact.id}
        name={contact.displayName}
        email={contact.emailOptOut ? null : (contact.emails[0]?.value ?? null)}
        phone={contact.phoneOptOut ? null : (contact.phones[0]?.value ?? null)}
        alsoLink={company ? [{ entityType: 'companies', entityId: company.companyId }] : []}
        readOnly={readOnly}
      />

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <ContactAboutCard contact={contact} save={save} readOnly={readOnly} />
            <ContactReachCard contact={contact} />
            <CustomFieldsCard
              entity="contacts"
              fields={fields.data ?? []}
              custom={contact.custom}
              readOnly={readOnly}
              save={(custom) => save({ custom })}
            />
            <MoreDetailsCard addresses={contact.addresses} social={contact.social} />
            <RecordMeta {...contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ContactCompaniesCard contactId={contact.id} readOnly={readOnly} />
            <ConvertLeadCard contact={contact} />
            <OpenTasksCard entityId={contact.id} onAddTask={readOnly ? undefined : () => setLogging('task')} />
            <CrossSellPanel contactId={contact.id} />
            <Timeline entity="contacts" id={contact.id} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
      </Grid>
      <LogActivityModal
        opened={logging !== null}
        onClose={() => setLogging(null)}
        initialType={logging ?? 'call'}
        link={{ entityType: 'contacts', entityId: contact.id }}
        alsoLink={company ? [{ entityType: 'companies', entityId: company.companyId }] : []}
      />
    </Stack>
  );
}
