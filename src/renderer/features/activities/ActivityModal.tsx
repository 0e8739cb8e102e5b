import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, MethodInput } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { issueText } from '../records/issues';
import { useWorkspace } from '../members/workspace-store';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { allDayString, fromLocalInput, toLocalInput, utcDay } from './dates';

export type EditableType = 'meeting' | 'task' | 'call';

export interface ActivityDraft {
  type: EditableType;
  start: number | null;
  end: number | null;
  allDay: boolean;
  links?: { entityType: 'contacts' | 'companies' | 'deals'; entityId: string }[];
}

interface Props {
  draft: ActivityDraft | null;
  /** Editing an existing activity instead of creating one. */
  existing?: Activity | null;
  onClose: () => void;
}

const REPEATS = ['', 'FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=MONTHLY'] as const;
const REPEAT_KEYS = ['act.repeat_none', 'act.repeat_daily', 'act.repeat_weekly', 'act.repeat_monthly'] as const;
/** Reminder offsets offered, in minutes before; any number of them can be picked. */
const REMINDERS = ['0', '10', '30', '60', '1440'];

/** Creates (or edits) a meeting, call or task with its time, repeat rule and reminder. */
export function ActivityModal({ draft, existing, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={draft !== null || Boolean(existing)}
      onClose={onClose}
      title={
        existing
          ? existing.subject || t('activity.untitled')
          : draft?.type === 'task'
            ? t('act.new_task')
            : t('act.new_meeting')
      }
      size="lg"
      radius="lg"
      centered
    >
      {draft || existing ? <ActivityForm draft={draft} existing={existing ?? null} onDone={onClose} /> : null}
    </Modal>
  );
}

