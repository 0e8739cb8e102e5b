import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconRestore, IconTrashOff, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRASH_ENTITIES, type MethodOutput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { BackLink } from '../contacts/BackLink';
import { useMemberName } from '../members/workspace-store';
import { ConfirmModal } from '../records/ConfirmModal';
import { useLive } from '../records/use-live';

type TrashEntity = (typeof TRASH_ENTITIES)[number];
type TrashItem = MethodOutput<'trash.list'>['items'][number];
type Filter = TrashEntity | 'all';

/** Record pages that exist today: a deleted record opens there (read-only, with Restore). */
const PAGES: Partial<Record<TrashEntity, string>> = { contacts: '/contacts', companies: '/companies' };

const rowKey = (item: TrashItem) => `${item.entity}:${item.id}`;

/**
 * Everything deleted, across record types, newest first: restore it, or erase it for good after a
 * confirmation. `/contacts/trash` opens it filtered to contacts.
 */
export function TrashPage({ initialFilter = 'all' }: { initialFilter?: Filter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const memberName = useMemberName();
  const [filter, setFilter] = useState<Filter>(initialFilter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [purging, setPurging] = useState<TrashItem[] | null>(null);
  const trash = useLive(
    async () => (await unwrap(api.trash.list({ ...(filter === 'all' ? {} : { entity: filter }), limit: 500 }))).items,
    [...TRASH_ENTITIES],
    filter,
  );
  const items = trash.data ?? [];
  const chosen = items.filter((i) => selected.has(rowKey(i)));

  const groups = (list: TrashItem[]) => {
    const by = new Map<TrashEntity, string[]>();
    for (const item of list) by.set(item.entity, [...(by.get(item.entity) ?? []), item.id]);
    return [...by.entries()];
  };

  async function restore(list: TrashItem[]) {
    try {
      for (const [entity, ids] of groups(list)) await unwrap(api.trash.restore({ entity, ids }));
      setSelected(new Set());
      const [only] = list;
      if (list.length === 1 && only) {
        // Contacts keep the words their own screens use ("… is back in your contacts").
        if (only.entity === 'contacts') {
          notifySuccess(t('contacts.restored_toast'), t('contacts.restored_toast_body', { name: only.title }));
        } else notifySuccess(t('trash.restored'), t('trash.restored_one', { name: only.title }));
      } else notifySuccess(t('trash.restored'), t('trash.restored_many', { count: list.length }));
      await trash.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function purge(list: TrashItem[]) {
    try {
      let count = 0;
      for (const [entity, ids] of groups(list)) count += (await unwrap(api.trash.purge({ entity, ids }))).purged;
      setSelected(new Set());
      notifySuccess(t('trash.purged'), t('trash.purged_body', { count }));
      await trash.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  const toggle = (item: TrashItem) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(rowKey(item))) next.delete(rowKey(item));
      else next.add(rowKey(item));
      return next;
    });
  const allChecked = items.length > 0 && chosen.length === items.length;

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        above={initialFilter === 'contacts' ? <BackLink /> : undefined}
        title={t('trash.title')}
        subtitle={t('trash.subtitle')}
      />
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        {/* A list rather than segments: with every kind of record the segments no longer fit a row. */}
        <Select
          value={filter}
          onChange={(v) => {
            if (!v) return;
            setFilter(v as Filter);
            setSelected(new Set());
          }}
          allowDeselect={false}
          w={240}
          data={(['all', ...TRASH_ENTITIES] as Filter[]).map((f) => ({ value: f, label: t(`trash.filter.${f}`) }))}
          aria-label={t('trash.filter_label')}
          data-testid="trash-filter"
        />
        {chosen.length ? (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('trash.selected', { count: chosen.length })}
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRestore size={14} />}
              onClick={() => void restore(chosen)}
            >
              {t('trash.restore_selected')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconTrashX size={14} />}
              onClick={() => setPurging(chosen)}
              data-testid="purge-selected"
            >
              {t('trash.purge_selected')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Card p={0}>
        {trash.loading && items.length === 0 ? (
          <LoadingState />
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconTrashOff}
            color="gray"
            title={t('trash.empty_title')}
            body={t('trash.empty_body')}
            testId="trash-empty"
          />
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="trash-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    checked={allChecked}
                    indeterminate={chosen.length > 0 && !allChecked}
                    onChange={() => setSelected(allChecked ? new Set() : new Set(items.map(rowKey)))}
                    aria-label={t('trash.select_all')}
                  />
                </Table.Th>
                <Table.Th>{t('trash.col_name')}</Table.Th>
                <Table.Th>{t('trash.col_type')}</Table.Th>
                <Table.Th>{t('trash.col_deleted')}</Table.Th>
                <Table.Th ta="right">{t('contacts.col_actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const page = PAGES[item.entity];
                const by = memberName(item.deletedBy);
                const name = item.title || t('trash.untitled');
                return (
                  <Table.Tr key={rowKey(item)} data-testid="trash-row" data-entity={item.entity}>
                    <Table.Td>
                      <Checkbox
                        checked={selected.has(rowKey(item))}
                        onChange={() => toggle(item)}
                        aria-label={t('trash.select_named', { name })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {page ? (
                        <Anchor component={Link} to={`${page}/${item.id}`} size="sm" fw={600} data-testid="trash-name">
                          {name}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600} lineClamp={1} data-testid="trash-name">
                          {name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" radius="sm" tt="none">
                        {t(`trash.entity.${item.entity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={format.dateTime(item.deletedAt)}>
                        {format.ago(item.deletedAt)}
                        {by ? (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            · {by}
                          </Text>
                        ) : null}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconRestore size={14} />}
                          onClick={() => void restore([item])}
                          aria-label={
                            item.entity === 'contacts'
                              ? t('contacts.restore_named', { name })
                              : t('trash.restore_named', { name })
                          }
                          data-testid="restore-button"
                        >
                          {t('common.restore')}
                        </Button>
                        <Tooltip label={t('trash.purge')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setPurging([item])}
                            aria-label={t('trash.purge_named', { name })}
                            data-testid="purge-button"
                          >
                            <IconTrashX size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <ConfirmModal
        opened={purging !== null}
        onClose={() => setPurging(null)}
        title={t('trash.purge_title', { count: purging?.length ?? 0 })}
        body={
          purging?.length === 1 && purging[0]
            ? t('trash.purge_body_one', { name: purging[0].title })
            : t('trash.purge_body_many', { count: purging?.length ?? 0 })
        }
        confirmLabel={t('trash.purge_confirm')}
        danger
        onConfirm={() => (purging ? purge(purging) : undefined)}
      />
    </Stack>
  );
}
