import { Button, Group, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTags } from '../../lists/lookups';
import { useWorkspace } from '../../members/workspace-store';
import { NO_FILTERS, useDealsUi } from '../deals-ui-store';
import { ComboPlaceholder } from './ComboPlaceholder';

/**
 * The board's filters: words, owners, team, month of expected close and tags. Until `ready` (the
 * board has painted its first screen) an empty drop-down filter shows as a placeholder; one with
 * a value is mounted at once.
 */
export function BoardFilters({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const { filters, setFilters, clearFilters } = useDealsUi();
  const { members, teams, current } = useWorkspace();
  const tags = useTags() ?? [];
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <Group gap="sm" mb="md" wrap="wrap" data-testid="board-filters">
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('deals.filter_placeholder')}
        aria-label={t('deals.filter_placeholder')}
        value={filters.query}
        onChange={(e) => setFilters({ query: e.currentTarget.value })}
        w={220}
        data-testid="board-search"
      />
      {!ready && !filters.ownerIds.length ? (
        <ComboPlaceholder w={220} placeholder={t('deals.filter_owner')} />
      ) : (
        <MultiSelect
          placeholder={filters.ownerIds.length ? undefined : t('deals.filter_owner')}
          aria-label={t('deals.filter_owner')}
          data={members.map((m) => ({
            value: m.id,
            label: m.id === current?.id ? t('members.you_suffix', { name: m.name }) : m.name,
          }))}
          value={filters.ownerIds}
          onChange={(ownerIds) => setFilters({ ownerIds })}
          searchable
          clearable
          w={220}
          comboboxProps={{ withinPortal: true }}
          data-testid="board-owner-filter"
        />
      )}
      {!ready && !filters.teamId ? (
        <ComboPlaceholder w={180} placeholder={t('deals.filter_team')} />
      ) : (
        <Select
          placeholder={t('deals.filter_team')}
          aria-label={t('deals.filter_team')}
          data={teams.map((tm) => ({ value: tm.id, label: tm.region ? `${tm.name} · ${tm.region}` : tm.name }))}
          value={filters.teamId}
          onChange={(teamId) => setFilters({ teamId })}
          clearable
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <TextInput
        type="month"
        aria-label={t('deals.filter_close_month')}
        title={t('deals.filter_close_month')}
        // A native month field shows only dashes while empty: a short visible label says what it filters.
        leftSection={
          <Text size="xs" c="dimmed">
            {t('deals.filter_close_short')}
          </Text>
        }
        leftSectionWidth={64}
        leftSectionPointerEvents="none"
        value={filters.closeMonth ?? ''}
        onChange={(e) => setFilters({ closeMonth: e.currentTarget.value || null })}
        w={230}
        data-testid="board-month-filter"
      />
      {!ready && !filters.tagIds.length ? (
        <ComboPlaceholder w={180} placeholder={t('deals.filter_tags')} />
      ) : (
        <MultiSelect
          placeholder={filters.tagIds.length ? undefined : t('deals.filter_tags')}
          aria-label={t('deals.filter_tags')}
          data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          value={filters.tagIds}
          onChange={(tagIds) => setFilters({ tagIds })}
          clearable
          w={180}
          comboboxProps={{ withinPortal: true }}
          data-testid="board-tag-filter"
        />
      )}
      {active ? (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={clearFilters}>
          {t('deals.clear_filters')}
        </Button>
      ) : null}
    </Group>
  );
}
