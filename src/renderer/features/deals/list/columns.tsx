import { Avatar, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../shared/contract';
import type { ColumnOverride } from '../../lists/table/build-columns';
import { Empty } from '../../lists/table/cells';
import type { ColumnState } from '../../lists/types';
import { RecordNameCell } from '../../records/record-columns';
import { formatMinor } from '../money';

const STATUS_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

export function DealStatusBadge({ status }: { status: Deal['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} radius="sm" tt="none" fw={600} data-testid="deal-status">
      {t(`deals.status_${status}`)}
    </Badge>
  );
}

/** What a new workspace's deals list shows, left to right. */
export const DEAL_DEFAULT_COLUMNS: ColumnState[] = [
  { field: 'name', width: 300 },
  { field: 'stageId', width: 170 },
  { field: 'amount', width: 150 },
  { field: 'probability', width: 140 },
  { field: 'expectedClose', width: 150 },
  { field: 'status', width: 120 },
  { field: 'ownerId', width: 180 },
  { field: 'source', width: 150 },
  { field: 'updatedAt', width: 140 },
];

/** Deal fields that look different from their kind's default. */
export const DEAL_COLUMNS: Record<string, ColumnOverride<Deal>> = {
  name: {
    width: 300,
    minWidth: 160,
    read: (d) => d.title,
    render: (d) => (
      <RecordNameCell
        avatar={<Avatar name={d.title} color="initials" size={32} radius="md" alt="" />}
        to={`/deals/${d.id}`}
        name={d.title}
        subtitle={d.nextStep}
        testId="deal-name"
        miw={0}
      />
    ),
    exportValue: (d) => d.title,
  },
  stageId: {
    width: 170,
    render: (d) => d.stageName ?? <Empty />,
    exportValue: (d) => d.stageName,
  },
  amount: {
    width: 150,
    align: 'right',
    render: (d, { format }) =>
      d.amount === null ? <Empty /> : formatMinor(format.locale, d.amount, d.currency ?? 'USD'),
    exportValue: (d) => (d.amount === null ? null : d.amount / 100),
  },
  probability: {
    width: 140,
    align: 'right',
    render: (d, { format }) => format.percent(d.effectiveProbability),
    exportValue: (d) => d.effectiveProbability,
  },
  status: {
    width: 120,
    read: (d) => d.status,
    render: (d) => <DealStatusBadge status={d.status} />,
    exportValue: (d) => d.status,
  },
  createdAt: { width: 130, render: (d, { format }) => format.date(d.createdAt) },
  updatedAt: {
    width: 140,
    render: (d, { format }) => <span title={format.dateTime(d.updatedAt)}>{format.ago(d.updatedAt)}</span>,
  },
};
