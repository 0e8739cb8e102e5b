import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPackage, IconPlus, IconSettings } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Product } from '../../../shared/contract/products';
import { EmptyState } from '../../components/EmptyState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { useWorkspace } from '../members/workspace-store';
import { useMinorMoney } from './billing-format';
import { MoneyInput } from './MoneyInput';
import { PriceListsCard } from './PriceListsCard';
import { CURRENCY_CHOICES } from './currencies';

interface Draft {
  sku: string;
  name: string;
  description: string;
  unitPrice: number | null;
  currency: string;
  taxPercent: number | string;
  category: string;
  active: boolean;
}

function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const { t } = useTranslation();
  const decimalSeparator = useFormat().locale.startsWith('es') ? ',' : '.';
  const base = useWorkspace().settings?.baseCurrency ?? 'USD';
  const [draft, setDraft] = useState<Draft>({
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    unitPrice: product?.unitPrice ?? null,
    currency: product?.currency ?? base,
    taxPercent: product?.taxPercent ?? 0,
    category: product?.category ?? '',
    active: product?.active ?? true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    setSaving(true);
    const values = {
      sku: draft.sku || null,
      name: draft.name,
      description: draft.description || null,
      unitPrice: draft.unitPrice ?? 0,
      currency: draft.currency,
      taxPercent: Number(draft.taxPercent) || 0,
      category: draft.category || null,
      active: draft.active,
    };
    try {
      if (product) await unwrap(api.products.update({ id: product.id, ...values }));
      else await unwrap(api.products.create(values));
      notifySuccess(t('billing.saved'), draft.name);
      onDone();
    } catch (error) {
      setErrors(fieldErrors(error));
      notifyError(t('billing.not_saved'), error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('products.name')}
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Group grow>
        <TextInput
          label={t('products.sku')}
          value={draft.sku}
          onChange={(e) => set('sku', e.currentTarget.value)}
          error={errors.sku}
        />
        <TextInput
          label={t('products.category')}
          value={draft.category}
          onChange={(e) => set('category', e.currentTarget.value)}
          error={errors.category}
        />
      </Group>
      <Group grow align="flex-start">
        <MoneyInput
          label={t('products.unit_price')}
          currency={draft.currency}
          value={draft.unitPrice}
          onChange={(v) => set('unitPrice', v)}
          error={errors.unitPrice}
        />
        <Select
          label={t('billing.currency')}
          data={CURRENCY_CHOICES.includes(draft.currency) ? CURRENCY_CHOICES : [draft.currency, ...CURRENCY_CHOICES]}
          value={draft.currency}
          onChange={(v) => v && set('currency', v)}
          searchable
          error={errors.currency}
          allowDeselect={false}
        />
        <NumberInput
          label={t('products.tax_percent')}
          value={draft.taxPercent}
          onChange={(v) => set('taxPercent', v)}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator={decimalSeparator}
          suffix=" %"
          error={errors.taxPercent}
        />
      </Group>
      <Textarea
        label={t('products.description')}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Switch
        label={t('products.active')}
        checked={draft.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button onClick={save} loading={saving}>
          {product ? t('billing.save') : t('products.create')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The product catalogue: SKU, name, price, tax, series; inactive products can be shown. */
export function ProductsPage() {
  const { t } = useTranslation();
  const money = useMinorMoney();
  const format = useFormat();
  const [items, setItems] = useState<Product[] | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);

  const load = useCallback(async () => {
    const result = await unwrap(api.products.list({ includeInactive: showInactive, ...(query ? { query } : {}) }));
    setItems(result.items);
  }, [showInactive, query]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('products', () => void load());

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        actions={
          <>
            <Button component={Link} to="/billing/settings" variant="default" leftSection={<IconSettings size={16} />}>
              {t('billing.settings_title')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('products.new')}
            </Button>
          </>
        }
      />
      <Paper withBorder radius="lg" p="md">
        <Group mb="sm">
          <TextInput
            placeholder={t('products.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            aria-label={t('products.search')}
          />
          <Switch
            label={t('products.show_inactive')}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
        </Group>
        {items && items.length === 0 ? (
          <EmptyState icon={IconPackage} title={t('products.empty')} />
        ) : (
          <Table highlightOnHover data-testid="products-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.sku')}</Table.Th>
                <Table.Th>{t('products.name')}</Table.Th>
                <Table.Th>{t('products.category')}</Table.Th>
                <Table.Th ta="right">{t('products.unit_price')}</Table.Th>
                <Table.Th ta="right">{t('products.tax_percent')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((p) => (
                <Table.Tr key={p.id} onClick={() => setEditing(p)} style={{ cursor: 'pointer' }}>
                  <Table.Td>{p.sku}</Table.Td>
                  <Table.Td>
                    <Text fw={550}>{p.name}</Text>
                  </Table.Td>
                  <Table.Td>{p.category}</Table.Td>
                  <Table.Td ta="right">{money(p.unitPrice, p.currency)}</Table.Td>
                  <Table.Td ta="right">{format.percent(p.taxPercent)}</Table.Td>
                  <Table.Td>{p.active ? null : <Badge color="gray">{t('products.inactive')}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <PriceListsCard products={items ?? []} />
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('products.new') : t('products.edit')}
      >
        <ProductForm product={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      </FormModal>
    </>
  );
}
