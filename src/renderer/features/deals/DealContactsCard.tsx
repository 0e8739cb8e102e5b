import { ActionIcon, Anchor, Autocomplete, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEAL_ROLES } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { textOr } from '../records/dynamic-t';
import { ContactPicker } from '../records/pickers/ContactPicker';
import type { Picked } from '../records/pickers/RemotePicker';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';
import { dealErrorText } from './deal-errors';

/** The people on a deal with their role (decision maker, influencer, user...). */
export function DealContactsCard({ dealId, readOnly }: { dealId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const people = useLive(
    async () => (await unwrap(api.deals.contacts({ id: dealId }))).items,
    ['deal_contacts', 'contacts'],
    dealId,
  );
  const [adding, setAdding] = useState(false);
  const [contact, setContact] = useState<Picked | null>(null);
  const [role, setRole] = useState('');
  const roleLabel = (r: string | null) => (r ? textOr(t, `deals.role.${r}`, r) : '');
  const roles = DEAL_ROLES.map((r) => t(`deals.role.${r}`));
  const roleKey = (label: string) => DEAL_ROLES.find((r) => t(`deals.role.${r}`) === label) ?? label;

  const add = async () => {
    if (!contact) return;
    try {
      await unwrap(
        api.deals.linkContact({ dealId, contactId: contact.id, role: role.trim() ? roleKey(role.trim()) : null }),
      );
      setContact(null);
      setRole('');
      setAdding(false);
    } catch (e) {
      notifyError(t('common.error'), dealErrorText(t, e));
    }
  };

  const items = people.data ?? [];
  return (
    <SectionCard
      title={t('deals.contacts_title')}
      count={items.length}
      testId="deal-contacts"
      actions={
        readOnly ? null : (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setAdding((a) => !a)}
            data-testid="add-deal-contact"
          >
            {t('deals.add_contact')}
          </Button>
        )
      }
    >
      <Stack gap="xs">
        {adding ? (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <ContactPicker
                label={t('deals.contact')}
                value={contact}
                onChange={setContact}
                testId="deal-contact-picker"
              />
            </div>
            <Autocomplete
              label={t('deals.role_label')}
              data={roles}
              value={role}
              onChange={setRole}
              w={170}
              comboboxProps={{ withinPortal: true }}
              data-testid="deal-contact-role"
            />
            <Button onClick={() => void add()} disabled={!contact} data-testid="save-deal-contact">
              {t('deals.add')}
            </Button>
          </Group>
        ) : null}
        {items.length === 0 && !adding ? (
          <Text size="sm" c="dimmed">
            {t('deals.no_contacts')}
          </Text>
        ) : null}
        {items.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" data-testid="deal-contact-row">
            <div>
              <Anchor component={Link} to={`/contacts/${c.contactId}`} size="sm" fw={600}>
                {c.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {roleLabel(c.role)}
              </Text>
            </div>
            {readOnly ? null : (
              <Tooltip label={t('deals.remove_contact')} withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('deals.remove_contact_named', { name: c.name })}
                  onClick={() =>
                    void unwrap(api.deals.unlinkContact({ dealId, contactId: c.contactId })).catch((e) =>
                      notifyError(t('common.error'), dealErrorText(t, e)),
                    )
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
