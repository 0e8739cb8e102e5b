import { Alert, Group, Select, Stack, Tabs } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportName, ReportTable, SavedReport } from '../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useChanges } from '../../lib/use-changes';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from '../dashboard/period';
import { BuilderPanel } from './BuilderPanel';
import { defaultChart, ReportView } from './ReportView';
import { SavedPanel } from './SavedPanel';
import { SchedulesPanel } from './SchedulesPanel';

/** Reports: the built-in ones over a period, the report builder, saved reports and their schedules. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('builtin');
  const [editing, setEditing] = useState<SavedReport | null>(null);
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t('rep.title')} subtitle={t('rep.subtitle')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="builtin" data-testid="tab-builtin">
            {t('rep.tab_builtin')}
          </Tabs.Tab>
          <Tabs.Tab value="builder" data-testid="tab-builder">
            {t('rep.tab_builder')}
          </Tabs.Tab>
          <Tabs.Tab value="saved" data-testid="tab-saved">
            {t('rep.tab_saved')}
          </Tabs.Tab>
          <Tabs.Tab value="schedules" data-testid="tab-schedules">
            {t('rep.tab_schedules')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="builtin">
          <BuiltinPanel />
        </Tabs.Panel>
        <Tabs.Panel value="builder">
          <BuilderPanel saved={editing} onSaved={setEditing} />
        </Tabs.Panel>
        <Tabs.Panel value="saved">
          <SavedPanel
            onOpen={(r) => {
              setEditing(r);
              setTab('builder');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="schedules">
          <SchedulesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function BuiltinPanel() {
  const { t } = useTranslation();
  const [catalog, setCatalog] = useState<{ name: ReportName; title: string; description: string }[]>([]);
  const [name, setName] = useState<ReportName>('win-rate');
  const [preset, setPreset] = useState<PeriodPreset>('this_year');
  const range = useMemo(() => presetRange(preset), [preset]);
  const [table, setTable] = useState<ReportTable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useChanges('deals', () => setTick((n) => n + 1), 500);
  useEffect(() => {
    void unwrap(api.reports.catalog({})).then((c) => setCatalog(c.items), setError);
  }, []);
  useEffect(() => {
    let live = true;
    setTable(null);
    unwrap(api.reports.run({ name, ...range })).then(
      (r) => live && (setTable(r), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [name, range, tick]);
  const description = catalog.find((c) => c.name === name)?.description;
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={t('rep.choose')}
          data={catalog.map((c) => ({ value: c.name, label: c.title }))}
          value={name}
          onChange={(v) => v && setName(v as ReportName)}
          allowDeselect={false}
          w={300}
          data-testid="report-select"
        />
        <Select
          label={t('dash.period')}
          data={PERIOD_PRESETS.filter((p) => p !== 'custom').map((p) => ({ value: p, label: t(`dash.period_${p}`) }))}
          value={preset}
          onChange={(v) => v && setPreset(v as PeriodPreset)}
          allowDeselect={false}
          w={180}
          data-testid="report-period"
        />
      </Group>
      {description && (
        <Alert variant="light" color="gray" p="xs">
          {description}
        </Alert>
      )}
      {error ? <Alert color="red">{errorText(t, error)}</Alert> : null}
      {table ? (
        <ReportView table={table} chart={defaultChart(name)} source={{ builtin: name, ...range }} />
      ) : error ? null : (
        <LoadingState />
      )}
    </Stack>
  );
}
