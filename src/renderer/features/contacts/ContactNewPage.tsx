import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ContactCreateInput } from '../../../shared/contract';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { BackLink } from './BackLink';
import { ContactForm } from './ContactForm';
import { EMPTY_FORM, toCreateInput, type Prepared } from './form-values';

export function ContactNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();

  async function save(prepared: Prepared<unknown>) {
    const { input } = prepared as Prepared<ContactCreateInput>;
    const contact = await unwrap(api.contacts.create(input));
    notifySuccess(t('contacts.created_toast'), t('contacts.created_toast_body', { name: contact.displayName }));
    await navigate(`/contacts/${contact.id}`, { replace: true });
  }

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader above={<BackLink />} title={t('contacts.new_title')} subtitle={t('contacts.new_subtitle')} />
      <ContactForm
        initial={EMPTY_FORM}
        submitLabel={t('contacts.create_submit')}
        prepare={toCreateInput}
        save={save}
        onCancel={() => void navigate('/contacts')}
      />
    </Stack>
  );
}