function ActivityForm({
  draft,
  existing,
  onDone,
}: {
  draft: ActivityDraft | null;
  existing: Activity | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { current, members } = useWorkspace();
  const details = (existing?.details ?? {}) as {
    recurrence?: string;
    reminders?: number[];
    location?: string;
    priority?: string;
    attendees?: { type: 'contact' | 'member'; id: string }[];
    checklist?: { text: string; done: boolean }[];
  };
  const [type, setType] = useState<EditableType>((existing?.type as EditableType) ?? draft?.type ?? 'meeting');
  const [subject, setSubject] = useState(existing?.subject ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [checklist, setChecklist] = useState(details.checklist ?? []);
  const [newItem, setNewItem] = useState('');
  const [allDay, setAllDay] = useState(existing?.allDay ?? draft?.allDay ?? false);
  const startMs = existing
    ? existing.type === 'task'
      ? existing.dueAt
      : existing.startAt
    : (draft?.start ?? Date.now());
  const [start, setStart] = useState(toLocalInput(startMs));
  const [end, setEnd] = useState(toLocalInput(existing?.endAt ?? draft?.end ?? null));
  const [location, setLocation] = useState(details.location ?? '');
  const [repeat, setRepeat] = useState<string>(details.recurrence ?? '');
  const [reminders, setReminders] = useState<string[]>((details.reminders ?? []).map(String));
  const [priority, setPriority] = useState(details.priority ?? 'normal');
  const [ownerId, setOwnerId] = useState<string | null>(existing ? existing.ownerId : (current?.id ?? null));
  const [attendees, setAttendees] = useState<string[]>(
    (details.attendees ?? []).filter((a) => a.type === 'member').map((a) => a.id),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setErrors({});
    setGeneral(null);
    let at = fromLocalInput(start);
    let until = fromLocalInput(end);
    if (allDay && at != null) {
      at = utcDay(new Date(at));
      until = until != null ? utcDay(new Date(until)) + 86_400_000 : at + 86_400_000;
    }
    // The form sends only the details it edits (the service keeps the others: a call's duration,
    // a task's status, an imported meeting's uid). A field emptied while editing is sent as null,
    // which removes it; a new activity simply leaves it out.
    const cleared = existing ? null : undefined;
    const offsets = reminders.length ? [...new Set(reminders.map(Number))].sort((a, b) => a - b) : cleared;
    const recurrence = repeat || cleared;
    // An unchanged rule is left out too: the service then moves a series' weekdays along with its
    // start (a weekly Tuesday meeting moved to a Thursday repeats on Thursdays).
    const ruleKept = existing != null && repeat === (details.recurrence ?? '');
    const input: Omit<MethodInput<'activities.update'>, 'id'> = {
      type,
      subject,
      body: body.trim() ? body : null,
      allDay,
      ownerId,
      ...(draft?.links && !existing ? { links: draft.links } : {}),
    };
    if (type === 'task') {
      input.dueAt = at;
      input.details = {
        kind: 'task',
        priority: priority as 'low' | 'normal' | 'high',
        reminders: offsets,
        ...(ruleKept ? {} : { recurrence }),
        checklist: checklist.length ? checklist : cleared,
      };
    } else {
      input.startAt = at;
      input.endAt = until;
      input.details =
        type === 'meeting'
          ? {
              kind: 'meeting',
              location: location.trim() || cleared,
              reminders: offsets,
              ...(ruleKept ? {} : { recurrence: recurrence ?? '' }),
              // Contacts invited stay as they were; members come from the picker.
              attendees: [
                ...(details.attendees ?? []).filter((a) => a.type === 'contact'),
                ...attendees.map((id) => ({ type: 'member' as const, id })),
              ],
            }
          : { kind: 'call', reminders: offsets };
    }
    try {
      if (existing) await unwrap(api.activities.update({ ...input, id: existing.id }));
      // A new activity's details hold no null (`cleared` is undefined then).
      else await unwrap(api.activities.create({ ...input, type } as MethodInput<'activities.create'>));
      notifySuccess(existing ? t('act.updated') : t('act.added'), subject);
      onDone();
    } catch (error) {
      if (isApiError(error) && error.issues.length) {
        const placed: Record<string, string> = {};
        for (const issue of error.issues) placed[issue.path.join('.')] = issueText(t, issue);
        setErrors(placed);
        const unplaced = Object.keys(placed).filter((k) => !FIELD_KEYS.has(k));
        if (unplaced.length) setGeneral(unplaced.map((k) => placed[k]).join(' '));
      } else if (isApiError(error)) setGeneral(errorText(t, error));
      else notifyError(t('act.error'), String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="activity-form">
      {general ? (
        <Alert color="red" data-testid="activity-form-error">
          {general}
        </Alert>
      ) : null}
      {!existing ? (
        <SegmentedControl
          value={type}
          onChange={(v) => setType(v as EditableType)}
          data={[
            { value: 'meeting', label: t('act.type_meeting') },
            { value: 'call', label: t('act.type_call') },
            { value: 'task', label: t('act.type_task') },
          ]}
        />
      ) : null}
      <TextInput
        label={t('act.subject')}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={errors.subject}
        data-autofocus
        data-testid="activity-subject"
      />
      <Switch label={t('act.all_day')} checked={allDay} onChange={(e) => setAllDay(e.currentTarget.checked)} />
      <Group grow>
        <TextInput
          type={allDay ? 'date' : 'datetime-local'}
          label={type === 'task' ? t('act.due') : t('act.start')}
          value={allDay ? start.slice(0, 10) : start}
          onChange={(e) => setStart(allDay ? `${e.currentTarget.value}T00:00` : e.currentTarget.value)}
          error={errors.startAt ?? errors.dueAt}
          data-testid="activity-start"
        />
        {type !== 'task' ? (
          <TextInput
            type={allDay ? 'date' : 'datetime-local'}
            label={t('act.end')}
            value={allDay ? end.slice(0, 10) : end}
            onChange={(e) => setEnd(allDay ? `${e.currentTarget.value}T00:00` : e.currentTarget.value)}
            error={errors.endAt}
            data-testid="activity-end"
          />
        ) : null}
      </Group>
      {type === 'meeting' ? (
        <TextInput label={t('act.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      ) : null}
      <MemberSelect label={t('act.assignee')} value={ownerId} onChange={setOwnerId} data-testid="activity-owner" />
      {type === 'meeting' ? (
        <MultiSelect
          label={t('act.attendees')}
          value={attendees}
          onChange={setAttendees}
          data={members.map((m) => ({ value: m.id, label: m.name }))}
          searchable
          clearable
        />
      ) : null}
      {type === 'task' ? (
        <Select
          label={t('act.priority')}
          value={priority}
          onChange={(v) => setPriority(v ?? 'normal')}
          data={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`act.priority_${p}`) }))}
        />
      ) : null}
      <Group grow>
        {type !== 'call' ? (
          <Select
            label={t('act.repeat')}
            value={repeat}
            onChange={(v) => setRepeat(v ?? '')}
            error={errors['details.recurrence']}
            data={REPEATS.map((r, i) => ({ value: r, label: t(REPEAT_KEYS[i]!) }))}
            allowDeselect={false}
          />
        ) : null}
        <MultiSelect
          label={t('act.reminder')}
          value={reminders}
          onChange={setReminders}
          placeholder={reminders.length ? undefined : t('act.reminder_none')}
          // Offsets that came with the activity (an imported alarm 15 minutes before) stay choosable.
          data={[...new Set([...REMINDERS, ...reminders])]
            .sort((a, b) => Number(a) - Number(b))
            .map((r) => ({
              value: r,
              label: r === '0' ? t('act.reminder_at_time') : t('act.reminder_minutes', { count: Number(r) }),
            }))}
          data-testid="activity-reminder"
        />
      </Group>
      {type === 'task' ? (
        <Stack gap={4} data-testid="task-checklist">
          <Text size="sm" fw={500}>
            {t('act.checklist')}
          </Text>
          {checklist.map((item, i) => (
            <Checkbox
              key={`${i}:${item.text}`}
              label={item.text}
              checked={item.done}
              onChange={(e) => {
                const done = e.currentTarget.checked;
                setChecklist((list) => list.map((x, j) => (j === i ? { ...x, done } : x)));
              }}
            />
          ))}
          <TextInput
            placeholder={t('act.checklist_add')}
            value={newItem}
            onChange={(e) => setNewItem(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !newItem.trim()) return;
              e.preventDefault();
              setChecklist((list) => [...list, { text: newItem.trim(), done: false }]);
              setNewItem('');
            }}
          />
        </Stack>
      ) : null}
      <Textarea
        label={t('call.notes')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end">
        {existing ? (
          <Button variant="subtle" mr="auto" onClick={() => void exportOne(existing.id)}>
            {t('cal.export')}
          </Button>
        ) : null}
        <Button variant="default" onClick={onDone}>
          {t('act.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} data-testid="activity-save">
          {t('act.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Downloads one activity as an .ics file (RFC 5545, its repeat rule kept). */
async function exportOne(id: string): Promise<void> {
  const { ics } = await unwrap(api.calendar.exportIcs({ ids: [id] }));
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'activity.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const FIELD_KEYS = new Set(['subject', 'startAt', 'dueAt', 'endAt', 'details.recurrence']);
export { allDayString };
