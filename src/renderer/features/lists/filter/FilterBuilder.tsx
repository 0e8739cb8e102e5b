import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconAlertCircle, IconFilter, IconPlus, IconSquarePlus, IconTrash, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FieldInfo, FilterGroup, FilterOperator } from '../../../../shared/contract';
import { OPERATORS_BY_KIND } from '../../../../shared/contract';
import { isApiError } from '../../../lib/api-error';
import { errorText } from '../../../lib/error-text';
import { fieldLabel, translateIssue } from '../labels';
import type { FilterEnv } from './context';
import {
  countConditions,
  defaultValue,
  fromDraft,
  incompleteKeys,
  isGroup,
  issueTarget,
  newCondition,
  newGroup,
  pruneDraft,
  toDraft,
  updateNode,
  type DraftCondition,
  type DraftGroup,
} from './model';
import { ValueInput } from './ValueInput';

const INLINE = { withinPortal: false } as const;

interface Props {
  env: FilterEnv;
  filter: FilterGroup;
  /** Checks a filter with the back end; resolves when it is accepted, throws its invalid_input otherwise. */
  validate: (filter: FilterGroup) => Promise<void>;
  onApply: (filter: FilterGroup) => void;
  opened: boolean;
  onOpenChange: (opened: boolean) => void;
}

/**
 * The filter builder: conditions joined by AND or OR, with one level of nested groups; each
 * field offers the operators of its kind and a value editor to match. Nothing applies until
 * the back end accepted the filter; its complaints show on the row they are about.
 */
