import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconBan, IconCash, IconDownload, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Invoice } from '../../../shared/contract/invoices';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { downloadPdf, useIsoDate, useMinorMoney } from '../products/billing-format';
import { MoneyInput } from '../products/MoneyInput';
import { StatusBadge } from '../quotes/StatusBadge';
import { DueDateEditor } from './DueDateEditor';
import { InvoiceLines } from './InvoiceLines';

function PaymentForm({ invoice, onSaved }: { invoice: Invoice; onSaved: (i: Invoice) => void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(invoice.balance);
  const [date, setDate] = useState('');
  const [method, setMethod] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const updated = await unwrap(
        api.payments.record({
          invoiceId: invoice.id,
          amount: amount ?? 0,
          ...(date ? { date } : {}),
          ...(method ? { method } : {}),
        }),
      );
      // No toast: the status badge and the balance change in place (and a toast would cover this form).
      setAmount(updated.balance);
      onSaved(updated);
    } catch (e) {
      const message = isApiError(e) ? (e.issues[0]?.message ?? e.message) : String(e);
      // Shown under the amount: the field it is about.
      setError(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="flex-end">
      <MoneyInput
        label={t('invoices.payment_amount')}
        currency={invoice.currency}
        value={amount}
        onChange={setAmount}
        error={error}
        w={180}
      />
      <TextInput
        type="date"
        label={t('invoices.payment_date')}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <TextInput
        label={t('invoices.payment_method')}
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value)}
      />
      <Button leftSection={<IconCash size={16} />} onClick={record} loading={busy}>
        {t('invoices.record_payment')}
      </Button>
    </Group>
  );
}

export function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const money = useMinorMoney();
  const isoDate = useIsoDate();
  const [invoice, setInvoice] = useState<Invoice | null>(null);
  const load = useCallback(async () => setInvoice(await unwrap(api.invoices.get({ id }))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('payments', () => void load());
  useChanges('invoices', (ids) => {
    if (!ids.length || ids.includes(id)) void load();
  });
  if (!invoice) return <LoadingState />;

  const act = async (fn: () => Promise<Invoice>) => {
    try {
      setInvoice(await fn());
    } catch (e) {
      notifyError(t('billing.not_saved'), e instanceof Error ? e.message : String(e));
    }
  };
  const open = invoice.status !== 'paid' && invoice.status !== 'void';

  return (
    <>
      <PageHeader
        above={
          <Text component={Link} to="/invoices" size="sm" c="dimmed">
            ← {t('invoices.title')}
          </Text>
        }
        title={`${t('invoices.invoice')} ${invoice.number}`}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge status={invoice.status} />
            <span>{t('invoices.due_on', { date: isoDate(invoice.dueDate) })}</span>
            {invoice.companyName ? <span>· {invoice.companyName}</span> : null}
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => void unwrap(api.invoices.pdf({ id })).then(downloadPdf)}
            >
              {t('billing.download_pdf')}
            </Button>
            {invoice.status !== 'void' && invoice.paid === 0 ? (
              <Button
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
                onClick={() => act(() => unwrap(api.invoices.void({ id })))}
              >
                {t('invoices.void')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="lg" p="md">
          <InvoiceLines key={invoice.updatedAt} invoice={invoice} onSaved={setInvoice} />
        </Paper>
        {invoice.status !== 'void' ? (
          <Paper withBorder radius="lg" p="md">
            <DueDateEditor key={invoice.dueDate} invoice={invoice} onSaved={setInvoice} />
          </Paper>
        ) : null}
        <Paper withBorder radius="lg" p="md">
          <Text fw={650} mb="xs">
            {t('invoices.payments')}
          </Text>
          {invoice.payments.length ? (
            <Table data-testid="payments-table" mb="md">
              <Table.Tbody>
                {invoice.payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{isoDate(p.date)}</Table.Td>
                    <Table.Td>{p.method}</Table.Td>
                    <Table.Td ta="right">{money(p.amount, invoice.currency)}</Table.Td>
                    <Table.Td w={40}>
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        aria-label={t('invoices.remove_payment')}
                        onClick={() => act(() => unwrap(api.payments.delete({ id: p.id })))}
                      >
                        <IconTrash size={14} />
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed" size="sm" mb="md">
              {t('invoices.no_payments')}
            </Text>
          )}
          {open ? <PaymentForm key={invoice.updatedAt + invoice.paid} invoice={invoice} onSaved={setInvoice} /> : null}
        </Paper>
      </Stack>
    </>
  );
}
