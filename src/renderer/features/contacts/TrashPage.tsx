import { Button, Stack } from '@mantine/core';
import { IconRestore, IconTrashOff } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { BackLink } from './BackLink';
import { trashColumns } from './columns';
import { FULL_HEIGHT } from './ContactsPage';
import { ContactsTable } from './ContactsTable';
import type { ContactSort } from './list-store';
import { useContactActions } from './use-contact-actions';
import { useContactPages } from './use-contact-pages';

const TRASH_SORT: ContactSort = { field: 'updatedAt', direction: 'desc' };

/** Deleted contacts, most recently deleted first, each with a Restore button. */
export function TrashPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const openContact = useCallback((c: Contact) => void navigate(`/contacts/${c.id}`), [navigate]);
  const pages = useContactPages({ query: '', sort: TRASH_SORT, trash: true });
  const { restore } = useContactActions();

  const columns = useMemo(
    () =>
      trashColumns({ t, format }, (contact: Contact) => (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconRestore size={14} />}
          onClick={(e) => {
            e.stopPropagation();
            void restore(contact);
          }}
          aria-label={t('contacts.restore_named', { name: contact.displayName })}
          data-testid="restore-button"
        >
          {t('common.restore')}
        </Button>
      )),
    [t, format, restore],
  );

  return (
    <Stack gap={0} h={FULL_HEIGHT}>
      <PageHeader
        above={<BackLink />}
        title={t('contacts.trash_title')}
        subtitle={
          <span data-testid="contacts-total">
            {pages.total === null
              ? t('contacts.trash_subtitle')
              : `${t('contacts.total', { count: pages.total })} · ${t('contacts.trash_subtitle')}`}
          </span>
        }
      />
      <ContactsTable
        pages={pages}
        columns={columns}
        label={t('contacts.trash_table_label')}
        onOpen={openContact}
        empty={
          <EmptyState
            icon={IconTrashOff}
            color="gray"
            title={t('contacts.trash_empty_title')}
            body={t('contacts.trash_empty_body')}
            testId="trash-empty"
          />
        }
        resetKey="trash"
      />
    </Stack>
  );
}
