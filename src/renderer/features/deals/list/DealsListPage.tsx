import { Button } from '@mantine/core';
import { IconPlus, IconTargetArrow, IconZoomQuestion } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../shared/contract';
import { EmptyState } from '../../../components/EmptyState';
import { RecordListPage, type ListPageConfig } from '../../lists/RecordListPage';
import { DealFormModal } from '../DealFormModal';
import { DealsViewSwitch } from '../DealsViewSwitch';
import { usePipelines } from '../use-pipelines';
import { DEAL_COLUMNS, DEAL_DEFAULT_COLUMNS } from './columns';

/** The deals as a list: the shared record list (views, filters, sorts, bulk actions, CSV) with deal columns. */
export function DealsListPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [adding, setAdding] = useState(false);
  const config = useMemo<ListPageConfig<Deal>>(
    () => ({
      entity: 'deals',
      title: t('deals.title'),
      totalText: (count) => t('deals.total', { count }),
      defaultViewLabel: t('deals.view_all'),
      tableLabel: t('deals.table_label'),
      searchLabel: t('deals.filter_placeholder'),
      searchPlaceholder: t('deals.filter_placeholder'),
      loadFailed: t('deals.load_failed'),
      defaultColumns: DEAL_DEFAULT_COLUMNS,
      overrides: DEAL_COLUMNS,
      rowLabel: (d) => d.title,
      openPath: (d) => `/deals/${d.id}`,
      testIds: {
        table: 'deals-table',
        row: 'deal-row',
        total: 'deals-total',
        search: 'deals-filter',
        empty: 'deals-empty',
      },
      actions: (
        <>
          <DealsViewSwitch value="list" />
          <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} data-testid="new-deal">
            {t('deals.new')}
          </Button>
        </>
      ),
      emptyBook: (
        <EmptyState
          icon={IconTargetArrow}
          title={t('deals.empty_title')}
          body={t('deals.empty_body')}
          testId="deals-empty"
        />
      ),
      noMatch: (query) => (
        <EmptyState
          icon={IconZoomQuestion}
          title={t('deals.no_match_title', { query })}
          body={t('deals.no_match_body')}
          testId="deals-empty"
        />
      ),
    }),
    [t],
  );
  return (
    <>
      <RecordListPage config={config} />
      <DealFormModal opened={adding} onClose={() => setAdding(false)} pipelines={pipelines.data ?? []} />
    </>
  );
}
