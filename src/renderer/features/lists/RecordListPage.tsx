import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useStore } from 'zustand';
import type { FilterGroup, SavedView, SortSpec } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { BulkBar } from './bulk/BulkBar';
import { downloadFile, toCsv } from './bulk/csv';
import { useBulkActions } from './bulk/use-bulk-actions';
import { ColumnPicker } from './ColumnPicker';
import { ExportMenu } from './ExportMenu';
import { ENTITY_API } from './entity-api';
import type { FilterEnv } from './filter/context';
import { FilterBuilder } from './filter/FilterBuilder';
import { FilterChips } from './filter/FilterChips';
import { useListFormat } from './format';
import { FULL_HEIGHT } from './layout';
import { listStore } from './list-store';
import { useBaseCurrency, useCustomFields, useFieldCatalog, useMembers, useTags } from './lookups';
import { QuickFilters } from './QuickFilters';
import { buildColumns, type ColumnEnv, type ColumnOverride } from './table/build-columns';
import { RecordTable } from './table/RecordTable';
import { useSelection } from './table/use-selection';
import type { ColumnState, ListFilterInput, ListRecord, ListSettings, RecordEntity } from './types';
import { useRecordPages } from './use-record-pages';
import { SaveViewModal } from './views/SaveViewModal';
import { differsFrom, fromViewConfig, toViewConfig } from './views/view-config';
import { useViews } from './views/use-views';
import { ViewBar } from './views/ViewBar';

/** What makes a list page one entity's: its words, columns, routes and test ids. */
export interface ListPageConfig<T extends ListRecord> {
  entity: RecordEntity;
  title: string;
  totalText: (count: number) => string;
  defaultViewLabel: string;
  tableLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  loadFailed: string;
  defaultColumns: ColumnState[];
  overrides: Record<string, ColumnOverride<T>>;
  rowLabel: (row: T) => string;
  openPath: (row: T) => string;
  /** Buttons at the top right (New, Trash). */
  actions: ReactNode;
  /** The list is empty and nothing narrows it. */
  emptyBook: ReactNode;
  /** Nothing matches the words typed. */
  noMatch: (query: string) => ReactNode;
  testIds: { table: string; row: string; total: string; search: string; empty: string };
}

const RECENT_LIMIT = 200;

/**
 * A whole record list: saved views, quick filters, words, the filter builder, choosable
 * columns, the virtual table and bulk actions. Contacts and companies are this page with their
 * own configuration.
 */
