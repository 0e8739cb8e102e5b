import { ActionIcon, Button, Group, NumberInput, Paper, Select, Table, Text } from '@mantine/core';
import { IconFileDescription, IconFileInvoice, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DealLines, Product } from '../../../shared/contract/products';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { useMinorMoney } from './billing-format';

/**
 * A deal's line items (product, quantity, discount) and what they add up to; the deal amount
 * follows them. Mount on the deal page: `<DealLineItemsCard dealId={deal.id} />`.
 */
export function DealLineItemsCard({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMinorMoney();
  const [lines, setLines] = useState<DealLines | null>(null);
  const [products, setProducts] = useState<Product[]>([]);
  const [productId, setProductId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [discount, setDiscount] = useState<number | string>(0);
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(async () => setLines(await unwrap(api.lineItems.list({ dealId }))), [dealId]);
  useEffect(() => {
    void load();
    void unwrap(api.products.list({})).then((r) => setProducts(r.items));
  }, [load]);
  useChanges('deal_line_items', () => void load());

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
        api.lineItems.add({ dealId, productId, quantity: Number(quantity), discountPercent: Number(discount) || 0 }),
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
      {lines?.items.length ? (
        <Table mb="sm">
          <Table.Tbody>
            {lines.items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">× {l.quantity}</Table.Td>
                <Table.Td ta="right">{l.discountPercent ? `−${l.discountPercent} %` : ''}</Table.Td>
                <Table.Td ta="right">{money(l.net, lines.currency)}</Table.Td>
                <Table.Td w={36}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('lineitems.remove')}
                    onClick={() => run(() => unwrap(api.lineItems.remove({ id: l.id })))}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
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
          w={90}
          error={error}
        />
        <NumberInput
          label={t('quotes.discount')}
          value={discount}
          onChange={setDiscount}
          decimalScale={2}
          suffix=" %"
          w={90}
        />
        <Button leftSection={<IconPlus size={14} />} onClick={add} disabled={!productId}>
          {t('lineitems.add')}
        </Button>
      </Group>
      {lines ? (
        <Text size="sm" mt="sm" ta="right" data-testid="deal-line-amount">
          {t('lineitems.amount', { amount: money(lines.amount, lines.currency) })}
        </Text>
      ) : null}
    </Paper>
  );
}
