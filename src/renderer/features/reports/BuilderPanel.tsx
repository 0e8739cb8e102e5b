import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BuilderConfig,
  BuilderEntity,
  BuilderField,
  ChartType,
  FilterGroup,
  ReportTable,
  SavedReport,
} from '../../../shared/contract';
import { BUILDER_ENTITIES, CHART_TYPES, DATE_BUCKETS, MEASURE_OPS } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import type { FilterEnv } from '../lists/filter/context';
import { FilterBuilder } from '../lists/filter/FilterBuilder';
import { FilterChips } from '../lists/filter/FilterChips';
import { useListFormat } from '../lists/format';
import { useBaseCurrency, useCustomFields, useFieldCatalog, useMembers, useTags } from '../lists/lookups';
import { EMPTY_FILTER } from '../lists/types';
import { ReportView } from './ReportView';

type Group = NonNullable<BuilderConfig['groupBy']>[number];
type Measure = BuilderConfig['measures'][number];
const FILTERABLE = new Set<BuilderEntity>(['deals', 'companies', 'contacts']);

const initial = (entity: BuilderEntity): BuilderConfig => ({
  entity,
  groupBy: [{ field: 'createdAt', bucket: 'month' }],
  measures: [{ op: 'count' }],
  chart: 'bar',
});

