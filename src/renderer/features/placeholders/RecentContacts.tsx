import { Anchor, Card, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { StageBadge } from '../contacts/StageBadge';

export function RecentContacts({ contacts }: { contacts: Contact[] | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card p="lg">
      <Group justify="space-between" mb="md">
        <Title order={5}>{t('home.recent')}</Title>
        <Anchor component={Link} to="/contacts" size="sm">
          {t('home.view_all')}
        </Anchor>
      </Group>
      {contacts === null ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={40} />
          ))}
        </Stack>
      ) : contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.recent_empty')}
        </Text>
      ) : (
        <Stack gap={4}>
          {contacts.map((c) => (
            <UnstyledButton
              key={c.id}
              component={Link}
              to={`/contacts/${c.id}`}
              p="xs"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              className="crm-hoverable"
            >
              <Group gap="sm" wrap="nowrap">
                <ContactAvatar name={c.displayName} size={36} />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {c.displayName}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[c.jobTitle, c.emails[0]?.value].filter(Boolean).join(' · ') || '\u00a0'}
                  </Text>
                </Stack>
                <StageBadge stage={c.lifecycleStage} />
                <Text size="xs" c="dimmed" w={110} ta="right">
                  {format.ago(c.updatedAt)}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Card>
  );
}
