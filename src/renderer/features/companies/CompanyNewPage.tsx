import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/LoadingState';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useWorkspace } from '../members/workspace-store';
import { useLive } from '../records/use-live';
import { CompanyBackLink } from './CompanyBackLink';
import { CompanyForm } from './CompanyForm';
import { EMPTY_COMPANY, toCompanyCreate, type CompanyCreateInput } from './company-form-values';

/** A new company; `?parent=ID` (from a company page) starts it as that company's subsidiary. */
export function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const parentId = params.get('parent');
  const fields = useCustomFields('companies');
  const parent = useLive(parentId ? () => unwrap(api.companies.get({ id: parentId })) : null, [], parentId ?? '');
  const { current, loaded } = useWorkspace();

  if (fields.loading || (parentId && parent.loading) || !loaded) return <LoadingState />;
  const back = parent.data ? `/companies/${parent.data.id}` : '/companies';

  async function save(input: CompanyCreateInput) {
    const company = await unwrap(api.companies.create(input));
    notifySuccess(t('records.company_created'), t('records.company_created_body', { name: company.name }));
    await navigate(`/companies/${company.id}`, { replace: true });
  }

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader
        above={<CompanyBackLink to={back} label={parent.data?.name} />}
        title={t('records.new_company')}
        subtitle={t('records.new_company_subtitle')}
      />
      <CompanyForm
        initial={{
          ...EMPTY_COMPANY,
          ownerId: current?.id ?? null,
          parent: parent.data ? { id: parent.data.id, name: parent.data.name } : null,
        }}
        fields={fields.data ?? []}
        submitLabel={t('records.create_company')}
        prepare={(values) => toCompanyCreate(values, fields.data ?? [])}
        save={save}
        onCancel={() => void navigate(back)}
      />
    </Stack>
  );
}