export function RecordListPage<T extends ListRecord>({ config }: { config: ListPageConfig<T> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { entity } = config;
  const store = listStore(entity, config.defaultColumns);
  const settings = useStore(store);
  const { query, filter, sort, columns: layout, quick, viewId } = settings;
  // A chart or report opens the list narrowed to its segment: `?filter=<FilterGroup as JSON>` (analytics).
  const [searchParams, setSearchParams] = useSearchParams();
  useEffect(() => {
    const raw = searchParams.get('filter');
    if (!raw) return;
    try {
      store.getState().applyView(null, { filter: JSON.parse(raw) as FilterGroup });
    } catch {
      // a malformed link just shows the list
    }
    setSearchParams({}, { replace: true });
  }, [searchParams, setSearchParams, store]);

  // ---- lookups and columns
  const catalog = useFieldCatalog(entity);
  const customFields = useCustomFields(entity);
  const members = useMembers();
  const tags = useTags();
  const currency = useBaseCurrency();
  const format = useListFormat(currency);
  const memberMap = useMemo(() => new Map((members ?? []).map((m) => [m.id, m])), [members]);
  const customDefs = useMemo(() => new Map((customFields ?? []).map((d) => [d.key, d])), [customFields]);
  const columnEnv = useMemo<ColumnEnv>(
    () => ({ t, format, members: memberMap, customDefs }),
    [t, format, memberMap, customDefs],
  );
  const available = useMemo(
    () => buildColumns(catalog ?? [], columnEnv, config.overrides),
    [catalog, columnEnv, config.overrides],
  );
  // The layout as far as this workspace can show it (a custom field may have been archived).
  const { visible, shownLayout } = useMemo(() => {
    const byField = new Map(available.map((c) => [c.field, c]));
    const shown = layout.filter((c) => byField.has(c.field));
    return { visible: shown.map((c) => byField.get(c.field)!), shownLayout: shown };
  }, [available, layout]);

  // ---- what to list
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200);
  const [recentIds, setRecentIds] = useState<string[] | null>(null);
  useEffect(() => {
    if (quick.kind !== 'recent') return;
    let live = true;
    unwrap(api.recent.list({ entity, limit: RECENT_LIMIT })).then(
      ({ ids }) => live && setRecentIds(ids),
      () => live && setRecentIds([]),
    );
    return () => {
      live = false;
    };
  }, [quick.kind, entity]);

  const input = useMemo<ListFilterInput | null>(() => {
    if (quick.kind === 'recent' && recentIds === null) return null;
    return {
      ...(debouncedQuery ? { query: debouncedQuery } : {}),
      ...(filter.conditions.length ? { filter } : {}),
      sort: sort.length === 1 ? sort[0]! : sort,
      ...(quick.kind === 'mine' ? { ownerId: 'me' as const } : {}),
      ...(quick.kind === 'tag' ? { tagId: quick.tagId } : {}),
      ...(quick.kind === 'recent' ? { ids: recentIds ?? [] } : {}),
    };
  }, [debouncedQuery, filter, sort, quick, recentIds]);
  const pages = useRecordPages<T>(entity, input);
  const resetKey = JSON.stringify(input);

  // ---- selection and bulk actions
  const selection = useSelection(pages.items);
  const { clear } = selection;
  useEffect(() => clear(), [resetKey, clear]);
  const bulk = useBulkActions(entity, clear);
  const selectedIds = selection.rows.map((r) => r.id);

  const exportCsv = () => {
    const stamp = new Date().toISOString().slice(0, 10);
    downloadFile(`${config.title.toLowerCase().replace(/\s+/g, '-')}-${stamp}.csv`, toCsv(selection.rows, visible));
    notifySuccess(t('lists.exported'), t('lists.exported_body', { count: selection.rows.length }));
  };

  // ---- sorting and columns
  const onSort = useCallback(
    (field: string, additive: boolean) => {
      const kind = catalog?.find((f) => f.field === field)?.kind;
      const direction: SortSpec['direction'] = kind === 'date' || kind === 'number' ? 'desc' : 'asc';
      store.getState().toggleSort(field, { additive, direction });
    },
    [catalog, store],
  );
  const setSort = useCallback((next: SortSpec[]) => store.getState().setSort(next), [store]);
  const setLayout = useCallback((next: ColumnState[]) => store.getState().setColumns(next), [store]);

  // ---- filter builder
  const [builderOpen, setBuilderOpen] = useState(false);
  const filterEnv = useMemo<FilterEnv>(
    () => ({
      t,
      format,
      fields: new Map((catalog ?? []).filter((f) => f.field !== 'parentId').map((f) => [f.field, f])),
      customDefs,
      members: members ?? [],
      tags: tags ?? [],
    }),
    [t, format, catalog, customDefs, members, tags],
  );
  const validateFilter = useCallback(
    async (next: FilterGroup) => {
      const { filter: _current, sort: _sort, ...rest } = input ?? {};
      await unwrap(ENTITY_API[entity].count(next.conditions.length ? { ...rest, filter: next } : rest));
    },
    [entity, input],
  );

  // ---- saved views
  const { views, reload: reloadViews } = useViews(entity);
  const activeView = views?.find((v) => v.id === viewId) ?? null;
  useEffect(() => {
    // The view was deleted (here or elsewhere): keep what is on screen, as the default view.
    if (views && viewId && !activeView) store.setState({ viewId: null });
  }, [views, viewId, activeView, store]);
  const current: ListSettings = { query, filter, sort, columns: layout, quick };
  const dirty = activeView
    ? differsFrom(current, activeView)
    : query.trim() !== '' || filter.conditions.length > 0 || quick.kind !== 'all';
  const [modal, setModal] = useState<
    { kind: 'create' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView } | null
  >(null);

  const selectView = (view: SavedView | null) =>
    store.getState().applyView(view?.id ?? null, view ? fromViewConfig(view.config) : {});
  const saveView = async (view: SavedView, patch: { name?: string; shared?: boolean; config?: boolean }) => {
    try {
      await unwrap(
        api.views.update({
          id: view.id,
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.shared !== undefined ? { shared: patch.shared } : {}),
          ...(patch.config ? { config: toViewConfig(current) } : {}),
        }),
      );
      await reloadViews();
      notifySuccess(t('lists.view_saved'), t('lists.view_saved_body', { name: patch.name ?? view.name }));
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  };

  // ---- empty states
  const narrowed = filter.conditions.length > 0 || quick.kind !== 'all';
  const empty = debouncedQuery ? (
    config.noMatch(debouncedQuery)
  ) : narrowed ? (
    <EmptyState
      icon={IconFilterOff}
      color="gray"
      title={t('lists.no_match_filters_title')}
      body={quick.kind === 'mine' ? t('lists.no_match_mine_body') : t('lists.no_match_filters_body')}
      testId={config.testIds.empty}
      action={
        <Button
          variant="default"
          onClick={() => {
            store.getState().setFilter({ op: 'and', conditions: [] });
            store.getState().setQuick({ kind: 'all' });
          }}
        >
          {t('lists.clear_filters')}
        </Button>
      }
    />
  ) : (
    config.emptyBook
  );

  const open = useCallback(
    (row: T) => {
      void api.recent.add({ entity, id: row.id });
      void navigate(config.openPath(row));
    },
    [entity, navigate, config],
  );

  return (
    <Stack gap={0} h={FULL_HEIGHT}>
      <PageHeader
        title={config.title}
        subtitle={
          <span data-testid={config.testIds.total}>
            {pages.total === null ? '\u00a0' : config.totalText(pages.total)}
          </span>
        }
        actions={config.actions}
      />
      <ViewBar
        defaultLabel={config.defaultViewLabel}
        views={views ?? []}
        activeId={viewId}
        dirty={dirty}
        onSelect={selectView}
        onSaveNew={() => setModal({ kind: 'create' })}
        onUpdate={(view) => void saveView(view, { config: true })}
        onRename={(view) => setModal({ kind: 'rename', view })}
        onToggleShared={(view) => void saveView(view, { shared: !view.shared })}
        onDelete={(view) => setModal({ kind: 'delete', view })}
      />
      {/* On a narrow window (or with Spanish's longer labels) the buttons move to a second row rather than
          squeezing the search box to nothing and overlapping the tag filter. */}
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 0', minWidth: 'min-content' }}>
          <TextInput
            value={query}
            onChange={(e) => store.getState().setQuery(e.currentTarget.value)}
            placeholder={config.searchPlaceholder}
            aria-label={config.searchLabel}
            leftSection={<IconSearch size={16} />}
            style={{ flex: '1 1 140px', minWidth: 140, maxWidth: 320 }}
            data-testid={config.testIds.search}
          />
          <QuickFilters value={quick} tags={tags ?? []} onChange={(q) => store.getState().setQuick(q)} />
        </Group>
        <Group gap="sm" wrap="nowrap" ml="auto">
          <FilterBuilder
            env={filterEnv}
            filter={filter}
            validate={validateFilter}
            onApply={(f) => store.getState().setFilter(f)}
            opened={builderOpen}
            onOpenChange={setBuilderOpen}
          />
          <ColumnPicker
            available={available}
            layout={shownLayout}
            onChange={setLayout}
            onReset={() => setLayout(config.defaultColumns)}
          />
          <ExportMenu entity={entity} input={input} />
        </Group>
      </Group>
      {filter.conditions.length ? (
        <div style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
          <FilterChips
            env={filterEnv}
            filter={filter}
            onChange={(f) => store.getState().setFilter(f)}
            onEdit={() => setBuilderOpen(true)}
          />
        </div>
      ) : null}
      {pages.error ? (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} />}
          title={config.loadFailed}
          mb="sm"
          withCloseButton={false}
          data-testid="list-error"
        >
          <Group justify="space-between">
            {errorText(t, pages.error)}
            <Button size="xs" variant="white" color="red" onClick={pages.retry}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {catalog === undefined ? (
        <Paper withBorder radius="lg" style={{ flex: 1 }}>
          <LoadingState />
        </Paper>
      ) : (
        <RecordTable<T>
          pages={pages}
          columns={visible}
          layout={shownLayout}
          onLayout={setLayout}
          sort={sort}
          onSort={onSort}
          onSetSort={setSort}
          selection={selection}
          onOpen={open}
          rowLabel={config.rowLabel}
          label={config.tableLabel}
          empty={empty}
          resetKey={resetKey}
          testId={config.testIds.table}
          rowTestId={config.testIds.row}
          overlay={
            selection.count > 0 ? (
              <BulkBar
                count={selection.count}
                loadedCount={pages.items.length}
                busy={bulk.busy}
                members={members ?? []}
                tags={tags ?? []}
                onSelectAll={selection.selectAll}
                onClear={clear}
                onAddTag={(tag) => void bulk.addTag(selectedIds, tag)}
                onRemoveTag={(tag) => void bulk.removeTag(selectedIds, tag)}
                onOwner={(ownerId) => void bulk.update(selectedIds, { ownerId }, t('lists.bulk_owner_done'))}
                onStage={(lifecycleStage) =>
                  void bulk.update(selectedIds, { lifecycleStage }, t('lists.bulk_stage_done'))
                }
                onExport={exportCsv}
                onDelete={() => void bulk.remove(selectedIds)}
              />
            ) : null
          }
        />
      )}
      {modal?.kind === 'create' ? (
        <SaveViewModal
          mode="create"
          initialName=""
          initialShared={false}
          onClose={() => setModal(null)}
          onSubmit={async (name, shared) => {
            const view = await unwrap(api.views.create({ entity, name, shared, config: toViewConfig(current) }));
            await reloadViews();
            store.setState({ viewId: view.id });
            notifySuccess(t('lists.view_saved'), t('lists.view_saved_body', { name: view.name }));
          }}
        />
      ) : null}
      {modal?.kind === 'rename' ? (
        <SaveViewModal
          mode="rename"
          initialName={modal.view.name}
          initialShared={modal.view.shared}
          onClose={() => setModal(null)}
          onSubmit={async (name) => {
            await unwrap(api.views.update({ id: modal.view.id, name }));
            await reloadViews();
          }}
        />
      ) : null}
      {modal?.kind === 'delete' ? (
        <Modal
          opened
          onClose={() => setModal(null)}
          title={<Text fw={600}>{t('lists.view_delete_title')}</Text>}
          centered
          radius="lg"
        >
          <Text size="sm">{t('lists.view_delete_body', { name: modal.view.name })}</Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setModal(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              data-testid="view-delete-confirm"
              onClick={() => {
                const view = modal.view;
                setModal(null);
                unwrap(api.views.delete({ id: view.id }))
                  .then(async () => {
                    if (store.getState().viewId === view.id) store.setState({ viewId: null });
                    await reloadViews();
                  })
                  .catch((error: unknown) => notifyError(t('common.error'), errorText(t, error)));
              }}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Modal>
      ) : null}
    </Stack>
  );
}
