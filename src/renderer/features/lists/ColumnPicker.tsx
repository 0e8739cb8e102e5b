import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../shared/domain/text';
import type { ColumnState, ListRecord, RecordColumn } from './types';

interface Props<T extends ListRecord> {
  /** Every column the list can show. */
  available: RecordColumn<T>[];
  layout: ColumnState[];
  onChange: (columns: ColumnState[]) => void;
  onReset: () => void;
}

/** Chooses and orders the visible columns, custom fields included. */
export function ColumnPicker<T extends ListRecord>({ available, layout, onChange, onReset }: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const folded = foldText(search);
  const byField = new Map(available.map((c) => [c.field, c]));
  const shown = layout.filter((c) => byField.has(c.field));
  const visible = new Set(shown.map((c) => c.field));
  const matches = (c: RecordColumn<T>) => !folded || foldText(c.label).includes(folded);

  const toggle = (field: string, on: boolean) => {
    if (on) onChange([...layout, { field }]);
    else if (shown.length > 1) onChange(layout.filter((c) => c.field !== field));
  };
  const move = (field: string, by: -1 | 1) => {
    const i = layout.findIndex((c) => c.field === field);
    const j = i + by;
    if (i < 0 || j < 0 || j >= layout.length) return;
    const next = layout.slice();
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };

  const hidden = available.filter((c) => !visible.has(c.field) && matches(c));
  const hiddenBuiltIn = hidden.filter((c) => !c.info.custom);
  const hiddenCustom = hidden.filter((c) => c.info.custom);

  const option = (column: RecordColumn<T>, checked: boolean) => (
    <Checkbox
      key={column.field}
      size="xs"
      label={column.label}
      checked={checked}
      disabled={checked && shown.length <= 1}
      onChange={(e) => toggle(column.field, e.currentTarget.checked)}
      data-testid={`column-option-${column.field}`}
      styles={{ body: { alignItems: 'center' }, labelWrapper: { flex: 1, minWidth: 0 } }}
    />
  );

  return (
    <Popover position="bottom-end" shadow="lg" width={300} radius="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} stroke={1.8} />} data-testid="open-columns">
          {t('lists.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="sm" data-testid="column-picker">
        <TextInput
          size="xs"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={t('lists.columns_search')}
          aria-label={t('lists.columns_search')}
          leftSection={<IconSearch size={14} />}
          mb="xs"
        />
        <ScrollArea.Autosize mah={380} type="auto" offsetScrollbars>
          <Stack gap={6}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('lists.columns_shown')}
            </Text>
            {shown
              .map((c) => byField.get(c.field)!)
              .filter(matches)
              .map((column, i, list) => (
                <Group key={column.field} gap={4} wrap="nowrap" justify="space-between">
                  {option(column, true)}
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      disabled={i === 0}
                      aria-label={t('lists.move_up', { column: column.label })}
                      onClick={() => move(column.field, -1)}
                    >
                      <IconArrowUp size={13} />
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      disabled={i === list.length - 1}
                      aria-label={t('lists.move_down', { column: column.label })}
                      onClick={() => move(column.field, 1)}
                    >
                      <IconArrowDown size={13} />
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
            {hiddenBuiltIn.length ? (
              <>
                <Divider my={4} />
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t('lists.fields_builtin')}
                </Text>
                {hiddenBuiltIn.map((c) => option(c, false))}
              </>
            ) : null}
            {hiddenCustom.length ? (
              <>
                <Divider my={4} />
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t('lists.fields_custom')}
                </Text>
                {hiddenCustom.map((c) => option(c, false))}
              </>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onReset}>
          {t('lists.columns_reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