/** The report builder: entity, filters (the lists' builder), two groupings, measures, chart; run, save and share. */
export function BuilderPanel({ saved, onSaved }: { saved: SavedReport | null; onSaved: (r: SavedReport) => void }) {
  const { t } = useTranslation();
  const [config, setConfig] = useState<BuilderConfig>(() => saved?.config ?? initial('deals'));
  const [fields, setFields] = useState<BuilderField[]>([]);
  const [table, setTable] = useState<ReportTable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saveOpen, setSaveOpen] = useState(false);
  const [filterOpen, setFilterOpen] = useState(false);

  useEffect(() => {
    if (saved) setConfig(saved.config);
  }, [saved]);
  useEffect(() => {
    void unwrap(api.reports.fields({ entity: config.entity })).then((f) => setFields(f.items), setError);
  }, [config.entity]);

  const run = useCallback(async () => {
    try {
      setTable(await unwrap(api.reports.build({ config })));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [config]);
  useEffect(() => {
    void run();
  }, [run]);

  const groupable = fields.filter((f) => f.groupable).map((f) => ({ value: f.field, label: f.label }));
  const measurable = fields.filter((f) => f.measurable).map((f) => ({ value: f.field, label: f.label }));
  const kindOf = (field: string) => fields.find((f) => f.field === field)?.kind;
  const setGroup = (i: number, g: Group | null) =>
    setConfig((c) => {
      const groups = [...(c.groupBy ?? [])];
      if (g) groups[i] = g;
      else groups.splice(i, 1);
      return { ...c, groupBy: groups };
    });
  const setMeasure = (i: number, m: Measure | null) =>
    setConfig((c) => {
      const measures = [...c.measures];
      if (m) measures[i] = m;
      else measures.splice(i, 1);
      return { ...c, measures: measures.length ? measures : [{ op: 'count' }] };
    });

  const groupRow = (i: number) => {
    const g = config.groupBy?.[i];
    return (
      <Group key={i} align="flex-end" gap="xs">
        <Select
          label={i === 0 ? t('rep.group_by') : t('rep.then_by')}
          placeholder={t('rep.no_group')}
          data={groupable}
          value={g?.field ?? null}
          onChange={(v) =>
            setGroup(i, v ? { field: v, ...(kindOf(v) === 'date' ? { bucket: g?.bucket ?? 'month' } : {}) } : null)
          }
          clearable
          searchable
          w={220}
          data-testid={`group-${i}`}
        />
        {g && kindOf(g.field) === 'date' && (
          <Select
            label={t('rep.bucket')}
            data={DATE_BUCKETS.map((b) => ({ value: b, label: t(`rep.bucket.${b}`) }))}
            value={g.bucket ?? 'month'}
            onChange={(v) => v && setGroup(i, { ...g, bucket: v as Group['bucket'] })}
            allowDeselect={false}
            w={130}
            data-testid={`bucket-${i}`}
          />
        )}
      </Group>
    );
  };

  return (
    <Stack>
      <Card withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="sm">
            <Group align="flex-end" gap="xs">
              <Select
                label={t('rep.entity')}
                data={BUILDER_ENTITIES.map((e) => ({ value: e, label: t(`rep.entity.${e}`) }))}
                value={config.entity}
                onChange={(v) => v && setConfig(initial(v as BuilderEntity))}
                allowDeselect={false}
                w={200}
                data-testid="builder-entity"
              />
              <Select
                label={t('rep.chart_type')}
                data={CHART_TYPES.map((c) => ({ value: c, label: t(`rep.chart.${c}`) }))}
                value={config.chart ?? 'table'}
                onChange={(v) => v && setConfig((c) => ({ ...c, chart: v as ChartType }))}
                allowDeselect={false}
                w={150}
                data-testid="builder-chart"
              />
            </Group>
            {groupRow(0)}
            {(config.groupBy?.length ?? 0) >= 1 && groupRow(1)}
            <Group gap="xs" align="flex-end">
              <TextInput
                type="date"
                label={`${t('rep.created_between')} · ${t('dash.from')}`}
                value={config.from ?? ''}
                onChange={(e) => {
                  const from = e.currentTarget.value;
                  setConfig((c) => ({ ...c, from: from || undefined }));
                }}
              />
              <TextInput
                type="date"
                label={t('dash.to')}
                value={config.to ?? ''}
                onChange={(e) => {
                  const to = e.currentTarget.value;
                  setConfig((c) => ({ ...c, to: to || undefined }));
                }}
              />
            </Group>
          </Stack>
          <Stack gap="sm">
            <Text fw={600} size="sm">
              {t('rep.measures')}
            </Text>
            {config.measures.map((m, i) => (
              <Group key={i} gap="xs" align="flex-end">
                <Select
                  data={MEASURE_OPS.map((o) => ({ value: o, label: t(`rep.op.${o}`) }))}
                  value={m.op}
                  onChange={(v) =>
                    v &&
                    setMeasure(
                      i,
                      v === 'count'
                        ? { op: 'count' }
                        : { op: v as Measure['op'], field: m.field ?? measurable[0]?.value },
                    )
                  }
                  allowDeselect={false}
                  w={130}
                  aria-label={t('rep.measures')}
                  data-testid={`measure-op-${i}`}
                />
                {m.op !== 'count' && (
                  <Select
                    data={measurable}
                    value={m.field ?? null}
                    onChange={(v) => v && setMeasure(i, { ...m, field: v })}
                    placeholder={t('rep.of_field')}
                    w={200}
                    aria-label={t('rep.of_field')}
                    data-testid={`measure-field-${i}`}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setMeasure(i, null)}
                  aria-label={t('rep.remove')}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              w="fit-content"
              disabled={config.measures.length >= 6}
              onClick={() => setConfig((c) => ({ ...c, measures: [...c.measures, { op: 'count' }] }))}
              data-testid="add-measure"
            >
              {t('rep.add_measure')}
            </Button>
            {FILTERABLE.has(config.entity) && (
              <BuilderFilter
                entity={config.entity as 'deals'}
                filter={(config.filter as FilterGroup | undefined) ?? EMPTY_FILTER}
                onChange={(filter) => setConfig((c) => ({ ...c, filter }))}
                opened={filterOpen}
                onOpenChange={setFilterOpen}
                validate={async (filter) => void (await unwrap(api.reports.build({ config: { ...config, filter } })))}
              />
            )}
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setSaveOpen(true)} data-testid="builder-save">
            {t('rep.save')}
          </Button>
        </Group>
      </Card>
      {error ? <Alert color="red">{errorText(t, error)}</Alert> : null}
      {table && (
        <ReportView
          table={saved ? { ...table, title: saved.name } : table}
          chart={config.chart ?? 'table'}
          source={{ config }}
        />
      )}
      <SaveReportModal
        opened={saveOpen}
        onClose={() => setSaveOpen(false)}
        saved={saved}
        config={config}
        onSaved={(r) => {
          setSaveOpen(false);
          onSaved(r);
        }}
      />
    </Stack>
  );
}

function BuilderFilter(props: {
  entity: 'deals' | 'companies' | 'contacts';
  filter: FilterGroup;
  onChange: (f: FilterGroup) => void;
  opened: boolean;
  onOpenChange: (o: boolean) => void;
  validate: (f: FilterGroup) => Promise<void>;
}) {
  const { t } = useTranslation();
  const catalog = useFieldCatalog(props.entity);
  const customFields = useCustomFields(props.entity);
  const members = useMembers();
  const tags = useTags();
  const currency = useBaseCurrency();
  const format = useListFormat(currency);
  const env = useMemo<FilterEnv>(
    () => ({
      t,
      format,
      fields: new Map((catalog ?? []).map((f) => [f.field, f])),
      customDefs: new Map((customFields ?? []).map((d) => [d.key, d])),
      members: members ?? [],
      tags: tags ?? [],
    }),
    [t, format, catalog, customFields, members, tags],
  );
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('rep.filters')}
      </Text>
      <Group gap="xs">
        <FilterBuilder
          env={env}
          filter={props.filter}
          validate={props.validate}
          onApply={props.onChange}
          opened={props.opened}
          onOpenChange={props.onOpenChange}
        />
      </Group>
      {props.filter.conditions.length > 0 && (
        <FilterChips
          env={env}
          filter={props.filter}
          onChange={props.onChange}
          onEdit={() => props.onOpenChange(true)}
        />
      )}
    </Stack>
  );
}

function SaveReportModal(props: {
  opened: boolean;
  onClose: () => void;
  saved: SavedReport | null;
  config: BuilderConfig;
  onSaved: (r: SavedReport) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.opened) {
      setName(props.saved?.name ?? '');
      setShared(props.saved?.shared ?? false);
      setError(null);
    }
  }, [props.opened, props.saved]);
  const save = async (asNew: boolean) => {
    try {
      const r = await unwrap(
        api.reports.save({
          ...(props.saved && !asNew ? { id: props.saved.id } : {}),
          name,
          shared,
          config: props.config,
        }),
      );
      notifySuccess(t('rep.saved'), r.name);
      props.onSaved(r);
    } catch (e) {
      setError(errorText(t, e));
      notifyError(t('rep.save'), errorText(t, e));
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('rep.save')}>
      <Stack>
        <TextInput
          label={t('rep.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          data-autofocus
          data-testid="report-name"
        />
        <Checkbox label={t('rep.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
        <Group justify="flex-end">
          {props.saved && (
            <Button variant="default" onClick={() => void save(true)}>
              {t('rep.save_as')}
            </Button>
          )}
          <Button onClick={() => void save(false)} data-testid="report-save-confirm">
            {t('rep.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
