import { Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../shared/contract/invoices';
import { documentTotals, percentToRate } from '../../../shared/domain/billing';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { draftPriced, lineErrors, LinesEditor, toLineInput, type DraftLine } from '../quotes/LinesEditor';
import { TotalsBox } from '../quotes/TotalsBox';

const draftsOf = (invoice: Invoice): DraftLine[] => invoice.lines.map((l) => ({ ...l, key: l.id }));

/**
 * An invoice's lines and totals. Until a payment is recorded (and unless it is void) a mistake in
 * them can be corrected in place, the totals following as one types; after that they are fixed.
 * Mount with `key` on the invoice's updatedAt so a change made elsewhere resets the draft.
 */
export function InvoiceLines({ invoice, onSaved }: { invoice: Invoice; onSaved: (i: Invoice) => void }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<DraftLine[]>(() => draftsOf(invoice));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const editable = invoice.paid === 0 && invoice.status !== 'void';
  const dirty = useMemo(
    () => JSON.stringify(lines.map(toLineInput)) !== JSON.stringify(draftsOf(invoice).map(toLineInput)),
    [lines, invoice],
  );
  const totals = useMemo(
    () => (dirty ? documentTotals(lines.map(draftPriced), percentToRate(invoice.discountPercent)) : invoice.totals),
    [dirty, lines, invoice],
  );

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const saved = await unwrap(api.invoices.update({ id: invoice.id, lines: lines.map(toLineInput) }));
      notifySuccess(t('billing.saved'), saved.number);
      onSaved(saved);
    } catch (error) {
      const inline = lineErrors(error);
      setErrors(inline);
      if (!Object.keys(inline).length)
        notifyError(t('billing.not_saved'), error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <LinesEditor lines={lines} onChange={setLines} currency={invoice.currency} readOnly={!editable} errors={errors} />
      <TotalsBox
        totals={totals}
        currency={invoice.currency}
        extra={[
          [t('invoices.paid'), invoice.paid, 'total-paid'],
          [t('invoices.balance'), dirty ? Math.max(0, totals.total - invoice.paid) : invoice.balance, 'total-balance'],
        ]}
      />
      {editable ? (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('invoices.lines_editable_hint')}
          </Text>
          <Group gap="xs">
            {dirty ? (
              <Button variant="default" onClick={() => setLines(draftsOf(invoice))}>
                {t('invoices.discard_lines')}
              </Button>
            ) : null}
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={busy} disabled={!dirty}>
              {t('invoices.save_lines')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
