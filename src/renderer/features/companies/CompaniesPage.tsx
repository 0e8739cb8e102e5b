import { Button } from '@mantine/core';
import { IconBuilding, IconBuildingPlus, IconZoomQuestion } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { RecordListPage, type ListPageConfig } from '../lists/RecordListPage';
import { COMPANY_COLUMNS, COMPANY_DEFAULT_COLUMNS } from './list/columns';

/** The companies (accounts) list: the shared record list with the companies' columns and routes. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const config = useMemo<ListPageConfig<Company>>(
    () => ({
      entity: 'companies',
      title: t('companies.title'),
      totalText: (count) => t('companies.total', { count }),
      defaultViewLabel: t('companies.view_all'),
      tableLabel: t('companies.table_label'),
      searchLabel: t('companies.filter_label'),
      searchPlaceholder: t('companies.filter_placeholder'),
      loadFailed: t('companies.load_failed'),
      defaultColumns: COMPANY_DEFAULT_COLUMNS,
      overrides: COMPANY_COLUMNS,
      rowLabel: (c) => c.name,
      openPath: (c) => `/companies/${c.id}`,
      testIds: {
        table: 'companies-table',
        row: 'company-row',
        total: 'companies-total',
        search: 'companies-filter',
        empty: 'companies-empty',
      },
      actions: (
        <Button
          component={Link}
          to="/companies/new"
          leftSection={<IconBuildingPlus size={18} stroke={1.7} />}
          data-testid="new-company"
        >
          {t('companies.new')}
        </Button>
      ),
      emptyBook: (
        <EmptyState
          icon={IconBuilding}
          title={t('companies.empty_title')}
          body={t('companies.empty_body')}
          testId="companies-empty"
          action={
            <Button component={Link} to="/companies/new" leftSection={<IconBuildingPlus size={18} />}>
              {t('companies.new')}
            </Button>
          }
        />
      ),
      noMatch: (query) => (
        <EmptyState
          icon={IconZoomQuestion}
          title={t('companies.no_match_title', { query })}
          body={t('companies.no_match_body')}
          testId="companies-empty"
        />
      ),
    }),
    [t],
  );
  return <RecordListPage config={config} />;
}
