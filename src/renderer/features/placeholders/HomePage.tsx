import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconSearch, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { RecentContacts } from './RecentContacts';
import { StatCard } from './StatCard';
import { useHomeData } from './use-home-data';

export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useHomeData();
  const figure = (n: number | null) => (n === null ? null : format.number(n));
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('home.title')}
        subtitle={t('home.subtitle')}
        actions={
          <Button component={Link} to="/contacts/new" leftSection={<IconUserPlus size={18} />}>
            {t('contacts.new')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="lg">
        <StatCard
          label={t('home.stat_contacts')}
          value={figure(data.contacts)}
          icon={IconUsers}
          color="indigo"
          testId="home-contacts-count"
        />
        <StatCard label={t('home.stat_trash')} value={figure(data.trash)} icon={IconTrash} color="gray" />
        <Card p="lg">
          <Title order={6} c="dimmed" tt="uppercase" fz="xs" lts="0.04em" mb="sm">
            {t('home.quick_actions')}
          </Title>
          <Stack gap="xs">
            <Button
              component={Link}
              to="/contacts"
              variant="light"
              justify="flex-start"
              leftSection={<IconAddressBook size={16} />}
            >
              {t('placeholder.go_contacts')}
            </Button>
            <Text size="xs" c="dimmed">
              <IconSearch size={12} style={{ verticalAlign: 'middle', marginRight: 4 }} />
              {t('search.shortcut')}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <RecentContacts contacts={data.recent} />
    </Stack>
  );
}
