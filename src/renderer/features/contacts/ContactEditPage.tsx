import { Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ContactUpdateInput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { BackLink } from './BackLink';
import { ContactForm } from './ContactForm';
import { fromContact, toUpdateInput, type ContactFormValues, type Prepared } from './form-values';
import { useContact } from './use-contact';

export function ContactEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { contact, loading } = useContact(id);

  if (loading) return <LoadingState />;
  if (!contact || contact.deleted) {
    return (
      <Stack>
        <BackLink />
        <EmptyState
          icon={IconUserQuestion}
          color="gray"
          title={t('contacts.not_found_title')}
          body={t('contacts.not_found_body')}
        />
      </Stack>
    );
  }

  async function save(prepared: Prepared<unknown>) {
    const { input } = prepared as Prepared<ContactUpdateInput>;
    const saved = await unwrap(api.contacts.update(input));
    notifySuccess(t('contacts.saved_toast'), t('contacts.saved_toast_body', { name: saved.displayName }));
    await navigate(`/contacts/${saved.id}`, { replace: true });
  }

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader
        above={<BackLink to={`/contacts/${contact.id}`} label={contact.displayName} />}
        title={t('contacts.edit_title', { name: contact.displayName })}
        subtitle={t('contacts.edit_subtitle')}
      />
      <ContactForm
        initial={fromContact(contact)}
        submitLabel={t('contacts.save_submit')}
        prepare={(values: ContactFormValues) => toUpdateInput(contact.id, values)}
        save={save}
        onCancel={() => void navigate(`/contacts/${contact.id}`)}
      />
    </Stack>
  );
}
