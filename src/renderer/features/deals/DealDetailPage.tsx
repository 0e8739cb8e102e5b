import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconBuilding,
  IconEdit,
  IconPhoneCall,
  IconRestore,
  IconTargetOff,
  IconThumbDown,
  IconTrash,
  IconTrophy,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ActivityType, Deal, Pipeline, Stage } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { CustomFieldsCard } from '../custom-fields/CustomFieldsCard';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useMemberName } from '../members/workspace-store';
import { LogActivityModal } from '../records/LogActivityModal';
import { DealLineItemsCard } from '../products/DealLineItemsCard';
import { OpenTasksCard } from '../records/OpenTasksCard';
import { RecordMeta } from '../records/RecordMeta';
import { SectionCard } from '../records/SectionCard';
import { TagsEditor } from '../records/TagsEditor';
import { useLive } from '../records/use-live';
import { LogInteractionButton } from '../tickets/LogInteractionButton';
import { Timeline } from '../timeline/Timeline';
import { DealContactsCard } from './DealContactsCard';
import { dealErrorText } from './deal-errors';
import { DealFormModal } from './DealFormModal';
import { DealStatusBadge } from './list/columns';
import { LoseDealModal } from './LoseDealModal';
import { useDealMoney } from './money';
import { StageHistoryCard } from './StageHistoryCard';
import { usePipelines } from './use-pipelines';

