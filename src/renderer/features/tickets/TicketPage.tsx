import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Rating,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type SlaState,
  type Ticket,
  type TicketMessage,
} from '../../../shared/contract/tickets';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { useMemberName } from '../members/workspace-store';
import { firstProblem } from '../records/issues';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { htmlText } from './html-text';
import { SlaBadge } from './SlaBadge';
import { SLA_COLORS, STATUS_COLORS } from './ticket-labels';
import { TicketComposer } from './TicketComposer';
import { TicketParties } from './TicketParties';

const KIND_COLORS: Record<string, string> = { note: 'yellow', reply: 'indigo', customer: 'teal', auto_reply: 'gray' };

function SlaLine({
  label,
  state,
  due,
  done,
}: {
  label: string;
  state: SlaState;
  due: number | null;
  done: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap">
      <Stack gap={0}>
        <Text size="sm" fw={550}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {done != null
            ? t('tickets.sla.done_at', { when: format.dateTime(done) })
            : due != null
              ? t('tickets.sla.due_at', { when: format.dateTime(due) })
              : t('tickets.sla.none')}
        </Text>
      </Stack>
      <Badge
        color={SLA_COLORS[state]}
        variant={state === 'breached' ? 'filled' : 'light'}
        data-testid="sla-state"
        data-sla={state}
      >
        {state === 'pending' ? t('tickets.sla.pending', { when: format.ago(due!) }) : t(`tickets.sla.${state}`)}
      </Badge>
    </Group>
  );
}

