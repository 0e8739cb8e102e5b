import { Button, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconFileDescription, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { QuoteSummary } from '../../../shared/contract/quotes';
import type { QuoteStatus } from '../../../shared/domain/billing';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { useIsoDate, useMinorMoney } from '../products/billing-format';
import { StatusBadge } from './StatusBadge';

const FILTERS = ['all', 'draft', 'sent', 'accepted', 'declined', 'expired'] as const;

export function QuotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMinorMoney();
  const isoDate = useIsoDate();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [items, setItems] = useState<QuoteSummary[] | null>(null);
  const load = useCallback(async () => {
    const status = filter === 'all' ? {} : { status: filter as QuoteStatus };
    setItems((await unwrap(api.quotes.list(status))).items);
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('quotes', () => void load());

  return (
    <>
      <PageHeader
        title={t('quotes.title')}
        subtitle={t('quotes.subtitle')}
        actions={
          <Button component={Link} to="/quotes/new" leftSection={<IconPlus size={16} />}>
            {t('quotes.new')}
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="md">
        <SegmentedControl
          mb="sm"
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          data={FILTERS.map((f) => ({ value: f, label: t(f === 'all' ? 'billing.all' : `billing.state.${f}`) }))}
        />
        {items && items.length === 0 ? (
          <EmptyState icon={IconFileDescription} title={t('quotes.empty')} />
        ) : (
          <Table highlightOnHover data-testid="quotes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.number')}</Table.Th>
                <Table.Th>{t('quotes.customer')}</Table.Th>
                <Table.Th>{t('quotes.issue_date')}</Table.Th>
                <Table.Th>{t('quotes.expiry_date')}</Table.Th>
                <Table.Th>{t('billing.status')}</Table.Th>
                <Table.Th ta="right">{t('quotes.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((q) => (
                <Table.Tr key={q.id} onClick={() => navigate(`/quotes/${q.id}`)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Text fw={600}>{q.number}</Text>
                  </Table.Td>
                  <Table.Td>{q.companyName ?? q.dealTitle ?? '—'}</Table.Td>
                  <Table.Td>{isoDate(q.issueDate)}</Table.Td>
                  <Table.Td>{isoDate(q.expiryDate)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={q.status} />
                  </Table.Td>
                  <Table.Td ta="right">{money(q.totals.total, q.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
