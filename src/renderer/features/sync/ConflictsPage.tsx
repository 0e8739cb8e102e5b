import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncConflictItem } from '../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useChanges } from '../../lib/use-changes';
import { useFormat } from '../../lib/format';
import { useConflictText } from './conflict-text';
import { useSyncStore } from './sync-store';

const RECORD_PATHS: Record<string, string> = { contacts: '/contacts', companies: '/companies' };

/** Concurrent edits of one field (both values side by side) and edits made after a delete: pick one, and it syncs as a new edit. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<SyncConflictItem[] | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const text = useConflictText(items);
  const format = useFormat();

  const load = useCallback(async () => {
    try {
      setItems((await unwrap(api.sync.conflicts({}))).items);
    } catch (e) {
      notifyError(t('sync.conflicts_title'), errorText(t, e));
    }
  }, [t]);
  useEffect(() => void load(), [load]);
  useChanges('contacts', () => void load());
  useChanges('companies', () => void load());

  const choose = async (id: number, choice: 'kept' | 'other') => {
    setBusy(id);
    try {
      setItems((await unwrap(api.sync.resolveConflict({ id, choice }))).items);
      void useSyncStore.getState().refresh();
    } catch (e) {
      notifyError(t('sync.conflicts_title'), errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack maw={1000}>
      <PageHeader title={t('sync.conflicts_title')} subtitle={t('sync.conflicts_subtitle')} />
      {items && items.length === 0 && (
        <Alert color="teal" icon={<IconCheck size={16} />} data-testid="sync-no-conflicts">
          {t('sync.conflicts_none')}
        </Alert>
      )}
      {items?.map((c) => (
        <Card key={c.id} withBorder radius="md" padding="md" data-testid="sync-conflict">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>
                {RECORD_PATHS[c.entity] ? (
                  <Link to={`${RECORD_PATHS[c.entity]}/${c.recordId}`}>{c.recordLabel}</Link>
                ) : (
                  c.recordLabel
                )}
              </Text>
              <Text size="sm" c="dimmed">
                {c.kind === 'edited_after_delete'
                  ? t('sync.kind_edited_after_delete')
                  : t('sync.kind_concurrent', { field: text.label(c) })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Side
                title={c.kind === 'edited_after_delete' ? t('sync.side_edit') : t('sync.side_kept')}
                value={text.value(c, c.kept.value)}
                at={format.dateTime(c.kept.at)}
                action={c.kind === 'edited_after_delete' ? t('sync.keep_deleted') : t('sync.use_kept')}
                onChoose={() => void choose(c.id, 'kept')}
                busy={busy === c.id}
                testId="sync-choose-kept"
              />
              <Side
                title={c.kind === 'edited_after_delete' ? t('sync.side_deleted') : t('sync.side_other')}
                value={c.kind === 'edited_after_delete' ? t('sync.deleted_value') : text.value(c, c.other.value)}
                at={format.dateTime(c.other.at)}
                action={c.kind === 'edited_after_delete' ? t('sync.restore') : t('sync.use_other')}
                onChoose={() => void choose(c.id, 'other')}
                busy={busy === c.id}
                testId="sync-choose-other"
              />
            </SimpleGrid>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Side(props: {
  title: string;
  value: string;
  at: string;
  action: string;
  onChoose: () => void;
  busy: boolean;
  testId: string;
}) {
  return (
    <Card withBorder radius="sm" padding="sm">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {props.title} · {props.at}
        </Text>
        <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }} data-testid={`${props.testId}-value`}>
          {props.value}
        </Text>
        <Button size="xs" variant="light" onClick={props.onChoose} loading={props.busy} data-testid={props.testId}>
          {props.action}
        </Button>
      </Stack>
    </Card>
  );
}
