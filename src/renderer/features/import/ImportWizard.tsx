import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJob, ImportSettings, ImportTarget, MethodOutput } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { dynamicT } from '../records/dynamic-t';
import { saveText, uploadFile } from './upload';
import { VariantsTable } from './VariantsTable';

type Entity = 'contacts' | 'companies' | 'products' | 'members' | 'deals';

/** The list each kind of record lives in, opened after an import. */
const LIST_OF: Record<Entity, string> = {
  contacts: '/contacts',
  companies: '/companies',
  products: '/products',
  members: '/settings/members',
  deals: '/deals/list',
};
type Inspect = MethodOutput<'import.inspect'>;
type Step = 0 | 1 | 2 | 3;

const POLL_MS = 250;

/** Waits for a job to finish, reporting each status it passes through. */
async function follow(jobId: string, onStatus: (job: ImportJob) => void): Promise<ImportJob> {
  for (;;) {
    const job = await unwrap(api.import.status({ jobId }));
    onStatus(job);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * The import wizard: a file, its columns mapped to fields (suggested from the headers), a check of
 * every row before anything is written, then the import itself with progress, cancel and undo.
 */
export function ImportWizard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const tt = dynamicT(t);
  const [step, setStep] = useState<Step>(0);
  const [entity, setEntity] = useState<Entity>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [inspect, setInspect] = useState<Inspect | null>(null);
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [options, setOptions] = useState<Pick<ImportSettings, 'dedupe' | 'createMissing' | 'dateFormat' | 'decimal'>>({
    dedupe: 'skip',
    createMissing: false,
    dateFormat: 'auto',
    decimal: 'auto',
  });
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [mappingName, setMappingName] = useState('');
  const [saved, setSaved] = useState<MethodOutput<'import.mappings'>['items']>([]);
  const cancelled = useRef(false);

  useEffect(() => {
    void unwrap(api.import.mappings({ entity })).then(
      (r) => setSaved(r.items),
      () => setSaved([]),
    );
  }, [entity]);

  // The variants table's choices: a name as the file writes it → the record it means.
  const [aliases, setAliases] = useState<Record<string, string>>({});
  const settings = (): ImportSettings => ({
    ...options,
    columns,
    ...(Object.keys(aliases).length ? { aliases } : {}),
  });

  async function choose(next: File | null) {
    setFile(next);
    setJob(null);
    if (!next) return;
    setUploading(true);
    try {
      const id = await uploadFile(next);
      setUploadId(id);
      const found = await unwrap(api.import.inspect({ uploadId: id, entity }));
      setInspect(found);
      setColumns(found.columns);
      setAliases({});
      setStep(1);
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setUploading(false);
    }
  }

  async function run(dryRun: boolean) {
    if (!uploadId) return;
    setBusy(true);
    cancelled.current = false;
    try {
      const started = await unwrap(api.import.start({ uploadId, entity, settings: settings(), dryRun }));
      setJob(started);
      setStep(dryRun ? 2 : 3);
      const done = await follow(started.id, setJob);
      if (!dryRun && done.state === 'done') {
        notifySuccess(t('import.running'), t('import.done', done.counts ?? {}));
        onImported();
      }
      if (done.state === 'cancelled') notifySuccess(t('import.cancel'), t('import.cancelled_toast'));
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  async function downloadReport() {
    if (!job) return;
    const report = await unwrap(api.import.errorReport({ jobId: job.id }));
    saveText(report.csv, report.fileName, 'text/csv');
  }

  async function undo() {
    if (!job?.batchId) return;
    try {
      await unwrap(api.import.undo({ id: job.batchId }));
      notifySuccess(t('import.undo'), t('import.undone'));
      onImported();
      setJob({ ...job, batchId: null });
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function saveMapping() {
    try {
      await unwrap(api.import.saveMapping({ entity, name: mappingName.trim(), settings: settings() }));
      notifySuccess(t('import.save_mapping'), t('import.mapping_saved'));
      setSaved((await unwrap(api.import.mappings({ entity }))).items);
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  function reset() {
    setStep(0);
    setFile(null);
    setUploadId(null);
    setInspect(null);
    setJob(null);
  }

  const targetLabel = (target: ImportTarget) =>
    target.kind === 'custom'
      ? t('import.target.custom', { label: target.label ?? target.key })
      : tt(`import.target.${target.key}`);
  const targetOptions = [
    { value: '', label: t('import.skip_column') },
    ...(inspect?.targets ?? []).map((target) => ({ value: target.key, label: targetLabel(target) })),
  ];
  const isVcard = inspect?.format === 'vcf';
  const counts = job?.counts;
  const fraction = job && job.total > 0 ? Math.min(1, job.done / job.total) : 0;

  return (
    <Card p="lg" data-testid="import-wizard">
      <Stepper active={step} size="sm" mb="lg">
        <Stepper.Step label={t('import.step_file')} />
        <Stepper.Step label={t('import.step_map')} />
        <Stepper.Step label={t('import.step_check')} />
        <Stepper.Step label={t('import.step_done')} />
      </Stepper>

      {step === 0 ? (
        <Stack gap="md" maw={520}>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('import.entity_label')}
            </Text>
            <SegmentedControl
              value={entity}
              onChange={(v) => setEntity(v as Entity)}
              data={[
                { value: 'contacts', label: t('nav.contacts') },
                { value: 'companies', label: t('nav.companies') },
                { value: 'deals', label: t('nav.deals') },
                { value: 'products', label: t('nav.products') },
                { value: 'members', label: t('import.entity.members') },
              ]}
              data-testid="import-entity"
            />
          </div>
          <FileInput
            label={t('import.file_label')}
            placeholder={t('import.file_placeholder')}
            accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard"
            value={file}
            onChange={(f) => void choose(f)}
            leftSection={<IconUpload size={16} />}
            disabled={uploading}
            data-testid="import-file"
          />
          {uploading ? <Progress value={100} animated aria-label={t('import.uploading')} /> : null}
        </Stack>
      ) : null}

      {step === 1 && inspect ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed" data-testid="import-detected">
            {isVcard
              ? t('import.vcard_detected')
              : t('import.detected', {
                  encoding: inspect.encoding,
                  delimiter: inspect.delimiter === '\t' ? 'TAB' : inspect.delimiter,
                  header: inspect.hasHeader ? t('import.detected_header') : t('import.detected_no_header'),
                })}
          </Text>
          {!isVcard ? (
            <>
              {saved.length ? (
                <Select
                  label={t('import.saved_mappings')}
                  data={saved.map((m) => ({ value: m.id, label: m.name }))}
                  onChange={(id) => {
                    const m = saved.find((x) => x.id === id);
                    if (!m) return;
                    setColumns({ ...columns, ...(m.settings.columns ?? {}) });
                    setAliases({ ...aliases, ...(m.settings.aliases ?? {}) });
                    setOptions({ ...options, ...m.settings, columns: undefined } as typeof options);
                  }}
                  maw={320}
                  data-testid="import-saved-mappings"
                />
              ) : null}
              <ScrollArea.Autosize mah={420}>
                <Table striped withTableBorder data-testid="import-mapping">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('import.column')}</Table.Th>
                      <Table.Th>{t('import.sample')}</Table.Th>
                      <Table.Th>{t('import.target')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {inspect.headers.map((header, i) => (
                      <Table.Tr key={header}>
                        <Table.Td fw={500}>{header}</Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed" lineClamp={1}>
                            {inspect.sample
                              .slice(0, 3)
                              .map((r) => r[i] ?? '')
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={240}>
                          <Select
                            aria-label={t('import.target') + ': ' + header}
                            data={targetOptions}
                            value={columns[header] ?? ''}
                            onChange={(v) => setColumns({ ...columns, [header]: v ? v : null })}
                            searchable
                            allowDeselect={false}
                            data-testid={`import-map-${header}`}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          ) : null}
          <Group gap="xl" align="flex-end" wrap="wrap">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('import.dedupe_label')}
              </Text>
              <SegmentedControl
                value={options.dedupe ?? 'skip'}
                onChange={(v) => setOptions({ ...options, dedupe: v as ImportSettings['dedupe'] })}
                data={(['skip', 'update', 'create'] as const).map((d) => ({
                  value: d,
                  label: t(`import.dedupe.${d}`),
                }))}
                data-testid="import-dedupe"
              />
            </div>
            {!isVcard ? (
              <>
                <Select
                  label={t('import.date_format')}
                  value={options.dateFormat ?? 'auto'}
                  onChange={(v) =>
                    setOptions({ ...options, dateFormat: (v ?? 'auto') as ImportSettings['dateFormat'] })
                  }
                  data={(['auto', 'mdy', 'dmy', 'iso'] as const).map((d) => ({
                    value: d,
                    label: t(`import.date.${d}`),
                  }))}
                  allowDeselect={false}
                  w={160}
                />
                <Select
                  label={t('import.decimal')}
                  value={options.decimal ?? 'auto'}
                  onChange={(v) => setOptions({ ...options, decimal: (v ?? 'auto') as ImportSettings['decimal'] })}
                  data={[
                    { value: 'auto', label: t('import.decimal.auto') },
                    { value: '.', label: t('import.decimal.point') },
                    { value: ',', label: t('import.decimal.comma') },
                  ]}
                  allowDeselect={false}
                  w={160}
                />
                <Switch
                  label={t('import.create_missing')}
                  checked={options.createMissing ?? false}
                  onChange={(e) => setOptions({ ...options, createMissing: e.currentTarget.checked })}
                  data-testid="import-create-missing"
                />
              </>
            ) : null}
          </Group>
          {!isVcard ? (
            <Group align="flex-end">
              <TextInput
                label={t('import.mapping_name')}
                value={mappingName}
                onChange={(e) => setMappingName(e.currentTarget.value)}
                w={260}
              />
              <Button variant="default" disabled={!mappingName.trim()} onClick={() => void saveMapping()}>
                {t('import.save_mapping')}
              </Button>
            </Group>
          ) : null}
          <Group justify="space-between">
            <Button variant="subtle" onClick={reset}>
              {t('import.back')}
            </Button>
            <Button onClick={() => void run(true)} loading={busy} data-testid="import-check">
              {t('import.check')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      {step === 2 && job ? (
        <Stack gap="md">
          {job.state === 'running' ? (
            <Stack gap={4}>
              <Text size="sm">{t('import.checking')}</Text>
              <Progress value={fraction * 100} animated />
            </Stack>
          ) : job.error || (counts && counts.errors > 0) ? (
            <Stack gap="sm">
              <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="import-errors">
                {counts && counts.errors > 0
                  ? t('import.preview_errors', { errors: counts.errors })
                  : job.error?.message}
              </Alert>
              {job.issues.length ? (
                <ScrollArea.Autosize mah={360}>
                  <Table striped withTableBorder data-testid="import-issues">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.row')}</Table.Th>
                        <Table.Th>{t('import.column')}</Table.Th>
                        <Table.Th>{t('import.value')}</Table.Th>
                        <Table.Th>{t('import.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {job.issues.map((issue, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{issue.row}</Table.Td>
                          <Table.Td>{issue.column ?? ''}</Table.Td>
                          <Table.Td>{issue.value ?? ''}</Table.Td>
                          <Table.Td>{issue.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              ) : null}
              <Group>
                <Button variant="subtle" onClick={() => setStep(1)} data-testid="import-back-to-map">
                  {t('import.back')}
                </Button>
                {job.issues.length ? (
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} />}
                    onClick={() => void downloadReport()}
                    data-testid="import-report"
                  >
                    {t('import.download_report')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Alert color="teal" icon={<IconCheck size={18} />} data-testid="import-preview-ok">
                {t('import.preview_ok', counts ?? {})}
              </Alert>
              {job.matches.length ? (
                <VariantsTable
                  matches={job.matches}
                  aliases={aliases}
                  onChange={setAliases}
                  onRecheck={() => void run(true)}
                  busy={busy}
                />
              ) : null}
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => setStep(1)}>
                  {t('import.back')}
                </Button>
                <Button onClick={() => void run(false)} loading={busy} data-testid="import-run">
                  {t('import.run', { rows: counts?.rows ?? 0 })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      ) : null}

      {step === 3 && job ? (
        <Stack gap="md">
          {job.state === 'running' ? (
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm">{tt(`import.phase.${job.phase}`)}</Text>
                {job.etaMs !== null ? (
                  <Text size="sm" c="dimmed">
                    {t('import.eta', { seconds: Math.ceil(job.etaMs / 1000) })}
                  </Text>
                ) : null}
              </Group>
              <Progress value={fraction * 100} animated data-testid="import-progress" />
              <Group>
                <Button
                  color="red"
                  variant="light"
                  onClick={() => void unwrap(api.import.cancel({ jobId: job.id }))}
                  data-testid="import-cancel"
                >
                  {t('import.cancel')}
                </Button>
              </Group>
            </Stack>
          ) : job.state === 'done' ? (
            <Stack gap="sm">
              <Alert color="teal" icon={<IconCheck size={18} />} data-testid="import-done">
                {t('import.done', counts ?? {})}
              </Alert>
              <Group>
                <Button component={Link} to={LIST_OF[entity]} variant="light" data-testid="import-open-list">
                  {t('import.open_list')}
                </Button>
                {job.batchId ? (
                  <Button variant="default" onClick={() => void undo()} data-testid="import-undo">
                    {t('import.undo')}
                  </Button>
                ) : null}
                <Button variant="subtle" onClick={reset}>
                  {t('import.start_over')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Alert color={job.state === 'cancelled' ? 'yellow' : 'red'} data-testid="import-failed">
                {job.state === 'cancelled' ? t('import.cancelled_toast') : job.error?.message}
              </Alert>
              <Button variant="subtle" onClick={reset} w="fit-content">
                {t('import.start_over')}
              </Button>
            </Stack>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}
