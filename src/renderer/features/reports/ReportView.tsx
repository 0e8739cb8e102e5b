import '@mantine/charts/styles.css';
import { BarChart, FunnelChart, LineChart, PieChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Menu, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartType, ReportSource, ReportTable } from '../../../shared/contract';
import { formatReportCell } from '../../../shared/domain/report-format';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { valueAxisWidth } from '../../lib/chart-axis';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { listLink } from '../dashboard/period';
import { downloadChartPng, saveBase64 } from './png';

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

/** A report: its chart (bars by default), its table with totals, drill-down on click, and exports. */
export function ReportView({ table, chart, source }: { table: ReportTable; chart: ChartType; source: ReportSource }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const navigate = useNavigate();
  const chartRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const fmt = (v: unknown, kind: ReportTable['columns'][number]['kind']) =>
    formatReportCell((v ?? null) as string | number | null, kind, table.currency, locale);
  const label = table.columns[0];
  const measure =
    table.columns.find((c, i) => i > 0 && c.kind === 'money') ??
    table.columns.find((c, i) => i > 0 && (c.kind === 'count' || c.kind === 'number'));
  const drill = (index: number) => {
    const d = table.drill[index];
    if (d) void navigate(listLink(d.entity, d.conditions));
  };
  const chartData =
    label && measure
      ? table.rows.map((r) => ({
          name: label.kind === 'month' ? fmt(r[label.key], 'month') : String(r[label.key] ?? '—'),
          value: typeof r[measure.key] === 'number' ? (r[measure.key] as number) : 0,
        }))
      : [];
  const valueFormatter = (v: number) => (measure ? fmt(v, measure.kind) : String(v));
  const axisWidth = valueAxisWidth(
    chartData.map((d) => d.value),
    valueFormatter,
  );
  const click = { onClick: (_: unknown, index: number) => drill(index), style: { cursor: 'pointer' } } as never;

  const exportAs = async (format: 'csv' | 'xlsx' | 'pdf') => {
    setBusy(true);
    try {
      const file = await unwrap(api.reports.export({ source, format }));
      saveBase64(file.base64, file.mime, file.filename);
      notifySuccess(t('rep.export'), t('rep.exported', { file: file.filename }));
    } catch (e) {
      notifyError(t('rep.export'), errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const exportPng = async () => {
    if (chartRef.current && (await downloadChartPng(chartRef.current, `${table.name}.png`)))
      notifySuccess(t('rep.export'), t('rep.exported', { file: `${table.name}.png` }));
  };

  return (
    <Card withBorder p="md" data-testid="report-view">
      <Group justify="space-between" mb="sm">
        <Title order={4} data-testid="report-title">
          {table.title}
        </Title>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="light" leftSection={<IconDownload size={16} />} loading={busy} data-testid="report-export">
              {t('rep.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportAs('csv')} data-testid="export-csv">
              {t('rep.export_csv')}
            </Menu.Item>
            <Menu.Item onClick={() => void exportAs('xlsx')} data-testid="export-xlsx">
              {t('rep.export_xlsx')}
            </Menu.Item>
            <Menu.Item onClick={() => void exportAs('pdf')} data-testid="export-pdf">
              {t('rep.export_pdf')}
            </Menu.Item>
            <Menu.Item
              onClick={() => void exportPng()}
              disabled={chart === 'table' || !chartData.length}
              data-testid="export-png"
            >
              {t('rep.export_png')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {table.missingRates.length ? (
        <Alert color="yellow" mb="sm">
          {t('rep.missing_rates', { currencies: table.missingRates.join(', ') })}
        </Alert>
      ) : null}
      {chart !== 'table' && chartData.length > 0 && (
        <div ref={chartRef} data-testid="report-chart">
          {chart === 'bar' && (
            <BarChart
              h={300}
              data={chartData}
              dataKey="name"
              series={[{ name: 'value', label: measure!.label, color: 'indigo.6' }]}
              valueFormatter={valueFormatter}
              yAxisProps={{ width: axisWidth }}
              barProps={click}
            />
          )}
          {chart === 'line' && (
            <LineChart
              h={300}
              data={chartData}
              dataKey="name"
              series={[{ name: 'value', label: measure!.label, color: 'indigo.6' }]}
              valueFormatter={valueFormatter}
              yAxisProps={{ width: axisWidth }}
              curveType="monotone"
            />
          )}
          {chart === 'pie' && (
            <PieChart
              h={300}
              mx="auto"
              withLabels
              withLabelsLine
              withTooltip
              tooltipDataSource="segment"
              valueFormatter={valueFormatter}
              data={chartData.filter((d) => d.value > 0).map((d, i) => ({ ...d, color: COLORS[i % COLORS.length]! }))}
              pieProps={click}
            />
          )}
          {chart === 'funnel' && (
            // As wide as the card, the funnel on its left part: the labels on its right are not clipped.
            <FunnelChart
              size={300}
              w="100%"
              withLabels
              withTooltip
              valueFormatter={valueFormatter}
              data={chartData.filter((d) => d.value > 0).map((d, i) => ({ ...d, color: COLORS[i % COLORS.length]! }))}
              funnelProps={{ ...(click as object), width: '60%' } as never}
            />
          )}
        </div>
      )}
      {table.rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('rep.empty')}
        </Text>
      ) : (
        <ScrollArea mt="md">
          <Table striped highlightOnHover data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c, i) => (
                  <Table.Th key={c.key} ta={i === 0 ? 'left' : 'right'}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r, index) => (
                <Table.Tr
                  key={index}
                  onClick={table.drill[index] ? () => drill(index) : undefined}
                  style={table.drill[index] ? { cursor: 'pointer' } : undefined}
                >
                  {table.columns.map((c, i) => (
                    <Table.Td key={c.key} ta={i === 0 ? 'left' : 'right'}>
                      {fmt(r[c.key], c.kind)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {Object.keys(table.summary).length > 0 && (
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  {table.columns.map((c, i) => (
                    <Table.Td
                      key={c.key}
                      ta={i === 0 ? 'left' : 'right'}
                      data-testid={i === 0 ? undefined : `total-${c.key}`}
                    >
                      {i === 0 ? t('rep.total') : c.key in table.summary ? fmt(table.summary[c.key], c.kind) : ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}

/** The chart that suits a built-in report. */
export function defaultChart(name: string): ChartType {
  if (name === 'pipeline' || name === 'stage-conversion') return 'funnel';
  if (name === 'revenue-by-month' || name === 'forecast') return 'line';
  if (name === 'rfm' || name === 'revenue-by-team') return 'pie';
  if (name === 'churn-risk' || name === 'loyalty') return 'table';
  return 'bar';
}
