import '@mantine/charts/styles.css';
import { DonutChart } from '@mantine/charts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerScore, SegmentName } from '../../../shared/contract';
import { formatMoney } from '../../../shared/domain/billing';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { listLink } from '../dashboard/period';

const SEGMENT_COLORS: Record<SegmentName, string> = {
  champions: 'teal.6',
  loyal: 'green.6',
  new: 'cyan.6',
  promising: 'blue.6',
  need_attention: 'yellow.6',
  cant_lose: 'orange.6',
  at_risk: 'red.6',
  hibernating: 'gray.6',
};

interface Summary {
  segment: SegmentName;
  customers: number;
  monetary: number;
  recencyDays: number;
}

/** RFM segments, lifetime value and churn risk; a segment opens as a companies list or is saved as a view. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<{ currency: string; items: Summary[] } | null>(null);
  const [segment, setSegment] = useState<SegmentName | null>(null);
  const [customers, setCustomers] = useState<CustomerScore[] | null>(null);
  const [churn, setChurn] = useState<CustomerScore[] | null>(null);
  const money = (n: number) => (summary ? formatMoney(Math.round(n), summary.currency, locale) : '—');
  const num = (n: number | null) =>
    n === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

  const load = useCallback(async () => {
    try {
      const [s, c, r] = await Promise.all([
        unwrap(api.segments.summary({})),
        unwrap(api.segments.customers({ ...(segment ? { segment } : {}), limit: 100 })),
        unwrap(api.segments.churnRisk({ limit: 50 })),
      ]);
      setSummary(s);
      setCustomers(c.items);
      setChurn(r.items);
    } catch (e) {
      notifyError(t('seg.title'), errorText(t, e));
    }
  }, [segment, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const refresh = async () => {
    try {
      const r = await unwrap(api.segments.refresh({}));
      notifySuccess(t('seg.refresh'), t('seg.refreshed', { count: r.customers }));
    } catch (e) {
      notifyError(t('seg.refresh'), errorText(t, e));
    }
  };
  const condition = (s: SegmentName) => [{ field: 'segment', operator: 'in', value: [s] }];
  const openList = async (s: SegmentName) => {
    await refresh();
    void navigate(listLink('companies', condition(s)));
  };
  const saveView = async (s: SegmentName) => {
    try {
      await unwrap(api.segments.refresh({}));
      const name = t(`analytics.segment.${s}`);
      await unwrap(
        api.views.create({
          entity: 'companies',
          name,
          shared: true,
          config: { filter: { op: 'and', conditions: condition(s) } },
        }),
      );
      notifySuccess(t('seg.save_view'), t('seg.view_saved', { name }));
    } catch (e) {
      notifyError(t('seg.save_view'), errorText(t, e));
    }
  };

  const items = summary?.items ?? [];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('seg.title')}
        subtitle={t('seg.subtitle')}
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            onClick={() => void refresh()}
            data-testid="segments-refresh"
          >
            {t('seg.refresh')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" mb="lg">
        <Card withBorder p="md">
          <DonutChart
            h={220}
            mx="auto"
            withTooltip
            tooltipDataSource="segment"
            data={items
              .filter((s) => s.customers > 0)
              .map((s) => ({
                name: t(`analytics.segment.${s.segment}`),
                value: s.customers,
                color: SEGMENT_COLORS[s.segment],
              }))}
            pieProps={
              {
                onClick: (_: unknown, index: number) => {
                  const s = items.filter((x) => x.customers > 0)[index];
                  if (s) setSegment(s.segment);
                },
                style: { cursor: 'pointer' },
              } as never
            }
          />
          <Text size="xs" c="dimmed" ta="center">
            {t('seg.cache_hint')}
          </Text>
        </Card>
        <SimpleGrid cols={2} spacing="xs" style={{ gridColumn: 'span 2' }}>
          {items.map((s) => (
            <UnstyledButton
              key={s.segment}
              onClick={() => setSegment(segment === s.segment ? null : s.segment)}
              data-testid={`segment-${s.segment}`}
            >
              <Card withBorder p="sm" bg={segment === s.segment ? 'var(--mantine-color-default-hover)' : undefined}>
                <Group justify="space-between" wrap="nowrap">
                  {/* A narrow card may cut a long name ("No podemos perde…"): the full name shows on hover. */}
                  <Badge
                    color={SEGMENT_COLORS[s.segment].split('.')[0]}
                    variant="light"
                    title={t(`analytics.segment.${s.segment}`)}
                  >
                    {t(`analytics.segment.${s.segment}`)}
                  </Badge>
                  <Text fw={700} data-testid={`segment-${s.segment}-count`}>
                    {num(s.customers)}
                  </Text>
                </Group>
                <Group justify="space-between" mt={4}>
                  <Text size="xs" c="dimmed">
                    {money(s.monetary)}
                  </Text>
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={(e) => (e.stopPropagation(), void openList(s.segment))}
                    >
                      {t('seg.open_list')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={(e) => (e.stopPropagation(), void saveView(s.segment))}
                    >
                      {t('seg.save_view')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder p="md">
          <Title order={5} mb="sm">
            {segment ? t(`analytics.segment.${segment}`) : t('seg.all')}
          </Title>
          <CustomerTable rows={customers} money={money} num={num} withScore />
        </Card>
        <Card withBorder p="md">
          <Title order={5}>{t('seg.churn_title')}</Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('seg.churn_hint')}
          </Text>
          <CustomerTable rows={churn} money={money} num={num} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function CustomerTable({
  rows,
  money,
  num,
  withScore = false,
}: {
  rows: CustomerScore[] | null;
  money: (n: number) => string;
  num: (n: number | null) => string;
  withScore?: boolean;
}) {
  const { t } = useTranslation();
  if (rows && !rows.length)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('seg.none')}
      </Text>
    );
  return (
    <Table striped data-testid={withScore ? 'segment-customers' : 'churn-customers'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('analytics.col.customer')}</Table.Th>
          {withScore && <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('seg.score')}</Table.Th>}
          <Table.Th ta="right">{t('seg.recency')}</Table.Th>
          <Table.Th ta="right">{withScore ? t('seg.frequency') : t('seg.rhythm')}</Table.Th>
          <Table.Th ta="right">{t('seg.ltv')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows ?? []).map((c) => (
          <Table.Tr key={c.companyId}>
            <Table.Td>
              <Link to={`/companies/${c.companyId}`}>{c.name}</Link>
            </Table.Td>
            {withScore && (
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.r} · {c.f} · {c.m}
              </Table.Td>
            )}
            <Table.Td ta="right">{num(c.recencyDays)}</Table.Td>
            <Table.Td ta="right">{withScore ? num(c.frequency) : num(c.rhythmDays)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {money(c.lifetimeValue)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
