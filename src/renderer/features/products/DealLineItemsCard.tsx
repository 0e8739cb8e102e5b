import { Button, Group, NumberInput, Paper, Select, Table, Text } from '@mantine/core';
import { IconFileDescription, IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DealLines, PriceList, Product } from '../../../shared/contract/products';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { isApiError, unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { issueText } from '../records/issues';
import { TotalsBox } from '../quotes/TotalsBox';
import { useMinorMoney } from './billing-format';
import { DealLineRow, type LinePatch } from './DealLineRow';

/**
 * A deal's line items and what they add up to; the deal amount follows them. Quantity, price,
 * discount and tax change in place; a price list reprices the lines it has a price for and prices
 * the lines added after it. Mount on the deal page: `<DealLineItemsCard dealId={deal.id} />`.
 */
export function DealLineItemsCard({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const decimalSeparator = useFormat().locale.startsWith('es') ? ',' : '.';
  const navigate = useNavigate();
  const money = useMinorMoney();
  const [lines, setLines] = useState<DealLines | null>(null);
  const [products, setProducts] = useState<Product[]>([]);
  const [productId, setProductId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [discount, setDiscount] = useState<number | string>(0);
  const [error, setError] = useState<string | undefined>();
  const [priceLists, setPriceLists] = useState<PriceList[]>([]);
  const [priceListError, setPriceListError] = useState<string | undefined>();
  const load = useCallback(async () => setLines(await unwrap(api.lineItems.list({ dealId }))), [dealId]);
  useEffect(() => {
    void load();
    void unwrap(api.products.list({})).then((r) => setProducts(r.items));
    void unwrap(api.priceLists.list({})).then((r) => setPriceLists(r.items));
  }, [load]);
  useChanges('deal_line_items', () => void load());
  useChanges('deals', (ids) => {
    if (!ids.length || ids.includes(dealId)) void load();
  });
  // The list is kept on the deal, so it shows after a reload and prices the lines added later.
  const priceListId = lines?.priceListId ?? null;
  // An inactive list stays visible on the deals that already use it.
  const choices = priceLists.filter((l) => l.active || l.id === priceListId);

  const choosePriceList = async (id: string | null) => {
    setPriceListError(undefined);
    try {
      const result = await unwrap(api.lineItems.applyPriceList({ dealId, priceListId: id }));
      setLines(result);
      if (!id) return;
      const list = priceLists.find((l) => l.id === id)?.name ?? '';
      notifySuccess(t('billing.saved'), t('lineitems.repriced', { count: result.repriced, list }));
    } catch (e) {
      const issue = isApiError(e) ? e.issues[0] : undefined;
      setPriceListError(issue ? issueText(t, issue) : e instanceof Error ? e.message : String(e));
    }
  };
  const saveLine = async (id: string, patch: LinePatch) => {
    setLines(await unwrap(api.lineItems.update({ id, ...patch })));
  };

  const run = async (fn: () => Promise<DealLines>) => {
    setError(undefined);
    try {
      setLines(await fn());
    } catch (e) {
      const message = isApiError(e) ? (e.issues[0]?.message ?? e.message) : String(e);
      setError(message);
      notifyError(t('billing.not_saved'), message);
    }
  };
  const add = () =>
    productId &&
    run(() =>
      unwrap(
        api.lineItems.add({
          dealId,
          productId,
          quantity: Number(quantity),
          discountPercent: Number(discount) || 0,
        }),
      ),
    );

  return (
    <Paper withBorder radius="lg" p="md" data-testid="deal-line-items">
      <Group justify="space-between" mb="xs">
        <Text fw={650}>{t('lineitems.title')}</Text>
        <Button
          component={Link}
          to={`/quotes/new?dealId=${dealId}`}
          size="xs"
          variant="light"
          leftSection={<IconFileDescription size={14} />}
        >
          {t('lineitems.make_quote')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFileInvoice size={14} />}
          onClick={() =>
            // A deal that is not won is refused with a translated message.
            void unwrap(api.invoices.createFromDeal({ dealId }))
              .then((invoice) => navigate(`/invoices/${invoice.id}`))
              .catch((e: unknown) => notifyError(t('billing.not_saved'), e instanceof Error ? e.message : String(e)))
          }
        >
          {t('lineitems.invoice_deal')}
        </Button>
      </Group>
      {choices.length ? (
        <Select
          label={t('pricelists.list')}
          placeholder={t('lineitems.own_prices')}
          data={choices.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
          value={priceListId}
          onChange={(v) => void choosePriceList(v)}
          error={priceListError}
          clearable
          w={260}
          mb="sm"
          data-testid="deal-price-list"
        />
      ) : null}
      {lines?.items.length ? (
        <Table mb="sm" verticalSpacing={4} data-testid="deal-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.description')}</Table.Th>
              <Table.Th>{t('quotes.quantity')}</Table.Th>
              <Table.Th>{t('quotes.unit_price')}</Table.Th>
              <Table.Th>{t('quotes.discount')}</Table.Th>
              <Table.Th>{t('quotes.tax')}</Table.Th>
              <Table.Th ta="right">{t('quotes.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.items.map((l, i) => (
              <DealLineRow
                key={l.id}
                line={l}
                n={i + 1}
                currency={lines.currency}
                onSave={(patch) => saveLine(l.id, patch)}
                onRemove={() => void run(() => unwrap(api.lineItems.remove({ id: l.id })))}
              />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('quotes.product')}
          data={products.map((p) => ({ value: p.id, label: p.name }))}
          value={productId}
          onChange={setProductId}
          searchable
          w={200}
        />
        <NumberInput
          label={t('quotes.quantity')}
          value={quantity}
          onChange={setQuantity}
          decimalScale={3}
          decimalSeparator={decimalSeparator}
          w={90}
          error={error}
        />
        <NumberInput
          label={t('quotes.discount')}
          value={discount}
          onChange={setDiscount}
          decimalScale={2}
          decimalSeparator={decimalSeparator}
          suffix=" %"
          w={90}
        />
        <Button leftSection={<IconPlus size={14} />} onClick={add} disabled={!productId}>
          {t('lineitems.add')}
        </Button>
      </Group>
      {lines?.items.length ? <TotalsBox totals={lines.totals} currency={lines.currency} /> : null}
      {lines ? (
        <Text size="sm" mt="sm" ta="right" data-testid="deal-line-amount">
          {t('lineitems.amount', { amount: money(lines.amount, lines.currency) })}
        </Text>
      ) : null}
    </Paper>
  );
}
