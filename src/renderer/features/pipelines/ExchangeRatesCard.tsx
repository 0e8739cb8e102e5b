import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISO_4217 } from '../../../shared/domain/currencies';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { dealErrorText } from '../deals/deal-errors';
import { useLive } from '../records/use-live';

/** The rates that turn deals in other currencies into the base currency for board totals. */
export function ExchangeRatesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const rates = useLive(() => unwrap(api.exchangeRates.list({})), ['exchange_rates', 'settings'], 'rates');
  const [currency, setCurrency] = useState<string | null>(null);
  const [rate, setRate] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const base = rates.data?.baseCurrency ?? '';

  const save = async () => {
    setError(null);
    try {
      await unwrap(api.exchangeRates.set({ currency: currency ?? '', rate: Number(rate) }));
      setCurrency(null);
      setRate('');
    } catch (e) {
      setError(dealErrorText(t, e));
    }
  };

  return (
    <Card p="lg" data-testid="exchange-rates">
      <Title order={5}>{t('pipelines.rates_title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('pipelines.rates_intro', { base })}
      </Text>
      {rates.data?.items.length ? (
        <Table mb="md" fz="sm">
          <Table.Tbody>
            {rates.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td fw={600}>1 {r.currency}</Table.Td>
                <Table.Td>
                  = {format.number(r.rate)} {r.base}
                </Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('pipelines.rate_delete', { currency: r.currency })}
                    onClick={() => void unwrap(api.exchangeRates.delete({ id: r.id }))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('deals.field_currency')}
          data={ISO_4217.filter((c) => c !== base)}
          value={currency}
          onChange={setCurrency}
          searchable
          w={130}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label={t('pipelines.rate', { base })}
          value={rate}
          onChange={setRate}
          min={0}
          decimalScale={6}
          w={180}
        />
        <Button onClick={() => void save()} disabled={!currency || !rate}>
          {t('pipelines.rate_save')}
        </Button>
      </Group>
      {error ? (
        <Alert mt="sm" color="red" icon={<IconAlertCircle size={18} />}>
          {error}
        </Alert>
      ) : null}
    </Card>
  );
}
