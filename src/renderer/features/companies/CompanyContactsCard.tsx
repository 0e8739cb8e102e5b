import { Button } from '@mantine/core';
import { IconUser, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { LinksCard } from '../records/LinksCard';
import { ContactPicker } from '../records/pickers/ContactPicker';
import { useLive } from '../records/use-live';

/** The people of a company with their roles; add a new one or link an existing contact. */
export function CompanyContactsCard({ companyId, readOnly }: { companyId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const links = useLive(
    async () => (await unwrap(api.companies.contacts({ id: companyId }))).items,
    ['contact_companies', 'contacts'],
    companyId,
  );
  return (
    <LinksCard
      title={t('records.people')}
      testId="company-contacts"
      readOnly={readOnly}
      links={links}
      emptyText={t('records.no_people')}
      otherId={(l) => l.contactId}
      otherPath="contacts"
      rowIcon={IconUser}
      rowTestId="company-contact"
      linkLabel={t('records.link_contact')}
      linkTestId="link-contact"
      extraActions={
        <Button
          size="compact-sm"
          variant="light"
          component={Link}
          to={`/contacts/new?company=${companyId}`}
          leftSection={<IconUserPlus size={14} />}
          data-testid="add-company-contact"
        >
          {t('records.add_contact')}
        </Button>
      }
      primaryLabel={t('records.primary_company_of_contact')}
      renderPicker={(value, onChange, exclude) => (
        <ContactPicker
          label={t('records.contact')}
          value={value}
          onChange={onChange}
          exclude={exclude}
          autoFocus
          testId="link-contact-picker"
        />
      )}
      link={async (contact, role, isPrimary) => {
        await unwrap(
          api.contacts.linkCompany({ contactId: contact.id, companyId, role: role.trim() || null, isPrimary }),
        );
      }}
    />
  );
}
