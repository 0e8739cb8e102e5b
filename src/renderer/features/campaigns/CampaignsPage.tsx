import { Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CAMPAIGN_STATUSES, type Campaign } from '../../../shared/contract/campaigns';
import { EmptyState } from '../../components/EmptyState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { useIsoDate, useMinorMoney } from '../products/billing-format';
import { CampaignForm } from './CampaignForm';
import { STATUS_COLORS } from './campaign-labels';

/**
 * Every campaign with its status, reach and return: the campaign report, one row per campaign
 * (cost in its own currency, won revenue in the base currency the ROI is worked out in).
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMinorMoney();
  const isoDate = useIsoDate();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Campaign[] | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => {
    const list = await unwrap(
      api.campaigns.list({
        ...(status ? { status: status as Campaign['status'] } : {}),
        ...(query.trim() ? { query: query.trim() } : {}),
      }),
    );
    setItems(list.items);
  }, [status, query]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('campaigns', () => void load());
  useChanges('campaign_members', () => void load());
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="md">
        <Group mb="sm">
          <Select
            placeholder={t('campaigns.all_statuses')}
            aria-label={t('campaigns.field.status')}
            data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
            value={status}
            onChange={setStatus}
            clearable
          />
          <TextInput
            placeholder={t('campaigns.search')}
            aria-label={t('campaigns.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </Group>
        {items && items.length === 0 ? (
          <EmptyState icon={IconSpeakerphone} title={t('campaigns.empty')} body={t('campaigns.empty_body')} />
        ) : (
          // Nine columns: on a narrow window the table scrolls inside its card, not the whole page.
          <Table.ScrollContainer minWidth={900} type="native">
            <Table highlightOnHover data-testid="campaigns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.field.name')}</Table.Th>
                  <Table.Th>{t('campaigns.field.type')}</Table.Th>
                  <Table.Th>{t('campaigns.field.status')}</Table.Th>
                  <Table.Th>{t('campaigns.col.dates')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.col.members')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.stat.responses')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.field.cost')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.stat.won')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.col.roi')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(items ?? []).map((c) => (
                  <Table.Tr
                    key={c.id}
                    onClick={() => void navigate(`/campaigns/${c.id}`)}
                    style={{ cursor: 'pointer' }}
                    data-testid="campaign-row"
                  >
                    <Table.Td>
                      <Text fw={550}>{c.name}</Text>
                    </Table.Td>
                    <Table.Td>{t(`campaigns.type.${c.type}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLORS[c.status]}>
                        {t(`campaigns.status.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.startDate || c.endDate ? `${isoDate(c.startDate)} – ${isoDate(c.endDate)}` : ''}
                    </Table.Td>
                    <Table.Td ta="right">{format.number(c.stats.members)}</Table.Td>
                    <Table.Td ta="right">{format.number(c.stats.responses)}</Table.Td>
                    <Table.Td ta="right" data-testid="campaign-row-cost">
                      {c.actualCost != null ? money(c.actualCost, c.currency ?? c.stats.baseCurrency) : '—'}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="campaign-row-won">
                      {money(c.stats.wonRevenue, c.stats.baseCurrency)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="campaign-row-roi">
                      {c.stats.roi != null ? percent.format(c.stats.roi) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('campaigns.new')}>
        <CampaignForm
          campaign={null}
          onDone={(id) => {
            setCreating(false);
            void navigate(`/campaigns/${id}`);
          }}
        />
      </FormModal>
    </>
  );
}
