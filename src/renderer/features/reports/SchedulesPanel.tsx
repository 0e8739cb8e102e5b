import { Badge, Button, Card, Group, Modal, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportName, ReportSchedule } from '../../../shared/contract';
import { REPORT_NAMES, SCHEDULE_FREQUENCIES } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { useSavedReports } from './SavedPanel';

/** Report schedules: a saved or built-in report written to a folder every day, week or month while the app runs. */
export function SchedulesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [items, setItems] = useState<ReportSchedule[] | null>(null);
  const [open, setOpen] = useState(false);
  const { items: saved } = useSavedReports();
  const load = useCallback(async () => {
    try {
      setItems((await unwrap(api.reports.schedules({}))).items);
    } catch {
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('report_schedules', () => void load());
  const nameOf = (s: ReportSchedule) =>
    s.builtin ? t(`analytics.report.${s.builtin}`) : (saved?.find((r) => r.id === s.reportId)?.name ?? '—');
  const runDue = async () => {
    try {
      const r = await unwrap(api.reports.runDue({}));
      notifySuccess(t('rep.run_due'), t('rep.ran', r));
      void load();
    } catch (e) {
      notifyError(t('rep.run_due'), errorText(t, e));
    }
  };
  const toggle = async (s: ReportSchedule, active: boolean) => {
    try {
      await unwrap(
        api.reports.saveSchedule({
          id: s.id,
          reportId: s.reportId,
          builtin: s.builtin,
          frequency: s.frequency,
          format: s.format,
          folder: s.folder,
          email: s.email,
          active,
        }),
      );
      void load();
    } catch (e) {
      notifyError(t('rep.schedule'), errorText(t, e));
    }
  };
  return (
    <Stack>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void runDue()}>
          {t('rep.run_due')}
        </Button>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)} data-testid="schedule-new">
          {t('rep.schedule_new')}
        </Button>
      </Group>
      {items && !items.length ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('rep.no_schedules')}
        </Text>
      ) : (
        <Card withBorder p={0}>
          <Table data-testid="schedules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rep.schedule_report')}</Table.Th>
                <Table.Th>{t('rep.frequency')}</Table.Th>
                <Table.Th>{t('rep.folder')}</Table.Th>
                <Table.Th>{t('rep.last_run')}</Table.Th>
                <Table.Th>{t('rep.next_run')}</Table.Th>
                <Table.Th>{t('rep.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{nameOf(s)}</Table.Td>
                  <Table.Td>
                    {t(`rep.frequency.${s.frequency}`)} · <Badge variant="light">{s.format.toUpperCase()}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {s.folder}
                    </Text>
                    {s.lastError && (
                      <Text size="xs" c="red">
                        {s.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.lastRunAt ? format.dateTime(s.lastRunAt) : t('rep.never')}</Table.Td>
                  <Table.Td>{format.dateTime(s.nextRunAt)}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={s.active}
                      onChange={(e) => void toggle(s, e.currentTarget.checked)}
                      aria-label={t('rep.active')}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <ScheduleModal
        opened={open}
        onClose={() => setOpen(false)}
        saved={(saved ?? []).map((r) => ({ value: `saved:${r.id}`, label: r.name }))}
        onSaved={() => {
          setOpen(false);
          void load();
        }}
      />
    </Stack>
  );
}

function ScheduleModal(props: {
  opened: boolean;
  onClose: () => void;
  saved: { value: string; label: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [report, setReport] = useState<string>('builtin:pipeline');
  const [frequency, setFrequency] = useState<string>('weekly');
  const [fmt, setFmt] = useState<string>('pdf');
  const [folder, setFolder] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    const [kind, id] = report.split(':') as [string, string];
    try {
      await unwrap(
        api.reports.saveSchedule({
          ...(kind === 'builtin' ? { builtin: id as ReportName } : { reportId: id }),
          frequency: frequency as 'weekly',
          format: fmt as 'pdf',
          folder,
          email: email.trim() || null,
        }),
      );
      notifySuccess(t('rep.schedule_saved'), folder);
      props.onSaved();
    } catch (e) {
      const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues ?? [];
      setErrors(Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message])));
      if (!issues.length) notifyError(t('rep.schedule'), errorText(t, e));
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('rep.schedule_new')}>
      <Stack>
        <Select
          label={t('rep.schedule_report')}
          data={[
            {
              group: t('rep.builtin_group'),
              items: REPORT_NAMES.map((n) => ({ value: `builtin:${n}`, label: t(`analytics.report.${n}`) })),
            },
            ...(props.saved.length ? [{ group: t('rep.saved_group'), items: props.saved }] : []),
          ]}
          value={report}
          onChange={(v) => v && setReport(v)}
          allowDeselect={false}
          searchable
        />
        <Group grow>
          <Select
            label={t('rep.frequency')}
            data={SCHEDULE_FREQUENCIES.map((f) => ({ value: f, label: t(`rep.frequency.${f}`) }))}
            value={frequency}
            onChange={(v) => v && setFrequency(v)}
            allowDeselect={false}
          />
          <Select
            label={t('rep.format')}
            data={['pdf', 'csv'].map((f) => ({ value: f, label: f.toUpperCase() }))}
            value={fmt}
            onChange={(v) => v && setFmt(v)}
            allowDeselect={false}
          />
        </Group>
        <TextInput
          label={t('rep.folder')}
          placeholder={t('rep.folder_hint')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          data-testid="schedule-folder"
        />
        <TextInput
          label={t('rep.email')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()} data-testid="schedule-save">
            {t('rep.schedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
