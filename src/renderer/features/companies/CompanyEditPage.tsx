import { Stack } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useLive } from '../records/use-live';
import { CompanyBackLink } from './CompanyBackLink';
import { CompanyForm } from './CompanyForm';
import { fromCompany, toCompanyUpdate, type CompanyUpdateInput } from './company-form-values';
import { useCompany } from './use-company';

export function CompanyEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { company, loading } = useCompany(id);
  const fields = useCustomFields('companies');
  const parentId = company?.parentId ?? null;
  const parent = useLive(parentId ? () => unwrap(api.companies.get({ id: parentId })) : null, [], parentId ?? '');

  if (loading || fields.loading || (parentId && parent.loading)) return <LoadingState />;
  if (company && company.id !== id) return <Navigate to={`/companies/${company.id}/edit`} replace />;
  if (!company || company.deleted) {
    return (
      <Stack>
        <CompanyBackLink />
        <EmptyState
          icon={IconBuildingOff}
          color="gray"
          title={t('records.company_not_found')}
          body={t('records.company_not_found_body')}
        />
      </Stack>
    );
  }

  async function save(input: CompanyUpdateInput) {
    const saved = await unwrap(api.companies.update(input));
    notifySuccess(t('contacts.saved_toast'), t('contacts.saved_toast_body', { name: saved.name }));
    await navigate(`/companies/${saved.id}`, { replace: true });
  }

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader
        above={<CompanyBackLink to={`/companies/${company.id}`} label={company.name} />}
        title={t('contacts.edit_title', { name: company.name })}
        subtitle={t('contacts.edit_subtitle')}
      />
      <CompanyForm
        key={company.id}
        initial={fromCompany(
          company,
          fields.data ?? [],
          parent.data ? { id: parent.data.id, name: parent.data.name } : null,
        )}
        fields={fields.data ?? []}
        companyId={company.id}
        submitLabel={t('contacts.save_submit')}
        prepare={(values) => toCompanyUpdate(company.id, values, fields.data ?? [])}
        save={save}
        onCancel={() => void navigate(`/companies/${company.id}`)}
      />
    </Stack>
  );
}
