import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconLifebuoy, IconPlus, IconSettings } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TICKET_QUEUES, type Ticket, type TicketQueue } from '../../../shared/contract/tickets';
import { EmptyState } from '../../components/EmptyState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { NewTicketForm } from './NewTicketForm';
import { REPORT_PERIODS, reportRange, type CustomRange, type ReportPeriod } from './report-period';
import { PRIORITY_COLORS, STATUS_COLORS } from './ticket-labels';
import { SlaBadge } from './SlaBadge';
import { useDuration } from './use-duration';

type Report = Awaited<ReturnType<typeof loadReport>>;
const loadReport = (range: { from: number; to: number }) => unwrap(api.tickets.report(range));

interface PeriodChoice {
  period: ReportPeriod;
  custom: CustomRange;
}

function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end">
      <Select
        size="xs"
        label={t('tickets.report.period')}
        data={REPORT_PERIODS.map((p) => ({ value: p, label: t(`tickets.report.period_${p}`) }))}
        value={value.period}
        onChange={(v) => v && onChange({ ...value, period: v as ReportPeriod })}
        allowDeselect={false}
        w={170}
        data-testid="tickets-report-period"
      />
      {value.period === 'custom' ? (
        <>
          <TextInput
            size="xs"
            type="date"
            label={t('tickets.report.from')}
            value={value.custom.from ?? ''}
            onChange={(e) =>
              onChange({ ...value, custom: { ...value.custom, from: e.currentTarget.value || undefined } })
            }
            data-testid="tickets-report-from"
          />
          <TextInput
            size="xs"
            type="date"
            label={t('tickets.report.to')}
            value={value.custom.to ?? ''}
            onChange={(e) =>
              onChange({ ...value, custom: { ...value.custom, to: e.currentTarget.value || undefined } })
            }
            data-testid="tickets-report-to"
          />
        </>
      ) : null}
    </Group>
  );
}

function ReportStrip({
  report,
  choice,
  onChoice,
}: {
  report: Report | null;
  choice: PeriodChoice;
  onChoice: (next: PeriodChoice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const none = t('tickets.report.none');
  const figures: [string, string][] = [
    [t('tickets.report.volume'), report ? format.number(report.volume) : none],
    [t('tickets.report.first_response'), duration(report?.avgFirstResponseMinutes ?? null) ?? none],
    [t('tickets.report.resolution'), duration(report?.avgResolutionMinutes ?? null) ?? none],
    [
      t('tickets.report.compliance'),
      report?.slaCompliance != null
        ? new Intl.NumberFormat(format.locale, { style: 'percent' }).format(report.slaCompliance)
        : none,
    ],
    [
      t('tickets.report.satisfaction'),
      report?.avgSatisfaction != null
        ? `${new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(report.avgSatisfaction)} / 5`
        : none,
    ],
  ];
  return (
    <Paper withBorder radius="lg" p="md" mb="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Text size="sm" fw={650}>
          {t('tickets.report.title')}
        </Text>
        <PeriodPicker value={choice} onChange={onChoice} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="tickets-report">
        {figures.map(([label, value], i) => (
          <Stack key={label} gap={0}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={650} data-testid={i === 0 ? 'tickets-report-volume' : undefined}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** The service desk: queues with their counts, the tickets of one, and the figures of a chosen period. */
export function TicketsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [queue, setQueue] = useState<TicketQueue>('open');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [counts, setCounts] = useState<Record<TicketQueue, number> | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [creating, setCreating] = useState(false);
  const [choice, setChoice] = useState<PeriodChoice>({ period: 'last_30', custom: {} });

  const load = useCallback(async () => {
    const [page, queueCounts, figures] = await Promise.all([
      unwrap(api.tickets.list({ queue, ...(query.trim() ? { query: query.trim() } : {}), limit: 200 })),
      unwrap(api.tickets.queueCounts({})),
      // The period is resolved at each load, so a rolling one ends at the moment of the change.
      loadReport(reportRange(choice.period, Date.now(), choice.custom)),
    ]);
    setItems(page.items);
    setCounts(queueCounts);
    setReport(figures);
  }, [queue, query, choice]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('tickets', () => void load());
  useChanges('ticket_messages', () => void load());

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        subtitle={t('tickets.subtitle')}
        actions={
          <>
            <Button component={Link} to="/tickets/settings" variant="default" leftSection={<IconSettings size={16} />}>
              {t('tickets.settings')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="ticket-new">
              {t('tickets.new')}
            </Button>
          </>
        }
      />
      <ReportStrip report={report} choice={choice} onChoice={setChoice} />
      <Paper withBorder radius="lg" p="md">
        <Group mb="sm" justify="space-between" wrap="wrap">
          <SegmentedControl
            value={queue}
            onChange={(v) => setQueue(v as TicketQueue)}
            aria-label={t('tickets.queues')}
            data-testid="ticket-queues"
            data={TICKET_QUEUES.map((q) => ({
              value: q,
              label: `${t(`tickets.queue.${q}`)}${counts ? ` (${format.number(counts[q])})` : ''}`,
            }))}
          />
          <TextInput
            placeholder={t('tickets.search')}
            aria-label={t('tickets.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </Group>
        {items && items.length === 0 ? (
          <EmptyState
            icon={IconLifebuoy}
            title={t('tickets.empty')}
            body={t('tickets.empty_body')}
            testId="tickets-empty"
          />
        ) : (
          <Table highlightOnHover data-testid="tickets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tickets.col.subject')}</Table.Th>
                <Table.Th>{t('tickets.col.contact')}</Table.Th>
                <Table.Th>{t('tickets.col.priority')}</Table.Th>
                <Table.Th>{t('tickets.col.status')}</Table.Th>
                <Table.Th>{t('tickets.col.assignee')}</Table.Th>
                <Table.Th>{t('tickets.col.sla')}</Table.Th>
                <Table.Th>{t('tickets.col.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((ticket) => (
                <Table.Tr
                  key={ticket.id}
                  onClick={() => void navigate(`/tickets/${ticket.id}`)}
                  style={{ cursor: 'pointer' }}
                  data-testid="ticket-row"
                >
                  <Table.Td>
                    <Text fw={550}>{ticket.subject}</Text>
                  </Table.Td>
                  <Table.Td>{ticket.contactName ?? ticket.companyName ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={PRIORITY_COLORS[ticket.priority]}>
                      {t(`tickets.priority.${ticket.priority}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[ticket.status]}>
                      {t(`tickets.status.${ticket.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{ticket.assigneeName ?? t('tickets.unassigned')}</Table.Td>
                  <Table.Td>
                    <SlaBadge ticket={ticket} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.ago(ticket.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('tickets.new')}>
        <NewTicketForm
          onDone={(id) => {
            setCreating(false);
            void navigate(`/tickets/${id}`);
          }}
        />
      </FormModal>
    </>
  );
}
