import { Select } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceList } from '../../../shared/contract/products';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import type { DraftLine } from './LinesEditor';

type Prices = Record<string, number>;

interface Props {
  /** The document's currency now. */
  currency: string;
  lines: DraftLine[];
  /** The list the document is priced from (saved on it, or inherited from its deal); null: none. */
  value: string | null;
  /** The user chose a list (null: products' own prices): its prices by product, to reprice the lines. */
  onApply: (list: PriceList | null, prices: Prices) => void;
  /** The prices of the list in `value` once loaded, so the lines picked afterwards take them. */
  onPrices: (prices: Prices) => void;
}

async function pricesOf(id: string): Promise<Prices> {
  const items = (await unwrap(api.priceLists.items({ id }))).items;
  return Object.fromEntries(items.map((i) => [i.productId, i.unitPrice]));
}

/**
 * The price list a draft document is priced from. Choosing one gives the lines of the products it
 * prices the list's price (and the lines picked afterwards); a document that already has lines in
 * another currency is not switched, since its other prices would then be read in the wrong money.
 */
export function PriceListPicker({ currency, lines, value, onApply, onPrices }: Props) {
  const { t } = useTranslation();
  const [lists, setLists] = useState<PriceList[]>([]);
  const [error, setError] = useState<string | undefined>();
  const load = () => void unwrap(api.priceLists.list({})).then((r) => setLists(r.items));
  useEffect(load, []);
  useChanges('price_lists', load);

  // A saved or inherited list: load its prices once, without repricing the lines already there.
  const loaded = useRef<string | null>(null);
  const reportPrices = useRef(onPrices);
  reportPrices.current = onPrices;
  useEffect(() => {
    if (!value || loaded.current === value) return;
    loaded.current = value;
    void pricesOf(value).then((prices) => reportPrices.current(prices));
  }, [value]);

  const choose = async (id: string | null) => {
    setError(undefined);
    const list = lists.find((l) => l.id === id);
    if (!list) {
      loaded.current = null;
      return onApply(null, {});
    }
    const started = lines.some((l) => l.productId || l.description.trim() || l.unitPrice !== null);
    if (started && list.currency !== currency) {
      return setError(t('quotes.price_list_currency', { list: list.name, other: list.currency, currency }));
    }
    const prices = await pricesOf(list.id);
    loaded.current = list.id;
    onApply(list, prices);
  };

  // An inactive list stays visible on the documents that already use it.
  const choices = lists.filter((l) => l.active || l.id === value);
  if (!choices.length) return null;
  return (
    <Select
      label={t('pricelists.list')}
      placeholder={t('lineitems.own_prices')}
      data={choices.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
      value={value}
      onChange={(v) => void choose(v)}
      error={error}
      clearable
      data-testid="quote-price-list"
    />
  );
}
