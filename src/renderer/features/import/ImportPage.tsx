import { Badge, Button, Card, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { ExportEntity } from '../../../shared/contract';
import { IconDatabaseExport, IconDownload, IconHistory, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useLive } from '../records/use-live';
import { BackupsCard } from '../security/BackupsCard';
import { BookCard } from './BookCard';
import { ImportWizard } from './ImportWizard';
import { downloadExport } from './download';
import { saveFile } from './upload';

type Tab = 'import' | 'history' | 'export';

/** Getting data in and out: the import wizard, past imports (undoable), exports and backups. */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (['import', 'history', 'export'].includes(params.get('tab') ?? '') ? params.get('tab') : 'import') as Tab;
  const [version, setVersion] = useState(0);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'import' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="import" leftSection={<IconUpload size={16} />} data-testid="import-tab-import">
            {t('import.tab_import')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="import-tab-history">
            {t('import.tab_history')}
          </Tabs.Tab>
          <Tabs.Tab value="export" leftSection={<IconDatabaseExport size={16} />} data-testid="import-tab-export">
            {t('import.tab_export')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import">
          <ImportWizard onImported={() => setVersion(version + 1)} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ImportHistory />
        </Tabs.Panel>
        <Tabs.Panel value="export">
          <ExportPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useLive(() => unwrap(api.import.history({})), ['contacts', 'companies'], 'history');
  const items = history.data?.items ?? [];

  async function undo(id: string) {
    try {
      await unwrap(api.import.undo({ id }));
      notifySuccess(t('import.undo'), t('import.undone'));
      await history.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  const entityLabel = (entity: string) =>
    entity === 'companies'
      ? t('nav.companies')
      : entity === 'deals'
        ? t('nav.deals')
        : entity === 'products'
          ? t('nav.products')
          : entity === 'members'
            ? t('import.entity.members')
            : t('nav.contacts');
  if (!items.length) return <Text c="dimmed">{t('import.history_empty')}</Text>;
  return (
    <Card p={0}>
      <Table striped data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.history_file')}</Table.Th>
            <Table.Th>{t('import.history_when')}</Table.Th>
            <Table.Th>{t('import.history_counts')}</Table.Th>
            <Table.Th>{t('import.history_status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id} data-testid="import-history-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {b.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {entityLabel(b.entity)}
                </Text>
              </Table.Td>
              <Table.Td>{format.dateTime(b.createdAt)}</Table.Td>
              <Table.Td>
                {t('import.history_counts_text', {
                  created: b.counts.created ?? 0,
                  updated: b.counts.updated ?? 0,
                  skipped: b.counts.skipped ?? 0,
                })}
              </Table.Td>
              <Table.Td>
                <Badge color={b.status === 'done' ? 'teal' : 'gray'} variant="light">
                  {b.status === 'done' ? t('import.status.done') : t('import.status.undone')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {b.status === 'done' ? (
                  <Button size="xs" variant="default" onClick={() => void undo(b.id)} data-testid="import-history-undo">
                    {t('import.undo')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

type ExportChoice = 'csv' | 'csv_excel' | 'xlsx' | 'vcf';

function ExportPanel() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<ExportEntity>('contacts');
  const [choice, setChoice] = useState<ExportChoice>('csv');
  const [busy, setBusy] = useState(false);

  async function exportNow() {
    setBusy(true);
    try {
      if (choice === 'vcf') {
        const file = await unwrap(api.export.records({ entity, format: 'vcf' }));
        saveFile(file);
        notifySuccess(t('import.export_title'), t('import.exported', { count: file.count }));
      } else {
        // Any number of rows: written aside and fetched in pieces.
        const { count } = await downloadExport({
          entity,
          format: choice === 'xlsx' ? 'xlsx' : 'csv',
          ...(choice === 'csv_excel' ? { bom: true } : {}),
        });
        notifySuccess(t('import.export_title'), t('import.exported', { count }));
      }
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  async function run(action: () => Promise<void>) {
    try {
      await action();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  return (
    <Stack gap="lg">
      <Card p="lg">
        <Title order={4} mb="sm">
          {t('import.export_title')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('import.export_entity')}
            value={entity}
            onChange={(v) => {
              const next = (v ?? 'contacts') as ExportEntity;
              setEntity(next);
              if (next !== 'contacts' && choice === 'vcf') setChoice('csv');
            }}
            data={[
              { value: 'contacts', label: t('nav.contacts') },
              { value: 'companies', label: t('nav.companies') },
              { value: 'deals', label: t('nav.deals') },
              { value: 'activities', label: t('nav.activities') },
            ]}
            data-testid="export-entity"
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('import.export_format')}
            value={choice}
            onChange={(v) => setChoice((v ?? 'csv') as ExportChoice)}
            data={(['csv', 'csv_excel', 'xlsx', ...(entity === 'contacts' ? ['vcf'] : [])] as ExportChoice[]).map(
              (f) => ({
                value: f,
                label: t(`import.format.${f}`),
              }),
            )}
            allowDeselect={false}
            w={200}
            data-testid="export-format"
          />
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => void exportNow()}
            loading={busy}
            data-testid="export-run"
          >
            {t('import.export_button')}
          </Button>
        </Group>
        <Group mt="lg" align="center">
          <Button
            variant="default"
            onClick={() => void run(async () => saveFile(await unwrap(api.export.workspace({}))))}
            data-testid="export-workspace"
          >
            {t('import.export_workspace')}
          </Button>
          <Text size="sm" c="dimmed" maw={520}>
            {t('import.export_workspace_body')}
          </Text>
        </Group>
      </Card>
      <BookCard />
      <BackupsCard />
    </Stack>
  );
}
