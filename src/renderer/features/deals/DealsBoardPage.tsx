import { Button, Select } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { DealBoard } from './board/DealBoard';
import { ComboPlaceholder } from './board/ComboPlaceholder';
import { boardInput, prefetchBoard } from './board/use-board';
import { DealFormModal } from './DealFormModal';
import { useDealsUi } from './deals-ui-store';
import { DealsViewSwitch } from './DealsViewSwitch';
import { usePipelines } from './use-pipelines';

/** The deals board: pick a pipeline, filter, drag deals through its stages. */
export function DealsBoardPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const { pipelineId, setPipeline } = useDealsUi();
  const [adding, setAdding] = useState(false);
  // The pipeline picker mounts once the board has painted its first screen (see ComboPlaceholder).
  const [boardPainted, setBoardPainted] = useState(false);
  const onBoardPainted = useCallback(() => setBoardPainted(true), []);
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === pipelineId) ?? list[0];
  const filters = useDealsUi((s) => s.filters);
  // On the page's first render the board's read leaves at once, before the header and filters
  // render; the board takes it up (a state initialiser: once per visit of the page).
  useState(() => {
    if (pipeline) prefetchBoard(boardInput(pipeline.id, { ...filters, query: filters.query.trim() }));
    return null;
  });

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        subtitle={t('deals.subtitle')}
        actions={
          <>
            {boardPainted ? (
              <Select
                aria-label={t('deals.field_pipeline')}
                data={list.map((p) => ({ value: p.id, label: p.name }))}
                value={pipeline?.id ?? null}
                onChange={(v) => v && setPipeline(v)}
                allowDeselect={false}
                w={220}
                data-testid="pipeline-select"
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <ComboPlaceholder w={220} value={pipeline?.name ?? ''} />
            )}
            <DealsViewSwitch value="board" />
            <Button
              component={Link}
              to="/settings/pipelines"
              variant="default"
              leftSection={<IconSettings size={16} />}
              data-testid="edit-pipelines"
            >
              {t('deals.edit_pipelines')}
            </Button>
            <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} data-testid="new-deal">
              {t('deals.new')}
            </Button>
          </>
        }
      />
      {pipeline ? <DealBoard pipeline={pipeline} pipelines={list} onPainted={onBoardPainted} /> : <LoadingState />}
      <DealFormModal
        opened={adding}
        onClose={() => setAdding(false)}
        pipelines={list}
        pipelineId={pipeline?.id ?? null}
      />
    </>
  );
}
