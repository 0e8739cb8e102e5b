import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { saveFile } from './upload';

/**
 * "Export client book" on a company's page: that company with all its contacts, deals, activities
 * and notes as one .crmbook, encrypted when a passphrase is given.
 */
export function ExportBookButton({ companyId, name }: { companyId: string; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconBook size={18} />}
        onClick={() => setOpened(true)}
        data-testid="company-export-book"
      >
        {t('import.book_export_company')}
      </Button>
      <FormModal opened={opened} onClose={() => setOpened(false)} title={t('import.book_export_company')}>
        <ExportBookForm companyId={companyId} name={name} onDone={() => setOpened(false)} />
      </FormModal>
    </>
  );
}

function ExportBookForm({ companyId, name, onDone }: { companyId: string; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportBook() {
    setBusy(true);
    try {
      const book = await unwrap(api.export.book({ companyIds: [companyId], ...(passphrase ? { passphrase } : {}) }));
      saveFile(book);
      notifySuccess(t('import.book_title'), t('import.book_exported', { fileName: book.fileName, count: book.count }));
      onDone();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void exportBook();
      }}
    >
      <Stack>
        <Text size="sm">{t('import.book_export_company_body', { name })}</Text>
        <PasswordInput
          label={t('import.book_passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          data-autofocus
          data-testid="company-book-passphrase"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="company-book-export">
            {t('import.book_export')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
