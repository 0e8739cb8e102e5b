import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/contract/tickets';
import { useFormat } from '../../lib/format';
import { SLA_COLORS } from './ticket-labels';

/** The ticket's SLA in one badge: breached, the next due time, met, or no target. */
export function SlaBadge({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sla } = ticket;
  const state = sla.breached
    ? 'breached'
    : sla.nextDueAt != null
      ? 'pending'
      : sla.firstResponse === 'none' && sla.resolution === 'none'
        ? 'none'
        : 'met';
  const label =
    state === 'pending' ? t('tickets.sla.pending', { when: format.ago(sla.nextDueAt!) }) : t(`tickets.sla.${state}`);
  return (
    <Tooltip label={sla.nextDueAt != null ? format.dateTime(sla.nextDueAt) : label}>
      <Badge
        variant={state === 'breached' ? 'filled' : 'light'}
        color={SLA_COLORS[state]}
        data-testid="ticket-sla"
        data-sla={state}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