function Conversation({ messages }: { messages: TicketMessage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const memberName = useMemberName();
  if (!messages.length)
    return (
      <Text c="dimmed" size="sm">
        {t('tickets.conversation_empty')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="ticket-messages">
      {messages.map((m) => (
        <Paper
          key={m.id}
          withBorder
          radius="md"
          p="sm"
          bg={m.kind === 'note' ? 'var(--mantine-color-yellow-light)' : undefined}
          data-testid="ticket-message"
          data-kind={m.kind}
        >
          <Group justify="space-between" mb={4}>
            <Group gap={6}>
              <Badge size="sm" variant="light" color={KIND_COLORS[m.kind]}>
                {t(`tickets.kind.${m.kind}`)}
              </Badge>
              {m.delivery ? (
                <Badge
                  size="sm"
                  variant="outline"
                  color={m.delivery === 'failed' ? 'red' : 'gray'}
                  data-testid="message-delivery"
                >
                  {t(`tickets.delivery.${m.delivery as 'queued'}`)}
                </Badge>
              ) : null}
              <Text size="xs" c="dimmed">
                {[memberName(m.authorId), format.dateTime(m.createdAt)].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </Group>
          {m.subject ? (
            <Text size="sm" fw={550}>
              {m.subject}
            </Text>
          ) : null}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {htmlText(m.body)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** One ticket: its conversation and composer, its fields, and where it stands against its SLA. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [messages, setMessages] = useState<TicketMessage[]>([]);
  const [category, setCategory] = useState('');

  const load = useCallback(async () => {
    const [one, conversation] = await Promise.all([
      unwrap(api.tickets.get({ id })),
      unwrap(api.tickets.messages({ id })),
    ]);
    setTicket(one);
    setCategory(one.category ?? '');
    setMessages(conversation.items);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('tickets', (ids) => (ids.length === 0 || ids.includes(id) ? void load() : undefined));
  useChanges('ticket_messages', () => void load());
  useChanges('email_outbox', () => void load());

  const update = async (
    patch: Partial<
      Pick<
        Ticket,
        'status' | 'priority' | 'channel' | 'category' | 'assigneeId' | 'satisfaction' | 'contactId' | 'companyId'
      >
    >,
  ) => {
    try {
      setTicket(await unwrap(api.tickets.update({ id, ...patch })));
      notifySuccess(t('tickets.saved'), ticket?.subject ?? '');
    } catch (error) {
      notifyError(t('tickets.not_saved'), firstProblem(t, error));
    }
  };

  if (!ticket) return <LoadingState />;
  return (
    <>
      <Anchor
        component={Link}
        to="/tickets"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('tickets.back')}
      </Anchor>
      <Group justify="space-between" mb="md" align="flex-start">
        <Stack gap={4}>
          <Title order={2} fz={24} data-testid="page-title">
            {ticket.subject}
          </Title>
          <Group gap={6}>
            <Badge color={STATUS_COLORS[ticket.status]} variant="light" data-testid="ticket-status">
              {t(`tickets.status.${ticket.status}`)}
            </Badge>
            <SlaBadge ticket={ticket} />
            <Text size="xs" c="dimmed">
              {format.dateTime(ticket.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={async () => {
            await unwrap(api.tickets.delete({ id }));
            notifySuccess(t('tickets.deleted'), ticket.subject);
            void navigate('/tickets');
          }}
        >
          {t('tickets.delete')}
        </Button>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {ticket.description ? (
              <Paper withBorder radius="lg" p="md">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {ticket.description}
                </Text>
              </Paper>
            ) : null}
            <Paper withBorder radius="lg" p="md">
              <Text fw={650} mb="sm">
                {t('tickets.conversation')}
              </Text>
              <Conversation messages={messages} />
            </Paper>
            <TicketComposer ticket={ticket} onSent={() => void load()} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="lg" p="md">
              <Stack gap="sm">
                <Select
                  label={t('tickets.field.status')}
                  data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
                  value={ticket.status}
                  onChange={(v) => v && void update({ status: v as Ticket['status'] })}
                  allowDeselect={false}
                  data-testid="ticket-status-select"
                />
                <Select
                  label={t('tickets.field.priority')}
                  data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
                  value={ticket.priority}
                  onChange={(v) => v && void update({ priority: v as Ticket['priority'] })}
                  allowDeselect={false}
                />
                <Select
                  label={t('tickets.field.channel')}
                  data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
                  value={ticket.channel}
                  onChange={(v) => v && void update({ channel: v as Ticket['channel'] })}
                  allowDeselect={false}
                />
                <MemberSelect
                  label={t('tickets.field.assignee')}
                  placeholder={t('tickets.unassigned')}
                  value={ticket.assigneeId}
                  onChange={(v) => void update({ assigneeId: v })}
                />
                <TextInput
                  label={t('tickets.field.category')}
                  value={category}
                  onChange={(e) => setCategory(e.currentTarget.value)}
                  onBlur={() =>
                    category !== (ticket.category ?? '') ? void update({ category: category || null }) : undefined
                  }
                />
                <TicketParties ticket={ticket} onChange={(patch) => void update(patch)} />
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t('tickets.field.satisfaction')}
                  </Text>
                  <Rating
                    value={ticket.satisfaction ?? 0}
                    onChange={(v) => void update({ satisfaction: v })}
                    aria-label={t('tickets.field.satisfaction')}
                  />
                </Stack>
              </Stack>
            </Paper>
            <Paper withBorder radius="lg" p="md" data-testid="ticket-sla-card">
              <Text fw={650} mb="sm">
                {t('tickets.sla.title')}
              </Text>
              <Stack gap="sm">
                <SlaLine
                  label={t('tickets.sla.first_response')}
                  state={ticket.sla.firstResponse}
                  due={ticket.firstResponseDueAt}
                  done={ticket.firstRespondedAt}
                />
                <SlaLine
                  label={t('tickets.sla.resolution')}
                  state={ticket.sla.resolution}
                  due={ticket.resolutionDueAt}
                  done={ticket.resolvedAt}
                />
                {ticket.reopenedAt != null ? (
                  // Says why the targets count from a later time than the ticket's creation.
                  <Text size="xs" c="dimmed" data-testid="ticket-reopened">
                    {t('tickets.sla.reopened_at', { when: format.dateTime(ticket.reopenedAt) })}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
