import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Totals } from '../../../shared/contract/products';
import { useFormat } from '../../lib/format';
import { useMinorMoney } from '../products/billing-format';

/** Subtotal, discounts, tax per rate and total, right-aligned like on the PDF. */
export function TotalsBox({
  totals,
  currency,
  extra = [],
}: {
  totals: Totals;
  currency: string;
  extra?: [string, number, string][];
}) {
  const { t } = useTranslation();
  const money = useMinorMoney();
  const { locale } = useFormat();
  const pct = (rate: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 10_000);
  const row = (label: string, value: string, testId: string, strong = false) => (
    <Group key={testId} justify="space-between" w={320}>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Stack gap={4} align="flex-end" mt="md">
      {row(t('quotes.subtotal'), money(totals.subtotal, currency), 'total-subtotal')}
      {totals.discountTotal
        ? row(t('quotes.discounts'), `−${money(totals.discountTotal, currency)}`, 'total-discounts')
        : null}
      {totals.taxes.map((tax) =>
        row(
          t('quotes.tax_on', { rate: pct(tax.rate), base: money(tax.base, currency) }),
          money(tax.tax, currency),
          `total-tax-${tax.rate}`,
        ),
      )}
      {row(t('quotes.total'), money(totals.total, currency), 'total-total', true)}
      {extra.map(([label, value, testId]) => row(label, money(value, currency), testId, testId === 'total-balance'))}
    </Stack>
  );
}
