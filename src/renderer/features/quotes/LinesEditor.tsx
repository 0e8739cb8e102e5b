import { ActionIcon, Button, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineInput, Product } from '../../../shared/contract/products';
import { lineAmounts, percentToRate } from '../../../shared/domain/billing';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useMinorMoney } from '../products/billing-format';
import { MoneyInput } from '../products/MoneyInput';

export interface DraftLine {
  key: string;
  productId: string | null;
  description: string;
  quantity: number | string;
  unitPrice: number | null;
  discountPercent: number | string;
  taxPercent: number | string;
}

let nextKey = 0;
export const emptyLine = (): DraftLine => ({
  key: `l${nextKey++}`,
  productId: null,
  description: '',
  quantity: 1,
  unitPrice: null,
  discountPercent: 0,
  taxPercent: 0,
});

export function toLineInput(line: DraftLine): LineInput {
  return {
    ...(line.productId ? { productId: line.productId } : {}),
    description: line.description,
    quantity: Number(line.quantity),
    unitPrice: line.unitPrice ?? 0,
    discountPercent: Number(line.discountPercent) || 0,
    taxPercent: Number(line.taxPercent) || 0,
  };
}

/** What the priced line comes to, for the live totals (same arithmetic as the back end). */
export function draftPriced(line: DraftLine) {
  return {
    quantity: Math.max(0, Number(line.quantity) || 0),
    unitPrice: line.unitPrice ?? 0,
    discountRate: percentToRate(Math.min(100, Number(line.discountPercent) || 0)),
    taxRate: percentToRate(Number(line.taxPercent) || 0),
  };
}

interface Props {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  currency: string;
  readOnly?: boolean;
  /** Messages of the back end per line and field ("0.quantity"). */
  errors?: Record<string, string>;
  /** The chosen price list's prices by product (in `currency`): a product picked then takes its list price. */
  listPrices?: Record<string, number>;
}

/** Back-end issues on lines ("lines.0.quantity") keyed for the editor ("0.quantity"). */
export function lineErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(
    error.issues.filter((i) => i.path[0] === 'lines').map((i) => [`${i.path[1]}.${i.path[2]}`, i.message]),
  );
}