export function FilterBuilder({ env, filter, validate, onApply, opened, onOpenChange }: Props) {
  const { t } = env;
  const [draft, setDraft] = useState<DraftGroup>(() => toDraft(filter));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = countConditions(filter);
  const fields = useMemo(() => [...env.fields.values()], [env.fields]);
  const firstField = fields.find((f) => f.field === 'name') ?? fields[0];

  // Every opening (the button, or a chip) starts from the filter as applied.
  const [wasOpen, setWasOpen] = useState(opened);
  if (opened !== wasOpen) {
    setWasOpen(opened);
    if (opened) {
      setDraft(toDraft(filter));
      setErrors(new Map());
      setGeneral(null);
    }
  }
  const open = () => onOpenChange(true);

  const apply = async () => {
    const pruned = pruneDraft(draft);
    setDraft(pruned);
    const missing = incompleteKeys(pruned);
    if (missing.length) {
      setErrors(new Map(missing.map((k) => [k, t('lists.value_required')])));
      setGeneral(null);
      return;
    }
    const next = fromDraft(pruned);
    setBusy(true);
    try {
      await validate(next);
      setErrors(new Map());
      setGeneral(null);
      onApply(next);
      onOpenChange(false);
    } catch (error) {
      const found = new Map<string, string>();
      let rest: string | null = null;
      if (isApiError(error) && error.code === 'invalid_input' && error.issues.length) {
        for (const issue of error.issues) {
          const key = issueTarget(pruned, issue);
          const text = translateIssue(t, issue.key, issue.params);
          if (key) found.set(key, text);
          else rest = text;
        }
      } else rest = errorText(t, error);
      setErrors(found);
      setGeneral(rest);
    } finally {
      setBusy(false);
    }
  };

  const change = (key: string, fn: (c: DraftCondition) => DraftCondition) => {
    setDraft((d) => updateNode(d, key, (n) => (isGroup(n) ? n : fn(n))));
    setErrors((e) => {
      if (!e.has(key)) return e;
      const next = new Map(e);
      next.delete(key);
      return next;
    });
  };
  const remove = (key: string) => setDraft((d) => updateNode(d, key, () => null));

  const rows = (group: DraftGroup, nested: boolean) =>
    group.conditions.map((node, i) => {
      const joiner = i === 0 ? t('lists.where') : t(group.op === 'or' ? 'lists.or' : 'lists.and');
      if (isGroup(node)) {
        return (
          <Group key={node.key} align="flex-start" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" w={56} pt={10} ta="right" tt="lowercase">
              {joiner}
            </Text>
            <Paper withBorder p="xs" radius="md" style={{ flex: 1 }} bg="var(--mantine-color-default-hover)">
              <Group justify="space-between" mb={6}>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {t('lists.match')}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    value={node.op}
                    onChange={(op) =>
                      setDraft((d) => updateNode(d, node.key, (n) => ({ ...n, op: op as 'and' | 'or' })))
                    }
                    data={[
                      { value: 'and', label: t('lists.match_all') },
                      { value: 'or', label: t('lists.match_any') },
                    ]}
                  />
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('lists.remove_group')}
                  onClick={() => remove(node.key)}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
              <Stack gap={6}>{rows(node, true)}</Stack>
              {firstField ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  mt={6}
                  leftSection={<IconPlus size={12} />}
                  onClick={() =>
                    setDraft((d) =>
                      updateNode(d, node.key, (n) =>
                        isGroup(n) ? { ...n, conditions: [...n.conditions, newCondition(firstField)] } : n,
                      ),
                    )
                  }
                >
                  {t('lists.add_condition')}
                </Button>
              ) : null}
            </Paper>
          </Group>
        );
      }
      return (
        <ConditionRow
          key={node.key}
          env={env}
          fields={fields}
          node={node}
          joiner={nested ? null : joiner}
          nestedJoiner={nested ? joiner : null}
          error={errors.get(node.key) ?? null}
          onChange={(fn) => change(node.key, fn)}
          onRemove={() => remove(node.key)}
        />
      );
    });

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? open() : onOpenChange(false))}
      position="bottom-start"
      shadow="lg"
      radius="md"
      width={760}
      trapFocus
      closeOnEscape
    >
      <Popover.Target>
        <Button
          variant={active ? 'light' : 'default'}
          leftSection={<IconFilter size={16} stroke={1.8} />}
          rightSection={
            active ? (
              <Badge size="xs" circle variant="filled">
                {active}
              </Badge>
            ) : null
          }
          onClick={() => (opened ? onOpenChange(false) : open())}
          data-testid="open-filter-builder"
        >
          {t('lists.filter')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="md" data-testid="filter-builder">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t('lists.filters_title')}
            </Text>
            {draft.conditions.length > 1 ? (
              <>
                <Text size="xs" c="dimmed">
                  {t('lists.match')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={draft.op}
                  onChange={(op) => setDraft((d) => ({ ...d, op: op as 'and' | 'or' }))}
                  data={[
                    { value: 'and', label: t('lists.match_all') },
                    { value: 'or', label: t('lists.match_any') },
                  ]}
                  data-testid="filter-root-op"
                />
              </>
            ) : null}
          </Group>
          <ActionIcon variant="subtle" color="gray" aria-label={t('common.cancel')} onClick={() => onOpenChange(false)}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
        {draft.conditions.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm" ta="center">
            {t('lists.filters_empty')}
          </Text>
        ) : (
          <Stack gap={8} mah={420} style={{ overflowY: 'auto' }} py={2}>
            {rows(draft, false)}
          </Stack>
        )}
        {general ? (
          <Alert color="red" variant="light" mt="sm" icon={<IconAlertCircle size={16} />} data-testid="filter-error">
            {general}
          </Alert>
        ) : null}
        <Group justify="space-between" mt="md">
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              disabled={!firstField}
              onClick={() =>
                firstField && setDraft((d) => ({ ...d, conditions: [...d.conditions, newCondition(firstField)] }))
              }
              data-testid="add-condition"
            >
              {t('lists.add_condition')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconSquarePlus size={14} />}
              disabled={!firstField}
              onClick={() =>
                firstField &&
                setDraft((d) => ({
                  ...d,
                  conditions: [...d.conditions, newGroup(firstField, d.op === 'and' ? 'or' : 'and')],
                }))
              }
              data-testid="add-group"
            >
              {t('lists.add_group')}
            </Button>
          </Group>
          <Group gap="xs">
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              disabled={draft.conditions.length === 0}
              onClick={() => setDraft((d) => ({ ...d, conditions: [] }))}
            >
              {t('lists.clear_all')}
            </Button>
            <Button size="xs" onClick={() => void apply()} loading={busy} data-testid="apply-filter">
              {t('lists.apply')}
            </Button>
          </Group>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

