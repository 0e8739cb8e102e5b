import { looksLikeHtml, RichText } from '../activities/RichText';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, Textarea } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { firstProblem } from '../records/issues';
import { textOr } from '../records/dynamic-t';
import { notifyWithUndo } from '../records/undo-toast';
import type { FieldChange } from './change-text';

const TRUNCATE = 280;

function Meta({ item, actor }: { item: TimelineItem; actor: string | null }) {
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed" title={format.dateTime(item.at)}>
      {[actor, format.ago(item.at)].filter(Boolean).join(' · ')}
    </Text>
  );
}

export function NoteEntry({ item, actor }: { item: TimelineItem; actor: string | null }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(item.body ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      await unwrap(api.notes.update({ id: item.id, body }));
      setEditing(false);
      setError(undefined);
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    try {
      await unwrap(api.notes.delete({ id: item.id }));
      notifyWithUndo({
        title: t('timeline.note_deleted'),
        message: t('timeline.note_deleted_body'),
        undoneTitle: t('timeline.note_restored'),
        undo: () => unwrap(api.trash.restore({ entity: 'notes', ids: [item.id] })),
      });
    } catch (e) {
      notifyError(t('common.error'), errorText(t, e));
    }
  }

  return (
    <Stack gap={4} data-testid="timeline-note">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8}>
          <Text size="sm" fw={600}>
            {t('timeline.kind.note')}
          </Text>
          <Meta item={item} actor={actor} />
        </Group>
        {!editing ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('timeline.note_actions')}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPencil size={14} />}
                onClick={() => {
                  setBody(item.body ?? '');
                  setEditing(true);
                }}
              >
                {t('timeline.edit_note')}
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()}>
                {t('timeline.delete_note')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {editing ? (
        <Stack gap={6}>
          <Textarea
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={error}
            aria-label={t('timeline.edit_note')}
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="subtle" color="gray" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" onClick={() => void save()} loading={saving}>
              {t('timeline.save_note')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {looksLikeHtml(item.body ?? '') ? <RichText html={item.body ?? ''} /> : item.body}
        </Text>
      )}
    </Stack>
  );
}

export function ActivityEntry({ item, actor }: { item: TimelineItem; actor: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const body = item.body ?? '';
  const long = body.length > TRUNCATE;
  const details: string[] = [];
  const d = item.data;
  if (typeof d.direction === 'string') details.push(textOr(t, `records.direction_${d.direction}`, d.direction));
  if (typeof d.durationSeconds === 'number')
    details.push(t('timeline.minutes', { count: Math.round(d.durationSeconds / 60) }));
  if (typeof d.outcome === 'string') details.push(textOr(t, `records.outcome.${d.outcome}`, d.outcome));
  if (typeof d.location === 'string') details.push(d.location);
  if (typeof d.priority === 'string') details.push(textOr(t, `records.priority.${d.priority}`, d.priority));
  if (typeof d.handle === 'string') details.push(d.handle);
  // A logged social or chat conversation carries its channel in its details: shown as a badge in
  // the reader's language instead of the activity type.
  const channel = typeof d.channel === 'string' ? d.channel : null;
  return (
    <Stack gap={4} data-testid="timeline-activity">
      <Group gap={8} wrap="wrap">
        {channel ? (
          <Badge size="sm" variant="light" color="teal" radius="sm" tt="none" data-testid="timeline-channel">
            {textOr(t, `channels.name.${channel}`, channel)}
          </Badge>
        ) : (
          <Badge size="sm" variant="light" radius="sm" tt="none">
            {textOr(t, `records.activity_type.${item.subtype}`, item.subtype)}
          </Badge>
        )}
        <Text size="sm" fw={600}>
          {item.title || t('activity.untitled')}
        </Text>
        <Meta item={item} actor={actor} />
      </Group>
      {details.length ? (
        <Text size="xs" c="dimmed">
          {details.join(' · ')}
        </Text>
      ) : null}
      {body ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {looksLikeHtml(body) ? <RichText html={body} /> : long && !open ? `${body.slice(0, TRUNCATE)}…` : body}
          {long ? (
            <Button variant="transparent" size="compact-xs" onClick={() => setOpen((o) => !o)}>
              {open ? t('timeline.show_less') : t('timeline.show_more')}
            </Button>
          ) : null}
        </Text>
      ) : null}
    </Stack>
  );
}

export function DealEntry({ item, actor }: { item: TimelineItem; actor: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = typeof item.data.amount === 'number' ? item.data.amount : null;
  const currency = typeof item.data.currency === 'string' ? item.data.currency : 'USD';
  let money = '';
  if (amount !== null) {
    try {
      money = new Intl.NumberFormat(format.locale, { style: 'currency', currency }).format(amount);
    } catch {
      money = format.number(amount);
    }
  }
  return (
    <Stack gap={4} data-testid="timeline-deal">
      <Group gap={8}>
        <Text size="sm" fw={600}>
          {t('timeline.deal_created', { title: item.title })}
        </Text>
        <Meta item={item} actor={actor} />
      </Group>
      {money ? (
        <Text size="sm" c="dimmed">
          {money}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What an audit entry says: created, changed (field by field), deleted, restored, merged. */
export function ChangeEntry({
  item,
  actor,
  changes,
}: {
  item: TimelineItem;
  actor: string | null;
  changes: FieldChange[];
}) {
  const { t } = useTranslation();
  const origin = item.body;
  const headline =
    origin === 'merge'
      ? t('timeline.change_merge')
      : item.subtype === 'insert'
        ? origin === 'import' || origin === 'seed'
          ? t('timeline.change_imported')
          : t('timeline.change_insert')
        : textOr(t, `timeline.change_${item.subtype}`, item.subtype);
  const showFields = item.subtype === 'update' && changes.length > 0;
  return (
    <Stack gap={4} data-testid="timeline-change">
      <Group gap={8}>
        <Text size="sm" fw={600}>
          {headline}
        </Text>
        <Meta item={item} actor={actor} />
      </Group>
      {showFields ? (
        <Stack gap={2}>
          {changes.map((c) => (
            <Text key={c.field} size="sm" data-testid="field-change">
              <Text span c="dimmed">
                {c.label}:
              </Text>{' '}
              {/* A value set for the first time reads "Tier: Gold", not "Tier: — → Gold". */}
              {c.from === '—' ? null : (
                <>
                  <Text span td="line-through" c="dimmed">
                    {c.from}
                  </Text>{' '}
                  →{' '}
                </>
              )}
              <Text span fw={500}>
                {c.to}
              </Text>
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
