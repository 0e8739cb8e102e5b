import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossSellSuggestion } from '../../../shared/contract/quotes';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';

/**
 * "Customers who bought X also bought Y": products to offer a company or contact, mined from won
 * deals' line items, each with its reason. Mount on a record page with the record's id.
 */
export function CrossSellPanel(props: { companyId: string } | { contactId: string }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<CrossSellSuggestion[] | null>(null);
  const target = 'companyId' in props ? { companyId: props.companyId } : { contactId: props.contactId };
  const key = 'companyId' in props ? props.companyId : props.contactId;
  const load = useCallback(async () => {
    const input = 'companyId' in target ? { companyId: key, limit: 5 } : { contactId: key, limit: 5 };
    try {
      setItems((await unwrap(api.crossSell.suggest(input))).items);
    } catch {
      setItems([]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `target` is rebuilt each render from `key`
  }, [key, i18n.language]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('deal_line_items', () => void load(), 500);

  if (!items?.length) return null;
  return (
    <Paper withBorder radius="lg" p="md" data-testid="cross-sell-panel">
      <Group gap="xs" mb="xs">
        <IconBulb size={18} />
        <Text fw={650}>{t('crosssell.title')}</Text>
      </Group>
      <Stack gap="xs">
        {items.map((s) => (
          <div key={s.productId}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {s.productName}
              </Text>
              <Badge size="xs" variant="light" color={s.kind === 'cross' ? 'indigo' : 'grape'}>
                {t(s.kind === 'cross' ? 'crosssell.cross' : 'crosssell.up')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {s.reason}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
