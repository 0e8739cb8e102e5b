import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every stage the deal went through: when it entered, when it left, how long it stayed. */
export function StageHistoryCard({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useLive(
    async () => (await unwrap(api.deals.history({ id: dealId }))).items,
    ['deal_stage_history', 'deals'],
    dealId,
  );
  const duration = (ms: number) =>
    ms >= DAY
      ? t('deals.duration_days', { count: Math.round(ms / DAY) })
      : t('deals.duration_hours', { count: Math.max(0, Math.round(ms / HOUR)) });
  const items = history.data ?? [];
  return (
    <SectionCard title={t('deals.history_title')} count={items.length} testId="deal-history">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.no_history')}
        </Text>
      ) : (
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.field_stage')}</Table.Th>
              <Table.Th>{t('deals.history_entered')}</Table.Th>
              <Table.Th>{t('deals.history_left')}</Table.Th>
              <Table.Th ta="right">{t('deals.history_duration')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((h) => (
              <Table.Tr key={h.id} data-testid="history-row">
                <Table.Td fw={600}>{h.stageName}</Table.Td>
                <Table.Td>{format.dateTime(h.enteredAt)}</Table.Td>
                <Table.Td>{h.leftAt ? format.dateTime(h.leftAt) : t('deals.history_current')}</Table.Td>
                <Table.Td ta="right">{duration(h.durationMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