/** A deal's page: its stage path, facts, people with roles, stage history, tasks and timeline. */
export function DealDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deal = useLive(() => unwrap(api.deals.get({ id })), ['deals'], id);
  const pipelines = usePipelines(true);
  const companyId = deal.data?.companyId ?? null;
  const company = useLive(
    companyId ? () => unwrap(api.companies.get({ id: companyId })) : null,
    ['companies'],
    companyId ?? '',
  );
  const fields = useCustomFields('deals');
  const [editing, setEditing] = useState(false);
  const [losing, setLosing] = useState<Stage | 'any' | null>(null);
  const [logging, setLogging] = useState<ActivityType | null>(null);

  useEffect(() => {
    if (id) void api.recent.add({ entity: 'deals', id });
  }, [id]);

  if (deal.loading && !deal.data) return <LoadingState />;
  const d = deal.data;
  if (!d) {
    return (
      <Stack>
        <BackLink />
        <EmptyState
          icon={IconTargetOff}
          color="gray"
          title={t('deals.not_found')}
          body={t('deals.not_found_body')}
          testId="deal-not-found"
        />
      </Stack>
    );
  }
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId) ?? null;
  const readOnly = d.deleted;

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) notifySuccess(done, d.title);
    } catch (e) {
      notifyError(t('deals.move_failed'), dealErrorText(t, e));
    }
  };
  const moveTo = (stage: Stage) => {
    if (stage.id === d.stageId) return;
    if (stage.kind === 'lost') setLosing(stage);
    else void run(() => unwrap(api.deals.move({ id: d.id, stageId: stage.id })));
  };

  return (
    <Stack gap="lg" maw={1280} data-testid="deal-detail">
      <BackLink />
      <Card p="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2} fz={24} data-testid="deal-title">
                {d.title}
              </Title>
              <DealStatusBadge status={d.status} />
              {d.rotting ? (
                <Badge color="red" variant="light">
                  {t('deals.rotting')}
                </Badge>
              ) : null}
            </Group>
            <Group gap="md" c="dimmed">
              <AmountLine deal={d} />
              {company.data ? (
                <Anchor component={Link} to={`/companies/${company.data.id}`} size="sm">
                  <Group gap={4} wrap="nowrap">
                    <IconBuilding size={14} />
                    {company.data.name}
                  </Group>
                </Anchor>
              ) : null}
              {pipeline ? <Text size="sm">{pipeline.name}</Text> : null}
            </Group>
            {readOnly ? null : <TagsEditor entity="deals" id={d.id} />}
          </Stack>
          <Group gap="xs">
            {readOnly ? (
              <Button
                leftSection={<IconRestore size={16} />}
                onClick={() => void run(() => unwrap(api.deals.restore({ id: d.id })))}
              >
                {t('common.restore')}
              </Button>
            ) : (
              <>
                {d.status === 'open' ? (
                  <>
                    <Button
                      color="teal"
                      leftSection={<IconTrophy size={16} />}
                      onClick={() => void run(() => unwrap(api.deals.win({ id: d.id })), t('deals.won_toast'))}
                      data-testid="deal-win"
                    >
                      {t('deals.mark_won')}
                    </Button>
                    <Button
                      color="red"
                      variant="light"
                      leftSection={<IconThumbDown size={16} />}
                      onClick={() => setLosing('any')}
                      data-testid="deal-lose"
                    >
                      {t('deals.mark_lost')}
                    </Button>
                  </>
                ) : null}
                <Button
                  variant="default"
                  leftSection={<IconPhoneCall size={16} />}
                  onClick={() => setLogging('call')}
                  data-testid="deal-log-activity"
                >
                  {t('deals.log_activity')}
                </Button>
                <LogInteractionButton entity="deals" id={d.id} />
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                  data-testid="edit-deal"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => void run(() => unwrap(api.deals.delete({ id: d.id }))).then(() => navigate('/deals'))}
                  data-testid="delete-deal"
                >
                  {t('common.delete')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {d.deleted ? (
          <Alert mt="md" color="orange">
            {t('deals.in_trash')}
          </Alert>
        ) : null}
        {pipeline ? <StagePath pipeline={pipeline} deal={d} disabled={readOnly} onPick={moveTo} /> : null}
      </Card>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <DealFactsCard deal={d} />
            <DealContactsCard dealId={d.id} readOnly={readOnly} />
            <CustomFieldsCard
              entity="deals"
              fields={fields.data ?? []}
              custom={d.custom}
              readOnly={readOnly}
              save={async (custom) => {
                await unwrap(api.deals.update({ id: d.id, custom }));
              }}
            />
            <RecordMeta {...d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {readOnly ? null : <DealLineItemsCard dealId={d.id} />}
            <StageHistoryCard dealId={d.id} />
            <OpenTasksCard entityId={d.id} onAddTask={readOnly ? undefined : () => setLogging('task')} />
            <Timeline entity="deals" id={d.id} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
      </Grid>
      <DealFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        pipelines={pipelines.data?.filter((p) => !p.archived) ?? []}
        deal={d}
        companyName={company.data?.name ?? null}
      />
      <LoseDealModal
        deal={losing ? d : null}
        onClose={() => setLosing(null)}
        onConfirm={async (reason) => {
          if (losing && losing !== 'any')
            await unwrap(api.deals.move({ id: d.id, stageId: losing.id, lostReason: reason }));
          else await unwrap(api.deals.lose({ id: d.id, reason }));
        }}
      />
      <LogActivityModal
        opened={logging !== null}
        onClose={() => setLogging(null)}
        initialType={logging ?? 'call'}
        link={{ entityType: 'deals', entityId: d.id }}
      />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/deals" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('deals.back')}
      </Group>
    </Anchor>
  );
}

function AmountLine({ deal }: { deal: Deal }) {
  const money = useDealMoney();
  return (
    <Text size="lg" fw={700} c="var(--mantine-color-text)" data-testid="deal-amount">
      {deal.amount === null ? '—' : money.format(deal.amount, deal.currency)}
    </Text>
  );
}

/** The pipeline's stages as a path: done ones filled, the current one marked; a click moves the deal. */
function StagePath({
  pipeline,
  deal,
  disabled,
  onPick,
}: {
  pipeline: Pipeline;
  deal: Deal;
  disabled: boolean;
  onPick: (s: Stage) => void;
}) {
  const { t } = useTranslation();
  const stages = pipeline.stages.filter((s) => !s.archived || s.id === deal.stageId);
  const at = stages.findIndex((s) => s.id === deal.stageId);
  const color = (s: Stage, i: number) =>
    s.id === deal.stageId
      ? s.kind === 'won'
        ? 'teal'
        : s.kind === 'lost'
          ? 'red'
          : 'blue'
      : i < at && s.kind === 'open' && deal.status === 'open'
        ? 'blue'
        : 'gray';
  return (
    <Group gap={4} mt="md" wrap="nowrap" data-testid="stage-path" role="group" aria-label={t('deals.stage_path')}>
      {stages.map((s, i) => {
        const c = color(s, i);
        const current = s.id === deal.stageId;
        return (
          <Tooltip key={s.id} label={t('deals.move_to', { stage: s.name })} disabled={disabled || current} withinPortal>
            <UnstyledButton
              onClick={() => !disabled && onPick(s)}
              aria-current={current ? 'step' : undefined}
              disabled={disabled}
              data-testid="stage-step"
              data-stage={s.name}
              style={{
                flex: 1,
                textAlign: 'center',
                padding: '6px 8px',
                borderRadius: 6,
                fontSize: 13,
                fontWeight: current ? 700 : 500,
                background:
                  c === 'gray' ? 'var(--mantine-color-default-hover)' : `var(--mantine-color-${c}-${current ? 6 : 1})`,
                color: current && c !== 'gray' ? 'white' : undefined,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {s.name}
            </UnstyledButton>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** The name of the campaign a deal is attributed to (null while loading, or when there is none). */
function useCampaignName(id: string | null): string | null {
  const [name, setName] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    void unwrap(api.campaigns.get({ id }))
      .then((c) => live && setName({ id, name: c.name }))
      // A campaign gone since (trashed, not synced yet) leaves the row empty rather than an error.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return id && name?.id === id ? name.name : null;
}

function DealFactsCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = useMemberName();
  const day = (iso: string | null) => (iso ? format.date(Date.parse(`${iso}T12:00:00Z`)) : '—');
  const campaign = useCampaignName(deal.campaignId);
  const rows: [string, ReactNode, string?][] = [
    [t('deals.field_stage'), deal.stageName ?? '—'],
    [
      t('deals.field_probability'),
      format.percent(deal.effectiveProbability),
      deal.probability === null ? t('deals.probability_from_stage') : t('deals.probability_override'),
    ],
    [t('deals.field_expected_close'), day(deal.expectedClose)],
    [t('deals.field_owner'), member(deal.ownerId) ?? '—'],
    [t('deals.field_source'), deal.source ?? '—'],
    // Set from the campaign's page (marketing); shown here so the deal says where it came from.
    [
      t('deals.field_campaign'),
      deal.campaignId && campaign ? (
        <Anchor component={Link} to={`/campaigns/${deal.campaignId}`} inherit data-testid="deal-campaign">
          {campaign}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [t('deals.field_next_step'), deal.nextStep ?? '—'],
    [t('deals.field_currency'), deal.currency ?? '—'],
  ];
  if (deal.closedAt)
    rows.push([deal.status === 'won' ? t('deals.won_on') : t('deals.lost_on'), format.date(deal.closedAt)]);
  if (deal.lostReason) rows.push([t('deals.lost_reason'), deal.lostReason]);
  return (
    <SectionCard title={t('deals.facts_title')} testId="deal-facts">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        {rows.map(([label, value, hint]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500} data-testid={label === t('deals.lost_reason') ? 'deal-lost-reason' : undefined}>
              {value}
            </Text>
            {hint ? (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            ) : null}
          </div>
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}
