import {
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Campaign, CampaignMember } from '../../../shared/contract/campaigns';
import { SEGMENT_NAMES } from '../../../shared/contract/segments';
import type { SavedView } from '../../../shared/contract/views';
import { FormModal } from '../../components/FormModal';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { useIsoDate, useMinorMoney } from '../products/billing-format';
import { firstProblem } from '../records/issues';
import { RemotePicker, type Picked } from '../records/pickers/RemotePicker';
import { CampaignForm } from './CampaignForm';
import { CampaignResponses, ResponseForm } from './CampaignResponses';
import { CampaignStatusControls } from './CampaignStatusControls';
import { MEMBER_COLORS, STATUS_COLORS } from './campaign-labels';

type DealFact = {
  id: string;
  title: string;
  amount: number | null;
  currency: string | null;
  outcome: 'open' | 'won' | 'lost';
};

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={650} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** One campaign: its figures and ROI, audience, sending controls, members, responses and deals. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const dyn = t as unknown as (key: string) => string;
  const navigate = useNavigate();
  const format = useFormat();
  const money = useMinorMoney();
  const isoDate = useIsoDate();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [members, setMembers] = useState<CampaignMember[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [deals, setDeals] = useState<DealFact[]>([]);
  const [views, setViews] = useState<SavedView[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [deal, setDeal] = useState<Picked | null>(null);
  const [modal, setModal] = useState<'edit' | 'response' | null>(null);

  const load = useCallback(async () => {
    const [one, page, attributed] = await Promise.all([
      unwrap(api.campaigns.get({ id })),
      unwrap(api.campaigns.members({ id, limit: 100 })),
      unwrap(api.campaigns.deals({ id })),
    ]);
    setCampaign(one);
    setMembers(page.items);
    setNextCursor(page.nextCursor);
    setDeals(attributed.items);
  }, [id]);
  useEffect(() => {
    void load();
    void unwrap(api.views.list({ entity: 'contacts' })).then((r) => setViews(r.items));
  }, [load]);
  useChanges('campaigns', () => void load());
  useChanges('campaign_members', () => void load());
  useChanges('deals', () => void load());

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifySuccess(done, campaign?.name ?? '');
      await load();
    } catch (error) {
      // An empty audience or an unknown merge field comes back as a field issue: say which, not
      // only that something needs fixing.
      notifyError(t('campaigns.not_saved'), firstProblem(t, error));
    }
  };

  if (!campaign) return <LoadingState />;
  const { stats } = campaign;
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const audience = campaign.audience as { kind?: string; name?: string; count?: number } | null;

  return (
    <>
      <Anchor
        component={Link}
        to="/campaigns"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('campaigns.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={2} fz={24} data-testid="page-title">
            {campaign.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light">{t(`campaigns.type.${campaign.type}`)}</Badge>
            <Badge variant="light" color={STATUS_COLORS[campaign.status]} data-testid="campaign-status">
              {t(`campaigns.status.${campaign.status}`)}
            </Badge>
            {campaign.startDate || campaign.endDate ? (
              <Text size="xs" c="dimmed">
                {isoDate(campaign.startDate)} – {isoDate(campaign.endDate)}
              </Text>
            ) : null}
          </Group>
        </Stack>
        <Group gap="xs">
          <CampaignStatusControls campaign={campaign} run={run} />
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setModal('edit')}>
            {t('campaigns.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() =>
              void run(async () => {
                await unwrap(api.campaigns.delete({ id }));
                void navigate('/campaigns');
              }, t('campaigns.deleted'))
            }
          >
            {t('campaigns.delete')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg" p="md" mb="md" data-testid="campaign-figures">
        <Text fw={650} mb="sm">
          {t('campaigns.figures')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure label={t('campaigns.stat.members')} value={format.number(stats.members)} testId="stat-members" />
          {(['sent', 'responded', 'converted', 'opted_out'] as const).map((s) => (
            <Figure
              key={s}
              label={t(`campaigns.member_status.${s}`)}
              value={format.number(stats.byStatus[s])}
              testId={`stat-${s}`}
            />
          ))}
          <Figure label={t('campaigns.stat.queued')} value={format.number(stats.queued)} testId="stat-queued" />
          <Figure label={t('campaigns.stat.failed')} value={format.number(stats.failed)} />
          <Figure label={t('campaigns.stat.responses')} value={format.number(stats.responses)} />
          <Figure
            label={t('campaigns.stat.response_rate')}
            value={stats.responseRate != null ? percent.format(stats.responseRate) : '—'}
          />
          <Figure label={t('campaigns.stat.deals')} value={format.number(stats.deals)} />
          <Figure
            label={t('campaigns.stat.won')}
            value={money(stats.wonRevenue, stats.baseCurrency)}
            testId="stat-won"
          />
          <Figure
            label={t('campaigns.stat.roi')}
            value={stats.roi != null ? percent.format(stats.roi) : t('campaigns.roi_none')}
            testId="stat-roi"
          />
          <Figure
            label={t('campaigns.stat.cost_per_response')}
            value={stats.costPerResponse != null ? money(stats.costPerResponse, stats.baseCurrency) : '—'}
          />
          {campaign.budget != null ? (
            <Figure
              label={t('campaigns.field.budget')}
              value={money(campaign.budget, campaign.currency ?? stats.baseCurrency)}
            />
          ) : null}
          {campaign.actualCost != null ? (
            <Figure
              label={t('campaigns.field.cost')}
              value={money(campaign.actualCost, campaign.currency ?? stats.baseCurrency)}
            />
          ) : null}
        </SimpleGrid>
      </Paper>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="lg" p="md">
            <Group justify="space-between" mb="sm">
              <Text fw={650}>{t('campaigns.members')}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => setModal('response')}
                disabled={!members.length}
                data-testid="campaign-record-response"
              >
                {t('campaigns.record_response')}
              </Button>
            </Group>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('campaigns.members_empty')}
              </Text>
            ) : (
              <Table data-testid="campaign-members">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.col.contact')}</Table.Th>
                    <Table.Th>{t('campaigns.col.email')}</Table.Th>
                    <Table.Th>{t('campaigns.col.status')}</Table.Th>
                    <Table.Th>{t('campaigns.col.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/contacts/${m.contactId}`} size="sm">
                          {m.contactName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={MEMBER_COLORS[m.status]}>
                          {t(`campaigns.member_status.${m.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {m.lastError ?? (m.sentAt ? format.dateTime(m.sentAt) : '')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {nextCursor ? (
              <Group justify="center" mt="sm">
                <Button
                  size="xs"
                  variant="default"
                  onClick={async () => {
                    const page = await unwrap(api.campaigns.members({ id, limit: 100, cursor: nextCursor }));
                    setMembers((list) => [...list, ...page.items]);
                    setNextCursor(page.nextCursor);
                  }}
                >
                  {t('campaigns.load_more')}
                </Button>
              </Group>
            ) : null}
          </Paper>
          <Box mt="md">
            <CampaignResponses campaignId={id} count={stats.responses} />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="lg" p="md" data-testid="campaign-audience">
              <Text fw={650} mb="xs">
                {t('campaigns.audience')}
              </Text>
              <Text size="sm" c="dimmed" mb="sm">
                {!audience
                  ? t('campaigns.audience_none')
                  : audience.kind === 'view'
                    ? t('campaigns.audience_from_view', { name: audience.name ?? '' })
                    : audience.kind === 'segment'
                      ? t('campaigns.audience_from_segment', { name: audience.name ?? '' })
                      : t('campaigns.audience_picked', { count: audience.count ?? 0 })}
              </Text>
              {campaign.sendStartedAt ? null : (
                <Group align="flex-end" gap="xs">
                  <Select
                    label={t('campaigns.pick_source')}
                    data={[
                      {
                        group: t('campaigns.views'),
                        items: views.map((v) => ({ value: `view:${v.id}`, label: v.name })),
                      },
                      {
                        group: t('campaigns.segments'),
                        items: SEGMENT_NAMES.map((name) => ({
                          value: `segment:${name}`,
                          label: dyn(`analytics.segment.${name}`),
                        })),
                      },
                    ]}
                    value={source}
                    onChange={setSource}
                    // At least 180 px, so in the narrow side column the button moves below instead.
                    style={{ flex: '1 1 180px' }}
                    data-testid="audience-view"
                  />
                  <Button
                    disabled={!source}
                    onClick={() => {
                      const [kind, value] = source!.split(':') as ['view' | 'segment', string];
                      void run(
                        () => unwrap(api.campaigns.setAudience({ id, source: { kind, id: value } })),
                        t('campaigns.audience_taken'),
                      );
                    }}
                    data-testid="audience-take"
                  >
                    {t('campaigns.take_audience')}
                  </Button>
                </Group>
              )}
            </Paper>
            <Paper withBorder radius="lg" p="md" data-testid="campaign-deals">
              <Text fw={650} mb="xs">
                {t('campaigns.deals')}
              </Text>
              {deals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('campaigns.deals_empty')}
                </Text>
              ) : (
                <Stack gap={4} mb="sm">
                  {deals.map((d) => (
                    <Group key={d.id} justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/deals/${d.id}`} size="sm">
                        {d.title}
                      </Anchor>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">
                          {d.amount != null ? money(d.amount, d.currency ?? stats.baseCurrency) : ''}
                        </Text>
                        <Badge
                          size="sm"
                          variant="light"
                          color={d.outcome === 'won' ? 'teal' : d.outcome === 'lost' ? 'red' : 'gray'}
                        >
                          {t(`campaigns.outcome.${d.outcome}`)}
                        </Badge>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
              <Group align="flex-end" gap="xs" mt="sm">
                <div style={{ flex: '1 1 180px' }}>
                  <RemotePicker
                    label={t('campaigns.attribute_deal')}
                    placeholder={t('campaigns.pick_deal')}
                    value={deal}
                    onChange={setDeal}
                    search={async (query) =>
                      (await unwrap(api.deals.list({ ...(query ? { query } : {}), limit: 12 }))).items.map((d) => ({
                        id: d.id,
                        name: d.title,
                      }))
                    }
                    testId="attribute-deal"
                  />
                </div>
                <Button
                  disabled={!deal}
                  onClick={() =>
                    void run(async () => {
                      await unwrap(api.campaigns.attributeDeal({ id, dealId: deal!.id }));
                      setDeal(null);
                    }, t('campaigns.attributed'))
                  }
                  data-testid="attribute-save"
                >
                  {t('campaigns.attribute')}
                </Button>
              </Group>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <FormModal opened={modal === 'edit'} onClose={() => setModal(null)} title={t('campaigns.edit')}>
        <CampaignForm
          campaign={campaign}
          onDone={() => {
            setModal(null);
            void load();
          }}
        />
      </FormModal>
      <FormModal opened={modal === 'response'} onClose={() => setModal(null)} title={t('campaigns.record_response')}>
        <ResponseForm
          campaign={campaign}
          onDone={() => {
            setModal(null);
            void load();
          }}
        />
      </FormModal>
    </>
  );
}
