import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconMail, IconPhone, IconRestore, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { useFormat } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { BackLink } from './BackLink';
import { ContactAvatar } from './ContactAvatar';
import { ContactInfoRow, EmptyLine } from './ContactInfoRow';
import { DetailField } from './DetailField';
import { labelText } from './labels';
import { StageBadge } from './StageBadge';
import { useContact } from './use-contact';
import { useContactActions } from './use-contact-actions';

export function ContactDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { contact, loading } = useContact(id);
  const { remove, restore } = useContactActions();

  if (loading) return <LoadingState />;
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

  const subtitle = [contact.jobTitle, contact.department].filter(Boolean).join(' · ');
  return (
    <Stack gap="lg" maw={1100} data-testid="contact-detail">
      <BackLink />
      <Card p="xl">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
          <Group gap="lg" wrap="nowrap">
            <ContactAvatar name={contact.displayName} size={72} />
            <Stack gap={6}>
              <Title order={2} fz={26} data-testid="page-title">
                {contact.displayName}
              </Title>
              {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
              <Group gap="xs">
                <StageBadge stage={contact.lifecycleStage} />
                {contact.deleted ? (
                  <Badge color="red" variant="light" radius="sm" tt="none" data-testid="in-trash-badge">
                    {t('contacts.in_trash_badge')}
                  </Badge>
                ) : null}
              </Group>
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
        {contact.deleted ? (
          <Alert color="red" variant="light" mt="lg" icon={<IconTrash size={18} />}>
            {t('contacts.in_trash_notice')}
          </Alert>
        ) : null}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Card p="lg">
          <Title order={5} mb="md">
            {t('contacts.section_reach')}
          </Title>
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
        </Card>
        <Card p="lg">
          <Title order={5} mb="md">
            {t('contacts.section_work')}
          </Title>
          <Stack gap="md">
            <DetailField label={t('contacts.field_job_title')} testId="contact-job-title">
              {contact.jobTitle}
            </DetailField>
            <DetailField label={t('contacts.field_department')}>{contact.department}</DetailField>
            <DetailField label={t('contacts.field_stage')}>
              {contact.lifecycleStage ? t(`stage.${contact.lifecycleStage}`) : null}
            </DetailField>
          </Stack>
        </Card>
        <Card p="lg">
          <Title order={5} mb="md">
            {t('contacts.section_record')}
          </Title>
          <Stack gap="md">
            <DetailField label={t('contacts.created_on')}>{format.dateTime(contact.createdAt)}</DetailField>
            <DetailField label={t('contacts.updated_on')}>
              {format.dateTime(contact.updatedAt)}{' '}
              <Text span c="dimmed" size="xs">
                ({format.ago(contact.updatedAt)})
              </Text>
            </DetailField>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
