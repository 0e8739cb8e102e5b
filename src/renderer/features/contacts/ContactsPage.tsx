import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconSearch, IconTrash, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { liveColumns } from './columns';
import { ContactsTable } from './ContactsTable';
import { useContactListStore } from './list-store';
import { useContactPages } from './use-contact-pages';

/** Fills the main area so the list scrolls inside its card, not the page. */
export const FULL_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 64px) - 2 * var(--app-shell-padding, 20px))';

export function ContactsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const openContact = useCallback((c: Contact) => void navigate(`/contacts/${c.id}`), [navigate]);
  const { filter, setFilter, sort, toggleSort } = useContactListStore();
  const [query] = useDebouncedValue(filter.trim(), 200);
  const pages = useContactPages({ query, sort });
  const columns = useMemo(() => liveColumns({ t, format }), [t, format]);

  const subtitle = pages.total === null ? '\u00a0' : t('contacts.total', { count: pages.total });
  const empty = query ? (
    <EmptyState
      icon={IconUserSearch}
      title={t('contacts.no_match_title', { query })}
      body={t('contacts.no_match_body')}
      testId="contacts-empty"
    />
  ) : (
    <EmptyState
      icon={IconUsers}
      title={t('contacts.empty_title')}
      body={t('contacts.empty_body')}
      testId="contacts-empty"
      action={
        <Button component={Link} to="/contacts/new" leftSection={<IconUserPlus size={18} />}>
          {t('contacts.new')}
        </Button>
      }
    />
  );

  return (
    <Stack gap={0} h={FULL_HEIGHT}>
      <PageHeader
        title={t('contacts.title')}
        subtitle={<span data-testid="contacts-total">{subtitle}</span>}
        actions={
          <>
            <Button
              component={Link}
              to="/contacts/trash"
              variant="default"
              leftSection={<IconTrash size={18} stroke={1.7} />}
              data-testid="open-trash"
            >
              {t('contacts.open_trash')}
            </Button>
            <Button
              component={Link}
              to="/contacts/new"
              leftSection={<IconUserPlus size={18} stroke={1.7} />}
              data-testid="new-contact"
            >
              {t('contacts.new')}
            </Button>
          </>
        }
      />
      <Group mb="md">
        <TextInput
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          placeholder={t('contacts.filter_placeholder')}
          aria-label={t('contacts.filter_label')}
          leftSection={<IconSearch size={16} />}
          w={{ base: '100%', sm: 360 }}
          data-testid="contacts-filter"
        />
      </Group>
      {pages.error ? (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} />}
          title={t('contacts.load_failed')}
          mb="md"
          withCloseButton={false}
        >
          <Group justify="space-between">
            {errorText(t, pages.error)}
            <Button size="xs" variant="white" color="red" onClick={pages.retry}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <ContactsTable
        pages={pages}
        columns={columns}
        label={t('contacts.table_label')}
        sort={sort}
        onSort={toggleSort}
        onOpen={openContact}
        empty={empty}
        resetKey={`${query}|${sort.field}|${sort.direction}`}
      />
    </Stack>
  );
}
