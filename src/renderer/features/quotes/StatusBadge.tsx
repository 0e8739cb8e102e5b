import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus, QuoteStatus } from '../../../shared/domain/billing';

const COLORS: Record<QuoteStatus | InvoiceStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  declined: 'red',
  expired: 'orange',
  unpaid: 'blue',
  partially_paid: 'yellow',
  paid: 'teal',
  overdue: 'red',
  void: 'gray',
};

export function StatusBadge({ status }: { status: QuoteStatus | InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="status-badge">
      {t(`billing.state.${status}`)}
    </Badge>
  );
}
