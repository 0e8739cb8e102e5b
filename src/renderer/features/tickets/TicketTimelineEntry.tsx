import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { STATUS_COLORS } from './ticket-labels';

/** A ticket on a contact's or company's timeline: its subject (a link), status, priority and channel. */
export function TicketTimelineEntry({ item, actor }: { item: TimelineItem; actor: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dyn = t as unknown as (key: string) => string;
  const priority = typeof item.data.priority === 'string' ? item.data.priority : 'normal';
  const channel = typeof item.data.channel === 'string' ? item.data.channel : 'email';
  return (
    <Stack gap={4} data-testid="timeline-ticket">
      <Group gap={8}>
        <Anchor component={Link} to={`/tickets/${item.id}`} size="sm" fw={600}>
          {item.title}
        </Anchor>
        <Badge size="sm" variant="light" color={STATUS_COLORS[item.subtype] ?? 'gray'}>
          {dyn(`tickets.status.${item.subtype}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('timeline.ticket_opened', {
          priority: dyn(`tickets.priority.${priority}`),
          channel: dyn(`tickets.channel.${channel}`),
        })}{' '}
        · {format.dateTime(item.at)}
        {actor ? ` · ${actor}` : ''}
      </Text>
    </Stack>
  );
}