interface RowProps {
  env: FilterEnv;
  fields: FieldInfo[];
  node: DraftCondition;
  /** "Where" / "and" / "or" before a top-level row. */
  joiner: string | null;
  nestedJoiner: string | null;
  error: string | null;
  onChange: (fn: (c: DraftCondition) => DraftCondition) => void;
  onRemove: () => void;
}

function ConditionRow({ env, fields, node, joiner, nestedJoiner, error, onChange, onRemove }: RowProps) {
  const { t } = env;
  const info = env.fields.get(node.field);
  const fieldData = useMemo(() => {
    const builtIn = fields.filter((f) => !f.custom).map((f) => ({ value: f.field, label: fieldLabel(t, f) }));
    const custom = fields.filter((f) => f.custom).map((f) => ({ value: f.field, label: fieldLabel(t, f) }));
    return custom.length
      ? [
          { group: t('lists.fields_builtin'), items: builtIn },
          { group: t('lists.fields_custom'), items: custom },
        ]
      : builtIn;
  }, [fields, t]);
  const operators = info ? OPERATORS_BY_KIND[info.kind] : [];
  const dynamicT = t as unknown as (key: string) => string;
  const label = joiner ?? nestedJoiner;

  return (
    <Box data-testid="filter-condition">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" w={56} pt={7} ta="right" tt="lowercase" style={{ flex: 'none' }}>
          {label}
        </Text>
        <Select
          size="xs"
          w={190}
          data={fieldData}
          value={node.field}
          onChange={(field) => {
            const next = field ? env.fields.get(field) : undefined;
            if (!next) return;
            onChange((c) => {
              const op = OPERATORS_BY_KIND[next.kind].includes(c.operator)
                ? c.operator
                : OPERATORS_BY_KIND[next.kind][0]!;
              const sameKind = info?.kind === next.kind && info.field === next.field;
              return { ...c, field: next.field, operator: op, value: sameKind ? c.value : defaultValue(next.kind, op) };
            });
          }}
          searchable
          allowDeselect={false}
          aria-label={t('lists.filter_field')}
          comboboxProps={INLINE}
          maxDropdownHeight={280}
          data-testid="filter-field"
        />
        <Select
          size="xs"
          w={200}
          data={operators.map((op) => ({ value: op, label: dynamicT(`lists.op_${op}`) }))}
          value={node.operator}
          onChange={(op) => {
            if (!op || !info) return;
            const operator = op as FilterOperator;
            onChange((c) => ({
              ...c,
              operator,
              value: sameShape(c.operator, operator) ? c.value : defaultValue(info.kind, operator),
            }));
          }}
          allowDeselect={false}
          aria-label={t('lists.filter_operator')}
          comboboxProps={INLINE}
          maxDropdownHeight={280}
          data-testid="filter-operator"
        />
        {info ? (
          <ValueInput
            env={env}
            info={info}
            operator={node.operator}
            value={node.value}
            onChange={(value) => onChange((c) => ({ ...c, value }))}
            error={!!error}
          />
        ) : (
          <div style={{ flex: 1 }} />
        )}
        <ActionIcon
          variant="subtle"
          color="gray"
          mt={2}
          aria-label={t('lists.remove_condition')}
          onClick={onRemove}
          data-testid="remove-condition"
        >
          <IconX size={15} />
        </ActionIcon>
      </Group>
      {error ? (
        <Text size="xs" c="red" mt={4} ml={64} role="alert" data-testid="condition-error">
          {error}
        </Text>
      ) : null}
    </Box>
  );
}

/** Whether a value typed for one operator still fits another (so switching keeps it). */
function sameShape(a: FilterOperator, b: FilterOperator): boolean {
  const shape = (op: FilterOperator) =>
    op === 'between'
      ? 'range'
      : op === 'in' || op === 'not_in'
        ? 'list'
        : op === 'in_last_days' || op === 'in_next_days' || op === 'older_than_days'
          ? 'days'
          : 'one';
  return shape(a) === shape(b);
}
