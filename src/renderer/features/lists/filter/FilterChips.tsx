import { Button, CloseButton, Group, Text, UnstyledButton } from '@mantine/core';
import type { FilterGroup } from '../../../../shared/contract';
import type { FilterEnv } from './context';
import { nodeText } from './summary';
import classes from './FilterChips.module.css';

interface Props {
  env: FilterEnv;
  filter: FilterGroup;
  onChange: (filter: FilterGroup) => void;
  onEdit: () => void;
}

/** The active filter as removable chips: one per top-level condition or group. */
export function FilterChips({ env, filter, onChange, onEdit }: Props) {
  const { t } = env;
  if (filter.conditions.length === 0) return null;
  const joiner = t(filter.op === 'or' ? 'lists.or' : 'lists.and');
  return (
    <Group gap={6} data-testid="filter-chips">
      {filter.conditions.map((node, i) => {
        const text = nodeText(env, node);
        return (
          <Group key={i} gap={6} wrap="nowrap">
            {i > 0 ? (
              <Text size="xs" c="dimmed" tt="lowercase">
                {joiner}
              </Text>
            ) : null}
            <div className={classes.chip} data-testid="filter-chip">
              <UnstyledButton className={classes.chipText} onClick={onEdit} title={text}>
                {text}
              </UnstyledButton>
              <CloseButton
                size="xs"
                radius="xl"
                aria-label={t('lists.remove_filter', { filter: text })}
                onClick={() => onChange({ ...filter, conditions: filter.conditions.filter((_, j) => j !== i) })}
              />
            </div>
          </Group>
        );
      })}
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange({ ...filter, conditions: [] })}>
        {t('lists.clear_filters')}
      </Button>
    </Group>
  );
}
