import '@mantine/charts/styles.css';
import { BarChart, DonutChart, FunnelChart } from '@mantine/charts';
import { Alert, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dashboard, DashboardKpi } from '../../../shared/contract';
import { formatMoney } from '../../../shared/domain/billing';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/error-text';
import { valueAxisWidth } from '../../lib/chart-axis';
import { useFormat } from '../../lib/format';
import { useMembers } from '../lists/lookups';
import { KpiCard } from './KpiCard';
import { dealsLink, PERIOD_PRESETS, presetRange, type PeriodPreset, type PeriodRange } from './period';
import { useDashboard } from './use-dashboard';

const COLORS = [
  'indigo.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'cyan.6',
  'pink.6',
  'lime.6',
  'yellow.6',
  'blue.6',
  'red.6',
];

/** Home: the period's sales figures next to the previous period's, and charts that open the records behind them. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const navigate = useNavigate();
  const members = useMembers();
  const [preset, setPreset] = useState<PeriodPreset>('this_month');
  const [custom, setCustom] = useState<PeriodRange>({});
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const range = useMemo(() => presetRange(preset, Date.now(), custom), [preset, custom]);
  const { data, contacts, error } = useDashboard(range, ownerId);

  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined || !data ? '—' : formatMoney(Math.round(minor), data.currency, locale);
  const count = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : new Intl.NumberFormat(locale).format(n);
  const pct = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const days = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '—'
      : t('dash.days', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n) });
  const open = (href: string) => void navigate(href);
  const owner = ownerId ? [{ field: 'ownerId', operator: 'in', value: [ownerId] }] : [];
  const won = { field: 'status', operator: 'in', value: ['won'] };

  const kpi = (
    key: DashboardKpi,
    format: (n: number | null) => string,
    extra: { inverse?: boolean; href?: string } = {},
  ) => {
    const k = data?.kpis[key];
    const change =
      k && k.value !== null && k.previous !== null && k.previous !== 0
        ? (k.value - k.previous) / Math.abs(k.previous)
        : null;
    return (
      <KpiCard
        key={key}
        label={t(`dash.kpi.${key}`)}
        value={k ? format(k.value) : null}
        change={change}
        locale={locale}
        testId={`kpi-${key}`}
        {...(extra.inverse ? { inverse: true } : {})}
        {...(extra.href ? { onClick: () => open(extra.href!) } : {})}
      />
    );
  };

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('home.title')}
        subtitle={data?.missingRates.length ? undefined : t('home.subtitle')}
        actions={
          <Group gap="xs" align="flex-end">
            <Select
              label={t('dash.period')}
              data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dash.period_${p}`) }))}
              value={preset}
              onChange={(v) => v && setPreset(v as PeriodPreset)}
              allowDeselect={false}
              w={170}
              data-testid="dash-period"
            />
            {preset === 'custom' && (
              <>
                <TextInput
                  type="date"
                  label={t('dash.from')}
                  value={custom.from ?? ''}
                  onChange={(e) => setCustom((c) => ({ ...c, from: e.currentTarget.value || undefined }))}
                  data-testid="dash-from"
                />
                <TextInput
                  type="date"
                  label={t('dash.to')}
                  value={custom.to ?? ''}
                  onChange={(e) => setCustom((c) => ({ ...c, to: e.currentTarget.value || undefined }))}
                  data-testid="dash-to"
                />
              </>
            )}
            <Select
              label={t('dash.owner')}
              placeholder={t('dash.owner_all')}
              data={(members ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={ownerId}
              onChange={setOwnerId}
              clearable
              searchable
              w={200}
            />
          </Group>
        }
      />
      {error ? (
        <Alert color="red" icon={<IconAlertCircle />} title={t('dash.load_failed')} mb="md">
          {errorText(t, error)}
        </Alert>
      ) : null}
      {data?.missingRates.length ? (
        <Alert color="yellow" mb="md" data-testid="dash-missing-rates">
          {t('dash.missing_rates', { currencies: data.missingRates.join(', '), base: data.currency })}
        </Alert>
      ) : null}

      {/* Four cards a row only when each is wide enough for a full amount in euros. */}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md" mb="lg">
        <KpiCard
          label={t('dash.kpi.contacts')}
          value={contacts === null ? null : count(contacts)}
          locale={locale}
          testId="home-contacts-count"
        />
        {kpi('pipelineValue', money, {
          href: dealsLink(range, [{ field: 'status', operator: 'in', value: ['open'] }, ...owner], false),
        })}
        {kpi('pipelineWeighted', money)}
        {kpi('openDeals', count)}
        {kpi('won', count, { href: dealsLink(range, [won, ...owner]) })}
        {kpi('wonValue', money, { href: dealsLink(range, [won, ...owner]) })}
        {kpi('lost', count, {
          inverse: true,
          href: dealsLink(range, [{ field: 'status', operator: 'in', value: ['lost'] }, ...owner]),
        })}
        {kpi('lostValue', money, { inverse: true })}
        {kpi('winRate', pct)}
        {kpi('avgDeal', money)}
        {kpi('avgCycleDays', days, { inverse: true })}
        {kpi('newLeads', count)}
        {kpi('newCustomers', count)}
        {kpi('activitiesDone', count)}
        {kpi('overdueTasks', count, { inverse: true })}
        {kpi('overdueInvoices', count, { inverse: true, href: '/invoices' })}
        {kpi('overdueInvoicesValue', money, { inverse: true, href: '/invoices' })}
      </SimpleGrid>

      {data && <Charts data={data} range={range} owner={owner} money={money} count={count} pct={pct} open={open} />}
      {data && (
        <Text size="xs" c="dimmed" mt="md" data-testid="dash-computed">
          {t('dash.chart.click_hint')} · {t('dash.computed_in', { ms: count(data.ms) })}
        </Text>
      )}
    </Stack>
  );
}

