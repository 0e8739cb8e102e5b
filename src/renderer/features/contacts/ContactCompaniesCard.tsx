import { Button, Stack, Text } from '@mantine/core';
import { IconBuilding, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { LinkModal } from '../records/LinkModal';
import { LinkRow } from '../records/LinkRow';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';

/** The companies a contact works at (role, primary first), linked and unlinked in place. */
export function ContactCompaniesCard({ contactId, readOnly }: { contactId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const links = useLive(
    async () => (await unwrap(api.contacts.companies({ id: contactId }))).items,
    ['contact_companies', 'companies'],
    contactId,
  );
  const items = links.data ?? [];
  return (
    <SectionCard
      title={t('records.companies')}
      count={items.length}
      testId="contact-companies"
      actions={
        readOnly ? null : (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconLink size={14} />}
            onClick={() => setLinking(true)}
            data-testid="link-company"
          >
            {t('records.link_company')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {links.loading ? t('common.loading') : t('records.no_companies')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((link) => (
            <LinkRow
              key={link.id}
              link={link}
              to={`/companies/${link.companyId}`}
              icon={IconBuilding}
              readOnly={readOnly}
              testId="contact-company"
            />
          ))}
        </Stack>
      )}
      <LinkModal
        opened={linking}
        onClose={() => setLinking(false)}
        title={t('records.link_company')}
        primaryLabel={t('records.primary_company')}
        defaultPrimary={items.length === 0}
        renderPicker={(value, onChange) => (
          <CompanyPicker
            label={t('records.company')}
            value={value}
            onChange={onChange}
            exclude={items.map((l) => l.companyId)}
            autoFocus
            testId="link-company-picker"
          />
        )}
        link={async (company, role, isPrimary) => {
          await unwrap(
            api.contacts.linkCompany({ contactId, companyId: company.id, role: role.trim() || null, isPrimary }),
          );
          await links.reload();
        }}
      />
    </SectionCard>
  );
}
