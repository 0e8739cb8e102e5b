import { Button, Group, TextInput } from '@mantine/core';
import { IconCalendarDue } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../shared/contract/invoices';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { issueText } from '../records/issues';

/**
 * The invoice's due date, changeable until it is void: a later date takes an invoice out of
 * "overdue", an earlier one can put it there. Mount with `key` on the stored date so a change
 * made elsewhere resets the field.
 */
export function DueDateEditor({ invoice, onSaved }: { invoice: Invoice; onSaved: (i: Invoice) => void }) {
  const { t } = useTranslation();
  const [dueDate, setDueDate] = useState(invoice.dueDate);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await unwrap(api.invoices.update({ id: invoice.id, dueDate })));
    } catch (e) {
      const issue = isApiError(e) ? e.issues[0] : undefined;
      setError(issue ? issueText(t, issue) : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="flex-end">
      <TextInput
        type="date"
        label={t('invoices.due_date')}
        value={dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
        error={error}
        required
        data-testid="invoice-due-date"
      />
      <Button
        variant="light"
        leftSection={<IconCalendarDue size={16} />}
        onClick={save}
        loading={busy}
        disabled={!dueDate || dueDate === invoice.dueDate}
        data-testid="save-due-date"
      >
        {t('invoices.change_due_date')}
      </Button>
    </Group>
  );
}
