import { Button } from '@mantine/core';
import { IconTrash, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { RecordListPage, type ListPageConfig } from '../lists/RecordListPage';
import { CONTACT_COLUMNS, CONTACT_DEFAULT_COLUMNS } from './columns';

export { FULL_HEIGHT } from '../lists/layout';

/** The contacts list: the shared record list with the contacts' columns, words and routes. */
export function ContactsPage() {
  const { t } = useTranslation();
  const config = useMemo<ListPageConfig<Contact>>(
    () => ({
      entity: 'contacts',
      title: t('contacts.title'),
      totalText: (count) => t('contacts.total', { count }),
      defaultViewLabel: t('lists.view_all_contacts'),
      tableLabel: t('contacts.table_label'),
      searchLabel: t('contacts.filter_label'),
      searchPlaceholder: t('contacts.filter_placeholder'),
      loadFailed: t('contacts.load_failed'),
      defaultColumns: CONTACT_DEFAULT_COLUMNS,
      overrides: CONTACT_COLUMNS,
      rowLabel: (c) => c.displayName,
      openPath: (c) => `/contacts/${c.id}`,
      testIds: {
        table: 'contacts-table',
        row: 'contact-row',
        total: 'contacts-total',
        search: 'contacts-filter',
        empty: 'contacts-empty',
      },
      actions: (
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
      ),
      emptyBook: (
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
      ),
      noMatch: (query) => (
        <EmptyState
          icon={IconUserSearch}
          title={t('contacts.no_match_title', { query })}
          body={t('contacts.no_match_body')}
          testId="contacts-empty"
        />
      ),
    }),
    [t],
  );
  return <RecordListPage config={config} />;
}
