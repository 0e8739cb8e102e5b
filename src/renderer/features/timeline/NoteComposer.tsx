import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { firstProblem } from '../records/issues';
import type { TimelineEntity } from './use-timeline';

/** Adds a note to the record; Ctrl+Enter saves. */
export function NoteComposer({ entity, id, onAdded }: { entity: TimelineEntity; id: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function save() {
    if (saving) return;
    setSaving(true);
    try {
      await unwrap(api.notes.create({ entityType: entity, entityId: id, body }));
      setBody('');
      setError(undefined);
      onAdded();
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap={6}>
      <Textarea
        placeholder={t('timeline.note_placeholder')}
        aria-label={t('timeline.new_note')}
        autosize
        minRows={2}
        maxRows={10}
        value={body}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
        error={error}
        data-testid="note-input"
      />
      {body.trim() ? (
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" size="xs" color="gray" onClick={() => setBody('')}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconNote size={14} />}
            onClick={() => void save()}
            loading={saving}
            data-testid="add-note"
          >
            {t('timeline.add_note')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
