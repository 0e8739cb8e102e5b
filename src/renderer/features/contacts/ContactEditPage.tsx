import { Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { ContactUpdateInput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useLive } from '../records/use-live';
import { BackLink } from './BackLink';
import { syncCompanyLinks } from './company-links';
import { ContactForm } from './ContactForm';
import { fromContact, toLinkRows, toUpdateInput, type ContactFormValues } from './form-values';
import { useContact } from './use-contact';

export function ContactEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { contact, loading } = useContact(id);
  const fields = useCustomFields('contacts');
  // Read once: the form edits a snapshot, not a list that moves while typing.
  const links = useLive(() => unwrap(api.contacts.companies({ id })), [], id);

  if (loading || fields.loading || links.loading) return <LoadingState />;
  if (contact && contact.id !== id) return <Navigate to={`/contacts/${contact.id}/edit`} replace />;
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
  const before = toLinkRows(links.data?.items ?? []);

  async function save(input: ContactUpdateInput, values: ContactFormValues) {
    const saved = await unwrap(api.contacts.update(input));
    try {
      await syncCompanyLinks(saved.id, before, values.companies);
    } catch (error) {
      notifyError(t('records.links_failed'), errorText(t, error));
    }
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
        key={contact.id}
        initial={fromContact(contact, fields.data ?? [], links.data?.items ?? [])}
        fields={fields.data ?? []}
        contact={contact}
        submitLabel={t('contacts.save_submit')}
        prepare={(values) => toUpdateInput(contact.id, values, fields.data ?? [])}
        save={save}
        onCancel={() => void navigate(`/contacts/${contact.id}`)}
      />
    </Stack>
  );
}
