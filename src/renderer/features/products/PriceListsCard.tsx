import { Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceList, Product } from '../../../shared/contract/products';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { useWorkspace } from '../members/workspace-store';
import { CURRENCY_CHOICES } from './currencies';
import { MoneyInput } from './MoneyInput';

/** Price lists (one currency each) and each product's price in the chosen one; an empty price removes it. */
export function PriceListsCard({ products }: { products: Product[] }) {
  const { t } = useTranslation();
  const base = useWorkspace().settings?.baseCurrency ?? 'USD';
  const [lists, setLists] = useState<PriceList[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [prices, setPrices] = useState<Record<string, number | null>>({});
  const [name, setName] = useState('');
  // Until one is picked, the workspace's currency, which may arrive after the first render.
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const currency = chosenCurrency ?? base;

  const loadLists = useCallback(async () => {
    const items = (await unwrap(api.priceLists.list({}))).items;
    setLists(items);
    setSelected((s) => s ?? items[0]?.id ?? null);
  }, []);
  const loadPrices = useCallback(async () => {
    if (!selected) return setPrices({});
    const items = (await unwrap(api.priceLists.items({ id: selected }))).items;
    setPrices(Object.fromEntries(items.map((i) => [i.productId, i.unitPrice])));
  }, [selected]);
  useEffect(() => {
    void loadLists();
  }, [loadLists]);
  useEffect(() => {
    void loadPrices();
  }, [loadPrices]);
  useChanges('price_lists', () => void loadLists());
  useChanges('price_list_items', () => void loadPrices());

  const fail = (e: unknown) => notifyError(t('billing.not_saved'), e instanceof Error ? e.message : String(e));
  const create = async () => {
    try {
      const list = await unwrap(api.priceLists.create({ name, currency }));
      setName('');
      setSelected(list.id);
      await loadLists();
    } catch (e) {
      fail(e);
    }
  };
  const save = async (productId: string, unitPrice: number | null) => {
    if (!selected) return;
    try {
      const items = (await unwrap(api.priceLists.setPrice({ priceListId: selected, productId, unitPrice }))).items;
      setPrices(Object.fromEntries(items.map((i) => [i.productId, i.unitPrice])));
    } catch (e) {
      fail(e);
    }
  };
  const list = lists.find((l) => l.id === selected);

  return (
    <Paper withBorder radius="lg" p="md" mt="lg" data-testid="price-lists">
      <Text fw={650} mb="xs">
        {t('pricelists.title')}
      </Text>
      <Group align="flex-end" mb="sm">
        <Select
          label={t('pricelists.list')}
          data={lists.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
          value={selected}
          onChange={setSelected}
          w={260}
          allowDeselect={false}
        />
        <TextInput label={t('pricelists.new_name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select
          label={t('billing.currency')}
          data={CURRENCY_CHOICES}
          value={currency}
          onChange={(v) => v && setCurrency(v)}
          w={110}
          allowDeselect={false}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={create} disabled={!name.trim()}>
          {t('pricelists.create')}
        </Button>
      </Group>
      {list ? (
        <Table>
          <Table.Tbody>
            {products.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td w={200}>
                  <MoneyInput
                    aria-label={t('pricelists.price_of', { product: p.name })}
                    currency={list.currency}
                    value={prices[p.id] ?? null}
                    onChange={(v) => setPrices((all) => ({ ...all, [p.id]: v }))}
                    onBlur={() => void save(p.id, prices[p.id] ?? null)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed" size="sm">
          {t('pricelists.none')}
        </Text>
      )}
    </Paper>
  );
}
