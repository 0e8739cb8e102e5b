import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { LinksCard } from '../records/LinksCard';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { useLive } from '../records/use-live';

/** The companies a contact works at (role, primary first), linked and unlinked in place. */
export function ContactCompaniesCard({ contactId, readOnly }: { contactId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const links = useLive(
    async () => (await unwrap(api.contacts.companies({ id: contactId }))).items,
    ['contact_companies', 'companies'],
    contactId,
  );
  return (
    <LinksCard
      title={t('records.companies')}
      testId="contact-companies"
      readOnly={readOnly}
      links={links}
      emptyText={t('records.no_companies')}
      otherId={(l) => l.companyId}
      otherPath="companies"
      rowIcon={IconBuilding}
      rowTestId="contact-company"
      linkLabel={t('records.link_company')}
      linkTestId="link-company"
      primaryLabel={t('records.primary_company')}
      defaultPrimary={(links.data ?? []).length === 0}
      renderPicker={(value, onChange, exclude) => (
        <CompanyPicker
          label={t('records.company')}
          value={value}
          onChange={onChange}
          exclude={exclude}
          autoFocus
          testId="link-company-picker"
        />
      )}
      link={async (company, role, isPrimary) => {
        await unwrap(
          api.contacts.linkCompany({ contactId, companyId: company.id, role: role.trim() || null, isPrimary }),
        );
      }}
    />
  );
}
