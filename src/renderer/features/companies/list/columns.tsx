import { Avatar, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../shared/contract';
import type { CompanyType } from '../../../../shared/domain/company';
import type { ColumnOverride } from '../../lists/table/build-columns';
import { Empty, LinkCell } from '../../lists/table/cells';
import type { ColumnState } from '../../lists/types';
import { RecordNameCell, sharedRecordColumns } from '../../records/record-columns';

const TYPE_COLORS: Record<CompanyType, string> = {
  customer: 'teal',
  prospect: 'blue',
  partner: 'violet',
  supplier: 'orange',
  distributor: 'cyan',
  reseller: 'grape',
  competitor: 'red',
  other: 'gray',
};

export function CompanyTypeBadge({ type }: { type: CompanyType | null }) {
  const { t } = useTranslation();
  if (!type) return <Empty />;
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} radius="sm" tt="none" fw={600}>
      {t(`companies.type_${type}`)}
    </Badge>
  );
}

function CompanyNameCell({ company }: { company: Company }) {
  return (
    <RecordNameCell
      avatar={<Avatar name={company.name} color="initials" size={32} radius="md" alt="" />}
      to={`/companies/${company.id}`}
      name={company.name}
      subtitle={company.industry}
      testId="company-name"
      miw={0}
    />
  );
}

/** What a new workspace's companies list shows, left to right. */
export const COMPANY_DEFAULT_COLUMNS: ColumnState[] = [
  { field: 'name', width: 280 },
  { field: 'domain', width: 190 },
  { field: 'industry', width: 170 },
  { field: 'type', width: 130 },
  { field: 'employees', width: 130 },
  { field: 'annualRevenue', width: 160 },
  { field: 'lifecycleStage', width: 160 },
  { field: 'ownerId', width: 180 },
  { field: 'createdAt', width: 130 },
  { field: 'updatedAt', width: 140 },
];

/** Company fields that look different from their kind's default (the rest come from the catalogue). */
export const COMPANY_COLUMNS: Record<string, ColumnOverride<Company>> = {
  name: {
    width: 280,
    minWidth: 160,
    render: (c) => <CompanyNameCell company={c} />,
  },
  domain: {
    width: 190,
    render: (c) => (c.domain ? <LinkCell href={`https://${c.domain}`}>{c.domain}</LinkCell> : <Empty />),
  },
  type: { width: 130, render: (c) => <CompanyTypeBadge type={c.type} /> },
  employees: { width: 130 },
  annualRevenue: {
    width: 160,
    render: (c, { format }) => (c.annualRevenue === null ? <Empty /> : format.money(c.annualRevenue)),
  },
  ...sharedRecordColumns<Company>(),
};