interface ChartsProps {
  data: Dashboard;
  range: PeriodRange;
  owner: { field: string; operator: string; value?: unknown }[];
  money: (n: number | null | undefined) => string;
  count: (n: number | null | undefined) => string;
  pct: (n: number | null | undefined) => string;
  open: (href: string) => void;
}

function ChartCard({
  title,
  children,
  empty,
  testId,
}: {
  title: string;
  children: ReactNode;
  empty: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder p="md" data-testid={testId}>
      <Title order={5} mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('dash.chart.empty')}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

function Charts({ data, range, owner, money, count, pct, open }: ChartsProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const won = { field: 'status', operator: 'in', value: ['won'] };
  const click = <T,>(rows: T[], href: (row: T) => string | null) => ({
    onClick: (_: unknown, index: number) => {
      const row = rows[index];
      const link = row ? href(row) : null;
      if (link) open(link);
    },
    style: { cursor: 'pointer' },
  });
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const lastDay = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  };
  const funnel = data.funnel.filter((s) => s.count > 0);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard title={t('dash.chart.funnel')} empty={!funnel.length} testId="chart-funnel">
        {/* The chart is as wide as its card and the funnel takes the left part, so the money labels on the
            right fit instead of being clipped at Mantine's default 300 px square. */}
        <FunnelChart
          size={260}
          w="100%"
          data={funnel.map((s, i) => ({ name: s.name, value: s.value, color: COLORS[i % COLORS.length]! }))}
          withTooltip
          withLabels
          labelsPosition="right"
          valueFormatter={(v) => money(v)}
          funnelProps={
            {
              ...click(funnel, (s) =>
                dealsLink(range, [{ field: 'stageId', operator: 'in', value: [s.stageId] }, ...owner], false),
              ),
              width: '55%',
            } as never
          }
        />
      </ChartCard>
      <ChartCard
        title={t('dash.chart.revenue_by_month')}
        empty={!data.revenueByMonth.length}
        testId="chart-revenue-month"
      >
        <BarChart
          h={260}
          data={data.revenueByMonth.map((m) => ({ month: monthLabel(m.month), value: m.value }))}
          dataKey="month"
          series={[{ name: 'value', label: t('dash.series.won_value'), color: 'indigo.6' }]}
          valueFormatter={(v) => money(v)}
          yAxisProps={{
            width: valueAxisWidth(
              data.revenueByMonth.map((m) => m.value),
              money,
            ),
          }}
          barProps={
            click(data.revenueByMonth, (m) =>
              dealsLink({}, [
                won,
                { field: 'closedAt', operator: 'between', value: [`${m.month}-01`, lastDay(m.month)] },
                ...owner,
              ]),
            ) as never
          }
        />
      </ChartCard>
      <ChartCard title={t('dash.chart.by_owner')} empty={!data.byOwner.length} testId="chart-by-owner">
        <BarChart
          h={Math.max(200, data.byOwner.slice(0, 15).length * 28)}
          data={data.byOwner.slice(0, 15).map((o) => ({ name: o.name, value: o.value }))}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 130 }}
          series={[{ name: 'value', label: t('dash.series.won_value'), color: 'teal.6' }]}
          valueFormatter={(v) => money(v)}
          barProps={
            click(data.byOwner.slice(0, 15), (o) =>
              dealsLink(range, [
                won,
                o.id ? { field: 'ownerId', operator: 'in', value: [o.id] } : { field: 'ownerId', operator: 'is_empty' },
              ]),
            ) as never
          }
        />
      </ChartCard>
      <ChartCard title={t('dash.chart.by_team')} empty={!data.byTeam.length} testId="chart-by-team">
        <DonutChart
          h={240}
          mx="auto"
          withLabelsLine
          withLabels
          withTooltip
          tooltipDataSource="segment"
          valueFormatter={(v) => money(v)}
          data={data.byTeam.map((tm, i) => ({ name: tm.name, value: tm.value, color: COLORS[i % COLORS.length]! }))}
          pieProps={
            click(data.byTeam, (tm) => {
              // Deals of the team: its members as owners.
              return tm.id ? dealsLink(range, [won, ...owner]) : null;
            }) as never
          }
        />
      </ChartCard>
      <ChartCard title={t('dash.chart.by_product')} empty={!data.byProduct.length} testId="chart-by-product">
        <BarChart
          h={260}
          data={data.byProduct.slice(0, 12).map((p) => ({ name: p.name, value: p.value }))}
          dataKey="name"
          series={[{ name: 'value', label: t('dash.series.won_value'), color: 'orange.6' }]}
          valueFormatter={(v) => money(v)}
          yAxisProps={{
            width: valueAxisWidth(
              data.byProduct.slice(0, 12).map((p) => p.value),
              money,
            ),
          }}
          barProps={click(data.byProduct, (p) => (p.id ? `/products` : null)) as never}
        />
      </ChartCard>
      <ChartCard
        title={t('dash.chart.conversion')}
        empty={!data.conversion.some((s) => s.reached)}
        testId="chart-conversion"
      >
        <BarChart
          h={260}
          data={data.conversion.map((s) => ({ name: s.name, reached: s.reached, conversion: s.conversion }))}
          dataKey="name"
          series={[{ name: 'reached', label: t('dash.series.reached'), color: 'grape.6' }]}
          valueFormatter={(v) => count(v)}
          withBarValueLabel
          barProps={
            click(data.conversion, (s) =>
              dealsLink({}, [{ field: 'stageId', operator: 'in', value: [s.stageId] }, ...owner], false),
            ) as never
          }
        />
        <Group gap="md" mt="xs">
          {data.conversion.slice(0, -1).map((s) => (
            <Text size="xs" c="dimmed" key={s.stageId}>
              {s.name} → {pct(s.conversion)}
            </Text>
          ))}
        </Group>
      </ChartCard>
      <ChartCard title={t('dash.chart.activities')} empty={!data.activitiesByMember.length} testId="chart-activities">
        <BarChart
          h={Math.max(200, data.activitiesByMember.slice(0, 15).length * 28)}
          data={data.activitiesByMember.slice(0, 15).map((a) => ({ name: a.name, done: a.value }))}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 130 }}
          series={[{ name: 'done', label: t('dash.series.done'), color: 'cyan.6' }]}
          valueFormatter={(v) => count(v)}
        />
      </ChartCard>
      <ChartCard title={t('dash.chart.sources')} empty={!data.sources.length} testId="chart-sources">
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analytics.col.source')}</Table.Th>
              <Table.Th ta="right">{t('analytics.col.won')}</Table.Th>
              <Table.Th ta="right">{t('analytics.col.lost')}</Table.Th>
              <Table.Th ta="right">{t('analytics.col.winRate')}</Table.Th>
              <Table.Th ta="right">{t('analytics.col.wonValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.sources.map((s) => (
              <Table.Tr
                key={s.source ?? ''}
                style={{ cursor: 'pointer' }}
                onClick={() =>
                  open(
                    dealsLink(range, [
                      { field: 'status', operator: 'in', value: ['won', 'lost'] },
                      s.source
                        ? { field: 'source', operator: 'eq', value: s.source }
                        : { field: 'source', operator: 'is_empty' },
                      ...owner,
                    ]),
                  )
                }
              >
                <Table.Td>{s.name}</Table.Td>
                <Table.Td ta="right">{count(s.won)}</Table.Td>
                <Table.Td ta="right">{count(s.lost)}</Table.Td>
                <Table.Td ta="right">{pct(s.winRate)}</Table.Td>
                <Table.Td ta="right">{money(s.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ChartCard>
    </SimpleGrid>
  );
}