/** Priced lines: a product (its name, price and tax fill in) or free text, quantity, price, discount, tax. */
export function LinesEditor({ lines, onChange, currency, readOnly = false, errors = {}, listPrices = {} }: Props) {
  const { t } = useTranslation();
  const money = useMinorMoney();
  // Quantities and percentages are typed and shown with the language's decimal comma ("10,5 %").
  const decimalSeparator = useFormat().locale.startsWith('es') ? ',' : '.';
  const [products, setProducts] = useState<Product[]>([]);
  useEffect(() => {
    void unwrap(api.products.list({})).then((r) => setProducts(r.items));
  }, []);
  const update = (i: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  const pick = (i: number, productId: string | null) => {
    const p = products.find((x) => x.id === productId);
    if (!p) return update(i, { productId: null });
    update(i, {
      productId: p.id,
      description: p.name,
      unitPrice: listPrices[p.id] ?? (p.currency === currency ? p.unitPrice : (lines[i]?.unitPrice ?? null)),
      taxPercent: p.taxPercent,
    });
  };

  if (readOnly) return <LinesTable lines={lines} currency={currency} />;
  return (
    <>
      {/* Below this width the number fields would be cut to "85…": the lines scroll sideways instead. */}
      <Table.ScrollContainer minWidth={860} type="native">
        <Table data-testid="lines-table" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="18%">{t('quotes.product')}</Table.Th>
              <Table.Th>{t('quotes.description')}</Table.Th>
              <Table.Th w={90}>{t('quotes.quantity')}</Table.Th>
              <Table.Th w={150}>{t('quotes.unit_price')}</Table.Th>
              <Table.Th w={100}>{t('quotes.discount')}</Table.Th>
              <Table.Th w={100}>{t('quotes.tax')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('quotes.amount')}
              </Table.Th>
              {readOnly ? null : <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => {
              const n = i + 1;
              const err = (field: string) => errors[`${i}.${field}`];
              return (
                <Table.Tr key={line.key} data-testid={`line-${n}`}>
                  <Table.Td>
                    <Select
                      aria-label={t('quotes.product_n', { n: String(n) })}
                      data={products.map((p) => ({ value: p.id, label: p.name }))}
                      value={line.productId}
                      onChange={(v) => pick(i, v)}
                      searchable
                      clearable
                      disabled={readOnly}
                      placeholder={t('quotes.free_text')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('quotes.description_n', { n: String(n) })}
                      value={line.description}
                      onChange={(e) => update(i, { description: e.currentTarget.value })}
                      readOnly={readOnly}
                      error={err('description')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.quantity_n', { n: String(n) })}
                      value={line.quantity}
                      onChange={(v) => update(i, { quantity: v })}
                      decimalScale={3}
                      decimalSeparator={decimalSeparator}
                      readOnly={readOnly}
                      error={err('quantity')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <MoneyInput
                      aria-label={t('quotes.unit_price_n', { n: String(n) })}
                      currency={currency}
                      value={line.unitPrice}
                      onChange={(v) => update(i, { unitPrice: v })}
                      readOnly={readOnly}
                      error={err('unitPrice')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.discount_n', { n: String(n) })}
                      value={line.discountPercent}
                      onChange={(v) => update(i, { discountPercent: v })}
                      decimalScale={2}
                      decimalSeparator={decimalSeparator}
                      suffix=" %"
                      readOnly={readOnly}
                      error={err('discountPercent')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.tax_n', { n: String(n) })}
                      value={line.taxPercent}
                      onChange={(v) => update(i, { taxPercent: v })}
                      decimalScale={2}
                      decimalSeparator={decimalSeparator}
                      suffix=" %"
                      readOnly={readOnly}
                      error={err('taxPercent')}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" data-testid={`line-${n}-net`}>
                      {money(lineAmounts(draftPriced(line)).amount, currency)}
                    </Text>
                  </Table.Td>
                  {readOnly ? null : (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('quotes.remove_line_n', { n: String(n) })}
                        onClick={() => onChange(lines.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {readOnly ? null : (
        <Group mt="xs">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...lines, emptyLine()])}
          >
            {t('quotes.add_line')}
          </Button>
        </Group>
      )}
    </>
  );
}

/** The same lines as plain text, for a sent quote or an invoice. */
function LinesTable({ lines, currency }: { lines: DraftLine[]; currency: string }) {
  const { t } = useTranslation();
  const money = useMinorMoney();
  const { locale } = useFormat();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const pct = (p: number | string) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format((Number(p) || 0) / 100);
  return (
    <Table data-testid="lines-table" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quotes.description')}</Table.Th>
          <Table.Th ta="right">{t('quotes.quantity')}</Table.Th>
          <Table.Th ta="right">{t('quotes.unit_price')}</Table.Th>
          <Table.Th ta="right">{t('quotes.discount')}</Table.Th>
          <Table.Th ta="right">{t('quotes.tax')}</Table.Th>
          <Table.Th ta="right">{t('quotes.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => (
          <Table.Tr key={line.key} data-testid={`line-${i + 1}`}>
            <Table.Td>{line.description}</Table.Td>
            <Table.Td ta="right">{number.format(Number(line.quantity))}</Table.Td>
            <Table.Td ta="right">{money(line.unitPrice ?? 0, currency)}</Table.Td>
            <Table.Td ta="right">{Number(line.discountPercent) ? pct(line.discountPercent) : ''}</Table.Td>
            <Table.Td ta="right">{pct(line.taxPercent)}</Table.Td>
            <Table.Td ta="right" data-testid={`line-${i + 1}-net`}>
              {money(lineAmounts(draftPriced(line)).amount, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
