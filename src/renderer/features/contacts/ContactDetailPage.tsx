import { Alert, Anchor, Avatar, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconRestore, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { ContactUpdateInput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { CustomFieldsCard } from '../custom-fields/CustomFieldsCard';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useMemberName } from '../members/workspace-store';
import { LogActivityModal } from '../records/LogActivityModal';
import { MoreDetailsCard } from '../records/MoreDetailsCard';
import { OpenTasksCard } from '../records/OpenTasksCard';
import { QuickActions } from '../records/QuickActions';
import { RecordMeta } from '../records/RecordMeta';
import { TagsEditor } from '../records/TagsEditor';
import { useLive } from '../records/use-live';
import { Timeline } from '../timeline/Timeline';
import type { ActivityType } from '../../../shared/contract';
import { BackLink } from './BackLink';
import { ContactAboutCard } from './ContactAboutCard';
import { ContactAvatar } from './ContactAvatar';
import { ContactCompaniesCard } from './ContactCompaniesCard';
import { ContactReachCard } from './ContactReachCard';
import { StageBadge } from './StageBadge';
import { useContact } from './use-contact';
import { useContactActions } from './use-contact-actions';

/** The 360° view of a contact: key facts and actions on top, related records and one timeline below. */
export function ContactDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { contact, loading } = useContact(id);
  const { remove, restore } = useContactActions();
  const fields = useCustomFields('contacts');
  const memberName = useMemberName();
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
  const owner = memberName(contact.ownerId);
  const work = [contact.jobTitle, contact.department].filter(Boolean).join(' · ');

  return (
    <Stack gap="lg" maw={1280} data-testid="contact-detail">
      <BackLink />
      <Card p="xl">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
          <Group gap="lg" wrap="nowrap" align="flex-start">
            <ContactAvatar name={contact.displayName} size={72} />
            <Stack gap={6}>
              <Title order={2} fz={26} data-testid="page-title">
                {contact.displayName}
              </Title>
              {work || company ? (
                <Text c="dimmed" data-testid="contact-headline">
                  {work}
                  {work && company ? ` ${t('records.at')} ` : ''}
                  {company ? (
                    <Anchor component={Link} to={`/companies/${company.companyId}`} inherit>
                      {company.name}
                    </Anchor>
                  ) : null}
                </Text>
              ) : null}
              <Group gap="xs">
                <StageBadge stage={contact.lifecycleStage} />
                {owner ? (
                  <Badge
                    variant="default"
                    radius="sm"
                    tt="none"
                    fw={500}
                    leftSection={<Avatar name={owner} color="initials" size={16} radius="xl" />}
                  >
                    {owner}
                  </Badge>
                ) : null}
                {contact.deleted ? (
                  <Badge color="red" variant="light" radius="sm" tt="none" data-testid="in-trash-badge">
                    {t('contacts.in_trash_badge')}
                  </Badge>
                ) : null}
              </Group>
              <TagsEditor entity="contacts" id={contact.id} readOnly={readOnly} />
            </Stack>
          </Group>
          <Group gap="sm">
            {contact.deleted ? (
              <Button
                leftSection={<IconRestore size={18} />}
                onClick={() => void restore(contact)}
                data-testid="restore-contact"
              >
                {t('common.restore')}
              </Button>
            ) : (
              <>
                <Button
                  component={Link}
                  to={`/contacts/${contact.id}/edit`}
                  variant="default"
                  leftSection={<IconEdit size={18} />}
                  data-testid="edit-contact"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconTrash size={18} />}
                  onClick={() => {
                    void remove(contact).then((ok) => ok && navigate('/contacts'));
                  }}
                  data-testid="delete-contact"
                >
                  {t('common.delete')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {readOnly ? null : (
          <Group mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <QuickActions
              phone={contact.phones[0]?.value ?? null}
              email={contact.emails[0]?.value ?? null}
              phoneOptOut={contact.phoneOptOut}
              emailOptOut={contact.emailOptOut}
              onLogActivity={() => setLogging('call')}
            />
          </Group>
        )}
        {contact.deleted ? (
          <Alert color="red" variant="light" mt="lg" icon={<IconTrash size={18} />}>
            {t('contacts.in_trash_notice')}
          </Alert>
        ) : null}
      </Card>

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
            <OpenTasksCard entityId={contact.id} onAddTask={readOnly ? undefined : () => setLogging('task')} />
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
