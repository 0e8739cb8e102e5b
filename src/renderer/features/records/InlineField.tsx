import { ActionIcon, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { firstProblem } from './issues';
import classes from './InlineField.module.css';

export interface EditorProps<T> {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
  onKeyDown: (event: KeyboardEvent) => void;
}

interface Props<T> {
  label: string;
  /** What the field shows; empty shows a dash. */
  display: ReactNode;
  testId?: string;
  /** In the trash, or not editable here. */
  readOnly?: boolean;
  /** The editor's starting value, read when editing starts. */
  initial: () => T;
  renderEditor: (props: EditorProps<T>) => ReactNode;
  /** Saves; throws the ApiError of a refused value, shown under the editor. */
  save: (value: T) => Promise<void>;
  /** Text areas keep Enter for new lines (Ctrl+Enter saves). */
  multiline?: boolean;
}

/**
 * A field of a record page that turns into its input on click. Enter (or the check) saves,
 * Escape cancels; a refused value keeps the editor open with the reason under it.
 */
export function InlineField<T>({ label, display, testId, readOnly, initial, renderEditor, save, multiline }: Props<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const start = () => {
    setValue(initial());
    setError(undefined);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setError(undefined);
  };
  const commit = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await save(value as T);
      setEditing(false);
      setError(undefined);
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  const empty = display === null || display === undefined || display === '' || display === false;
  const shown = (
    <Text size="sm" component="div" data-testid={testId} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
      {empty ? (
        <Text span c="dimmed">
          —
        </Text>
      ) : (
        display
      )}
    </Text>
  );

  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {editing ? (
        <Group gap={6} align="flex-start" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            {renderEditor({ value: value as T, onChange: (v) => setValue(() => v), error, onKeyDown })}
          </div>
          <ActionIcon
            size={30}
            variant="filled"
            onClick={() => void commit()}
            loading={saving}
            aria-label={t('records.save_field', { field: label })}
            data-testid="inline-save"
          >
            <IconCheck size={16} />
          </ActionIcon>
          <ActionIcon size={30} variant="default" onClick={cancel} disabled={saving} aria-label={t('common.cancel')}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ) : readOnly ? (
        shown
      ) : (
        <UnstyledButton
          className={classes.value}
          onClick={start}
          aria-label={t('records.edit_field', { field: label })}
          data-testid={testId ? `${testId}-edit` : undefined}
        >
          {shown}
          <IconPencil size={14} className={classes.pencil} />
        </UnstyledButton>
      )}
    </Stack>
  );
}
