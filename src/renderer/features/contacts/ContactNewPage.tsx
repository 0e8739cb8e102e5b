import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ContactCreateInput } from '../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useWorkspace } from '../members/workspace-store';
import { useLive } from '../records/use-live';
import { BackLink } from './BackLink';
import { syncCompanyLinks } from './company-links';
import { ContactForm } from './ContactForm';
import { EMPTY_FORM, toCreateInput, type ContactFormValues } from './form-values';

/** A new contact; `?company=ID` (from a company page) starts it linked to that company. */
export function ContactNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const companyId = params.get('company');
  const fields = useCustomFields('contacts');
  const company = useLive(companyId ? () => unwrap(api.companies.get({ id: companyId })) : null, [], companyId ?? '');
  const { current, loaded } = useWorkspace();

  if (fields.loading || (companyId && company.loading) || !loaded) return <LoadingState />;

  const initial: ContactFormValues = {
    ...EMPTY_FORM,
    ownerId: current?.id ?? null,
    companies: company.data ? [{ companyId: company.data.id, name: company.data.name, role: '', isPrimary: true }] : [],
  };
  const back = company.data ? `/companies/${company.data.id}` : '/contacts';

  async function save(input: ContactCreateInput, values: ContactFormValues) {
    const contact = await unwrap(api.contacts.create(input));
    try {
      await syncCompanyLinks(contact.id, [], values.companies);
    } catch (error) {
      notifyError(t('records.links_failed'), errorText(t, error));
    }
    notifySuccess(t('contacts.created_toast'), t('contacts.created_toast_body', { name: contact.displayName }));
    await navigate(`/contacts/${contact.id}`, { replace: true });
  }

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader
        above={<BackLink to={back} label={company.data?.name} />}
        title={t('contacts.new_title')}
        subtitle={t('contacts.new_subtitle')}
      />
      <ContactForm
        initial={initial}
        fields={fields.data ?? []}
        submitLabel={t('contacts.create_submit')}
        prepare={(values) => toCreateInput(values, fields.data ?? [])}
        save={save}
        onCancel={() => void navigate(back)}
      />
    </Stack>
  );
}
