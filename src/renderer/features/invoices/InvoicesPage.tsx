import { Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { InvoiceSummary } from '../../../shared/contract/invoices';
import type { InvoiceStatus } from '../../../shared/domain/billing';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { useIsoDate, useMinorMoney } from '../products/billing-format';
import { StatusBadge } from '../quotes/StatusBadge';

const FILTERS = ['all', 'overdue', 'unpaid', 'partially_paid', 'paid'] as const;

/** Invoices newest first, with an overdue filter (past due and not fully paid). */
export function InvoicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMinorMoney();
  const isoDate = useIsoDate();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('filter') ?? '') ? params.get('filter')! : 'all';
  const [items, setItems] = useState<InvoiceSummary[] | null>(null);
  const load = useCallback(async () => {
    const input =
      filter === 'all' ? {} : filter === 'overdue' ? { overdue: true } : { status: filter as InvoiceStatus };
    setItems((await unwrap(api.invoices.list(input))).items);
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('invoices', () => void load());
  useChanges('payments', () => void load());

  return (
    <>
      <PageHeader title={t('invoices.title')} subtitle={t('invoices.subtitle')} />
      <Paper withBorder radius="lg" p="md">
        <SegmentedControl
          mb="sm"
          value={filter}
          onChange={(v) => setParams(v === 'all' ? {} : { filter: v })}
          data={FILTERS.map((f) => ({ value: f, label: t(f === 'all' ? 'billing.all' : `billing.state.${f}`) }))}
          data-testid="invoice-filter"
        />
        {items && items.length === 0 ? (
          <EmptyState icon={IconReceipt} title={t(filter === 'overdue' ? 'invoices.none_overdue' : 'invoices.empty')} />
        ) : (
          <Table highlightOnHover data-testid="invoices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.number')}</Table.Th>
                <Table.Th>{t('quotes.customer')}</Table.Th>
                <Table.Th>{t('invoices.due_date')}</Table.Th>
                <Table.Th>{t('billing.status')}</Table.Th>
                <Table.Th ta="right">{t('quotes.total')}</Table.Th>
                <Table.Th ta="right">{t('invoices.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((i) => (
                <Table.Tr key={i.id} onClick={() => navigate(`/invoices/${i.id}`)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Text fw={600}>{i.number}</Text>
                  </Table.Td>
                  <Table.Td>{i.companyName ?? i.dealTitle ?? '—'}</Table.Td>
                  <Table.Td>{isoDate(i.dueDate)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td ta="right">{money(i.totals.total, i.currency)}</Table.Td>
                  <Table.Td ta="right">{money(i.balance, i.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
