import { Button, Stack, Text } from '@mantine/core';
import { IconLink, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { LinkModal } from '../records/LinkModal';
import { LinkRow } from '../records/LinkRow';
import { ContactPicker } from '../records/pickers/ContactPicker';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';

/** The people of a company with their roles; add a new one or link an existing contact. */
export function CompanyContactsCard({ companyId, readOnly }: { companyId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const links = useLive(
    async () => (await unwrap(api.companies.contacts({ id: companyId }))).items,
    ['contact_companies', 'contacts'],
    companyId,
  );
  const items = links.data ?? [];
  return (
    <SectionCard
      title={t('records.people')}
      count={items.length}
      testId="company-contacts"
      actions={
        readOnly ? null : (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconLink size={14} />}
              onClick={() => setLinking(true)}
              data-testid="link-contact"
            >
              {t('records.link_contact')}
            </Button>
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
          </>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {links.loading ? t('common.loading') : t('records.no_people')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((link) => (
            <LinkRow
              key={link.id}
              link={link}
              to={`/contacts/${link.contactId}`}
              icon={IconUser}
              readOnly={readOnly}
              testId="company-contact"
            />
          ))}
        </Stack>
      )}
      <LinkModal
        opened={linking}
        onClose={() => setLinking(false)}
        title={t('records.link_contact')}
        primaryLabel={t('records.primary_company_of_contact')}
        renderPicker={(value, onChange) => (
          <ContactPicker
            label={t('records.contact')}
            value={value}
            onChange={onChange}
            exclude={items.map((l) => l.contactId)}
            autoFocus
            testId="link-contact-picker"
          />
        )}
        link={async (contact, role, isPrimary) => {
          await unwrap(
            api.contacts.linkCompany({ contactId: contact.id, companyId, role: role.trim() || null, isPrimary }),
          );
          await links.reload();
        }}
      />
    </SectionCard>
  );
}
