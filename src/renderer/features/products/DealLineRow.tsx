import { ActionIcon, NumberInput, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line } from '../../../shared/contract/products';
import { isApiError } from '../../lib/api-error';
import { issueText } from '../records/issues';
import { useMinorMoney } from './billing-format';
import { MoneyInput } from './MoneyInput';

export type LinePatch = Partial<Pick<Line, 'quantity' | 'unitPrice' | 'discountPercent' | 'taxPercent'>>;

interface Props {
  line: Line;
  n: number;
  currency: string;
  /** Saves one changed field; rejects with the back end's refusal. */
  onSave: (patch: LinePatch) => Promise<void>;
  onRemove: () => void;
}

type Field = keyof LinePatch;

/**
 * One deal line whose quantity, unit price, discount and tax change in place: each field is saved
 * when it loses focus (or on Enter), so the totals under the table follow without a separate form.
 * A refused value stays in the field with the reason under it until it is corrected.
 */
export function DealLineRow({ line, n, currency, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const money = useMinorMoney();
  const [draft, setDraft] = useState<Record<Field, number | string | null>>({
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    taxPercent: line.taxPercent,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // A value changed elsewhere (a price list, another device) replaces the field's; the row stays
  // mounted so focus is not lost while tabbing through it.
  const { quantity, unitPrice, discountPercent, taxPercent } = line;
  useEffect(() => {
    setDraft({ quantity, unitPrice, discountPercent, taxPercent });
  }, [quantity, unitPrice, discountPercent, taxPercent]);

  const commit = async (field: Field) => {
    const raw = draft[field];
    const value = raw === '' || raw === null ? NaN : Number(raw);
    if (value === line[field]) return setErrors((e) => ({ ...e, [field]: undefined }));
    try {
      // An emptied field is sent as it is (NaN is not a number for the contract): the refusal says what is missing.
      await onSave({ [field]: Number.isNaN(value) ? null : value } as LinePatch);
      setErrors((e) => ({ ...e, [field]: undefined }));
    } catch (error) {
      const issue = isApiError(error) ? error.issues[0] : undefined;
      setErrors((e) => ({
        ...e,
        [field]: issue ? issueText(t, issue) : error instanceof Error ? error.message : String(error),
      }));
    }
  };
  const keys = (field: Field) => ({
    onBlur: () => void commit(field),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter') void commit(field);
    },
  });
  const percent = (field: 'discountPercent' | 'taxPercent', label: 'quotes.discount_n' | 'quotes.tax_n') => (
    <NumberInput
      aria-label={t(label, { n: String(n) })}
      value={draft[field] ?? ''}
      onChange={(v) => setDraft((d) => ({ ...d, [field]: v }))}
      decimalScale={2}
      suffix=" %"
      error={errors[field]}
      size="xs"
      {...keys(field)}
    />
  );

  return (
    <Table.Tr data-testid={`deal-line-${n}`}>
      <Table.Td>{line.description}</Table.Td>
      <Table.Td w={90}>
        <NumberInput
          aria-label={t('quotes.quantity_n', { n: String(n) })}
          value={draft.quantity ?? ''}
          onChange={(v) => setDraft((d) => ({ ...d, quantity: v }))}
          decimalScale={3}
          error={errors.quantity}
          size="xs"
          {...keys('quantity')}
        />
      </Table.Td>
      <Table.Td w={130}>
        <MoneyInput
          aria-label={t('quotes.unit_price_n', { n: String(n) })}
          currency={currency}
          value={typeof draft.unitPrice === 'number' ? draft.unitPrice : null}
          onChange={(v) => setDraft((d) => ({ ...d, unitPrice: v }))}
          error={errors.unitPrice}
          size="xs"
          {...keys('unitPrice')}
        />
      </Table.Td>
      <Table.Td w={90}>{percent('discountPercent', 'quotes.discount_n')}</Table.Td>
      <Table.Td w={90}>{percent('taxPercent', 'quotes.tax_n')}</Table.Td>
      <Table.Td ta="right">
        <Text size="sm" data-testid={`deal-line-${n}-amount`}>
          {money(line.amount, currency)}
        </Text>
      </Table.Td>
      <Table.Td w={36}>
        <ActionIcon variant="subtle" color="red" aria-label={t('lineitems.remove')} onClick={onRemove}>
          <IconTrash size={14} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
