import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBook, IconDownload, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { setViewedBook, viewedBook } from '../../lib/book-view';
import { errorText } from '../../lib/error-text';
import { CompanyMultiPicker } from '../records/pickers/CompanyMultiPicker';
import type { Picked } from '../records/pickers/RemotePicker';
import { bookSummary } from './book-summary';
import { saveFile, uploadFile } from './upload';

type Scope = 'companies' | 'workspace';

/**
 * Portable client books: chosen companies (with everything about them) or the whole workspace as
 * one file, optionally encrypted; and merging a book in, with what it changed.
 */
export function BookCard() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('companies');
  const [companies, setCompanies] = useState<Picked[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'export' | 'merge' | 'open' | null>(null);
  const navigate = useNavigate();
  const [merged, setMerged] = useState<MethodOutput<'import.book'> | null>(null);
  const needsCompany = scope === 'companies' && companies.length === 0;

  async function run(kind: 'export' | 'merge' | 'open', action: () => Promise<void>) {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(null);
    }
  }

  const exportBook = () =>
    run('export', async () => {
      const book = await unwrap(
        api.export.book({
          ...(scope === 'companies' ? { companyIds: companies.map((c) => c.id) } : {}),
          ...(passphrase ? { passphrase } : {}),
        }),
      );
      saveFile(book);
      notifySuccess(t('import.book_title'), t('import.book_exported', { fileName: book.fileName, count: book.count }));
    });

  const mergeBook = () =>
    run('merge', async () => {
      setMerged(null);
      const uploadId = await uploadFile(file!);
      const result = await unwrap(api.import.book({ uploadId, ...(passphrase ? { passphrase } : {}) }));
      setMerged(result);
      notifySuccess(t('import.book_title'), mergedText(result));
    });

  // Read-only: the book is opened apart from the workspace, and the window then shows it (every
  // screen, asked through the same calls) until "Back to my workspace" in the banner.
  const openBook = () =>
    run('open', async () => {
      const uploadId = await uploadFile(file!);
      const previous = viewedBook();
      const opened = await unwrap(api.import.openBook({ uploadId, ...(passphrase ? { passphrase } : {}) }));
      if (previous) void api.import.closeBook({ bookId: previous.bookId });
      setViewedBook({ bookId: opened.bookId, name: opened.name });
      void navigate('/companies');
    });

  // Rows changed, not field values applied: a value met again with the same stamp counts as
  // applied, so a second merge of the same book would otherwise look as if it did something.
  const mergedText = (result: MethodOutput<'import.book'>) => {
    if (result.rows === 0) return t('import.book_nothing_new');
    const summary = bookSummary(t, result.changed);
    return summary
      ? t('import.book_merged_detail', { rows: result.rows, summary })
      : t('import.book_merged', { rows: result.rows });
  };

  return (
    <Card p="lg">
      <Title order={4}>{t('import.book_title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('import.book_body')}
      </Text>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('import.book_scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            { value: 'companies', label: t('import.book_scope_companies') },
            { value: 'workspace', label: t('import.book_scope_workspace') },
          ]}
          w="fit-content"
          data-testid="book-scope"
        />
        {scope === 'companies' ? (
          <CompanyMultiPicker
            label={t('import.book_companies')}
            description={t('import.book_companies_hint')}
            value={companies}
            onChange={setCompanies}
            testId="book-companies"
          />
        ) : null}
        <Group align="flex-end">
          <PasswordInput
            label={t('import.book_passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            w={240}
            data-testid="book-passphrase"
          />
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === 'export'}
            disabled={busy !== null || needsCompany}
            title={needsCompany ? t('import.book_pick_first') : undefined}
            onClick={() => void exportBook()}
            data-testid="book-export"
          >
            {t('import.book_export')}
          </Button>
        </Group>
        <Group align="flex-end" mt="sm">
          <FileInput
            label={t('import.book_file')}
            placeholder={t('import.file_placeholder')}
            accept=".crmbook,.json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setMerged(null);
            }}
            w={240}
            data-testid="book-file"
          />
          <Button
            leftSection={<IconBook size={16} />}
            loading={busy === 'merge'}
            disabled={!file || busy !== null}
            onClick={() => void mergeBook()}
            data-testid="book-merge"
          >
            {t('import.book_merge')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEye size={16} />}
            loading={busy === 'open'}
            disabled={!file || busy !== null}
            onClick={() => void openBook()}
            data-testid="book-open-read-only"
          >
            {t('import.book_open_read_only')}
          </Button>
        </Group>
        {merged ? (
          <Alert color={merged.rows ? 'teal' : 'gray'} variant="light" data-testid="book-merge-result">
            <Text size="sm" fw={500}>
              {mergedText(merged)}
            </Text>
            {bookSummary(t, merged.counts) ? (
              <Text size="sm" c="dimmed">
                {t('import.book_holds', { summary: bookSummary(t, merged.counts) })}
              </Text>
            ) : null}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
