import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceList } from '../../../shared/contract/products';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import type { DraftLine } from './LinesEditor';

interface Props {
  /** The document's currency now. */
  currency: string;
  lines: DraftLine[];
  /** The chosen list (null: products' own prices) and its prices by product, in the list's currency. */
  onApply: (list: PriceList | null, prices: Record<string, number>) => void;
}

/**
 * The price list a draft document is priced from. Choosing one gives the lines of the products it
 * prices the list's price (and the lines picked afterwards); a document that already has lines in
 * another currency is not switched, since its other prices would then be read in the wrong money.
 */
export function PriceListPicker({ currency, lines, onApply }: Props) {
  const { t } = useTranslation();
  const [lists, setLists] = useState<PriceList[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const load = () => void unwrap(api.priceLists.list({})).then((r) => setLists(r.items.filter((l) => l.active)));
  useEffect(load, []);
  useChanges('price_lists', load);

  const choose = async (id: string | null) => {
    setError(undefined);
    const list = lists.find((l) => l.id === id);
    if (!list) {
      setChosen(null);
      return onApply(null, {});
    }
    const started = lines.some((l) => l.productId || l.description.trim() || l.unitPrice !== null);
    if (started && list.currency !== currency) {
      return setError(t('quotes.price_list_currency', { list: list.name, other: list.currency, currency }));
    }
    const items = (await unwrap(api.priceLists.items({ id: list.id }))).items;
    setChosen(list.id);
    onApply(list, Object.fromEntries(items.map((i) => [i.productId, i.unitPrice])));
  };

  if (!lists.length) return null;
  return (
    <Select
      label={t('pricelists.list')}
      placeholder={t('lineitems.own_prices')}
      data={lists.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
      value={chosen}
      onChange={(v) => void choose(v)}
      error={error}
      clearable
      data-testid="quote-price-list"
    />
  );
}
