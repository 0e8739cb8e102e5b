import type { DateSelectArg, EventClickArg, EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import esLocale from '@fullcalendar/core/locales/es';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Button, Card, FileButton, Group, List, Modal, Switch, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, CalendarEvent } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChangesOf } from '../records/use-live';
import { ActivityModal, type ActivityDraft } from '../activities/ActivityModal';
import { allDayString, utcDay } from '../activities/dates';

const COLORS: Record<CalendarEvent['type'], string> = {
  meeting: '#4c6ef5',
  call: '#12b886',
  task: '#f59f00',
  email: '#868e96',
  note: '#868e96',
};

function toInput(e: CalendarEvent, untitled: string): EventInput {
  const start = e.allDay ? allDayString(e.start) : new Date(e.start);
  const end = e.end == null ? undefined : e.allDay ? allDayString(e.end) : new Date(e.end);
  return {
    id: `${e.activityId}:${e.occurrence ?? ''}`,
    title: e.title || untitled,
    start,
    end,
    allDay: e.allDay,
    backgroundColor: COLORS[e.type],
    borderColor: COLORS[e.type],
    classNames: e.done ? ['crm-event-done'] : [],
    extendedProps: { activityId: e.activityId, type: e.type, recurring: e.recurring, occurrence: e.occurrence },
  };
}

/** Where the week and day grids open: the working day; the rest of the day is a scroll away. */
const DAY_STARTS = '07:00:00';
/** The week and day grids' height (px): about eleven hours at a time, the rest scrolls. */
const TIME_GRID_HEIGHT = 640;

/** The earliest local hour a timed event starts at within a range (those begun before it do not count), or null. */
function earliestHour(events: CalendarEvent[], from: number): number | null {
  let earliest: number | null = null;
  for (const e of events) {
    if (e.allDay || e.start < from) continue;
    const hour = new Date(e.start).getHours();
    if (earliest == null || hour < earliest) earliest = hour;
  }
  return earliest;
}

/** Month, week, day and agenda views of meetings, calls and task due dates; drag to move, select to create. */
export function CalendarView() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const ref = useRef<FullCalendar>(null);
  const [mine, setMine] = useState(false);
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [timeGrid, setTimeGrid] = useState(true);
  useChangesOf(['activities'], () => ref.current?.getApi().refetchEvents());

  async function load(info: EventSourceFuncArg): Promise<EventInput[]> {
    const { events } = await unwrap(
      api.calendar.range({ from: info.start.getTime(), to: info.end.getTime(), ...(mine ? { mine } : {}) }),
    );
    const inputs = events.map((e) => toInput(e, t('activity.untitled')));
    scrollToEarliest(info, events);
    return inputs;
  }

  /** The range the grid last opened on: a refetch after a drag must not scroll under the user's hand. */
  const scrolledFor = useRef('');

  /** A range with an event before the working day opens on that event's hour rather than at 07:00. */
  function scrollToEarliest(info: EventSourceFuncArg, events: CalendarEvent[]) {
    const key = `${info.start.getTime()}:${info.end.getTime()}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const hour = earliestHour(events, info.start.getTime());
    if (hour == null || hour >= Number(DAY_STARTS.slice(0, 2))) return;
    // After the events are drawn, and after the grid's own reset to scrollTime on a change of range.
    setTimeout(() => ref.current?.getApi().scrollToTime(`${String(hour).padStart(2, '0')}:00:00`));
  }

  type Moved = { info: EventDropArg | EventResizeDoneArg; kind: 'drop' | 'resize' };
  /** A dragged occurrence of a repeating meeting or task, waiting for "this one or the whole series". */
  const [asking, setAsking] = useState<Moved | null>(null);

  function moved(info: EventDropArg | EventResizeDoneArg, kind: 'drop' | 'resize') {
    const { recurring, type } = info.event.extendedProps as { recurring: boolean; type: CalendarEvent['type'] };
    // A task has no length: only dragging one of its occurrences to another time asks.
    if (recurring && (type === 'meeting' || (type === 'task' && kind === 'drop'))) setAsking({ info, kind });
    else void move(info, kind);
  }

  /** Moves one occurrence: it becomes a meeting (or task, due then) of its own, the rest of the series stays. */
  async function moveOne({ info }: Moved) {
    const { activityId, occurrence } = info.event.extendedProps as { activityId: string; occurrence: number };
    const ev = info.event;
    const allDay = ev.allDay;
    const startAt = allDay ? utcDay(ev.start!) : ev.start!.getTime();
    const endAt = ev.end
      ? allDay
        ? utcDay(ev.end)
        : ev.end.getTime()
      : allDay !== info.oldEvent.allDay
        ? startAt + (allDay ? 86_400_000 : 3_600_000)
        : undefined;
    try {
      await unwrap(api.calendar.moveOccurrence({ id: activityId, occurrence, startAt, endAt, allDay }));
      notifySuccess(t('act.updated'), t('cal.moved', { when: allDay ? fmt.date(startAt) : fmt.dateTime(startAt) }));
      ref.current?.getApi().refetchEvents();
    } catch (error) {
      info.revert();
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  function answer(choice: 'one' | 'series' | null) {
    const pending = asking;
    setAsking(null);
    if (!pending) return;
    if (choice === 'one') void moveOne(pending);
    else if (choice === 'series') void move(pending.info, pending.kind);
    else pending.info.revert();
  }

  async function move(info: EventDropArg | EventResizeDoneArg, kind: 'drop' | 'resize') {
    const { activityId } = info.event.extendedProps as { activityId: string };
    const ev = info.event;
    const old = info.oldEvent;
    try {
      const a = await unwrap(api.activities.get({ id: activityId }));
      const allDay = ev.allDay;
      // Moves are deltas on the stored times, so a repeating activity (when asked to) moves as a whole series.
      const delta =
        allDay && a.allDay ? utcDay(ev.start!) - utcDay(old.start!) : ev.start!.getTime() - old.start!.getTime();
      let patch: { startAt?: number | null; endAt?: number | null; dueAt?: number | null; allDay: boolean };
      if (a.type === 'task') {
        patch = {
          dueAt: allDay ? utcDay(ev.start!) : a.allDay || a.dueAt == null ? ev.start!.getTime() : a.dueAt + delta,
          allDay,
        };
      } else if (kind === 'resize') {
        const endDelta = (ev.end?.getTime() ?? 0) - (old.end?.getTime() ?? old.start!.getTime());
        patch = { startAt: a.startAt, endAt: (a.endAt ?? a.startAt ?? 0) + endDelta, allDay };
      } else if (allDay !== a.allDay) {
        const startAt = allDay ? utcDay(ev.start!) : ev.start!.getTime();
        patch = { startAt, endAt: allDay ? startAt + 86_400_000 : (ev.end?.getTime() ?? startAt + 3_600_000), allDay };
      } else {
        patch = { startAt: (a.startAt ?? 0) + delta, endAt: a.endAt == null ? null : a.endAt + delta, allDay };
      }
      await unwrap(api.activities.update({ id: activityId, ...patch }));
      const when = patch.dueAt ?? patch.startAt ?? ev.start!.getTime();
      notifySuccess(t('act.updated'), t('cal.moved', { when: allDay ? fmt.date(when) : fmt.dateTime(when) }));
    } catch (error) {
      info.revert();
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  function select(info: DateSelectArg) {
    setDraft({
      type: 'meeting',
      start: info.allDay ? utcDay(info.start) : info.start.getTime(),
      end: info.allDay ? utcDay(info.end) - 86_400_000 : info.end.getTime(),
      allDay: info.allDay,
    });
    ref.current?.getApi().unselect();
  }

  async function open(info: EventClickArg) {
    const { activityId } = info.event.extendedProps as { activityId: string };
    try {
      setEditing(await unwrap(api.activities.get({ id: activityId })));
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  async function importFile(file: File | null) {
    if (!file) return;
    try {
      const result = await unwrap(api.calendar.importIcs({ text: await file.text() }));
      notifySuccess(
        t('cal.import'),
        t('cal.imported', { imported: fmt.number(result.imported), updated: fmt.number(result.updated) }),
      );
      setIssues(
        result.issues.map((i) => `${i.summary ?? i.uid ?? ''}${i.line != null ? ` (${i.line})` : ''}: ${i.message}`),
      );
      ref.current?.getApi().refetchEvents();
    } catch (error) {
      notifyError(t('cal.import'), errorText(t, error));
    }
  }

  async function exportAll() {
    try {
      const { ics } = await unwrap(api.calendar.exportIcs({}));
      const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'calendar.ics';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      notifyError(t('cal.export'), errorText(t, error));
    }
  }

  return (
    <Card p="md" withBorder data-testid="calendar">
      <Group justify="space-between" mb="sm">
        <Switch
          label={t('cal.mine_only')}
          checked={mine}
          onChange={(e) => {
            setMine(e.currentTarget.checked);
            setTimeout(() => ref.current?.getApi().refetchEvents());
          }}
        />
        <Group gap="xs">
          <FileButton onChange={(f) => void importFile(f)} accept=".ics,text/calendar">
            {(props) => (
              <Button variant="light" leftSection={<IconUpload size={16} />} {...props} data-testid="ics-import">
                {t('cal.import')}
              </Button>
            )}
          </FileButton>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void exportAll()}>
            {t('cal.export')}
          </Button>
        </Group>
      </Group>
      {issues.length ? (
        <Alert
          color="orange"
          mb="sm"
          withCloseButton
          onClose={() => setIssues([])}
          title={t('cal.import_issues', { count: issues.length })}
          data-testid="ics-issues"
        >
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <FullCalendar
        ref={ref}
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, listPlugin]}
        initialView="timeGridWeek"
        locales={[esLocale]}
        locale={i18n.language.startsWith('es') ? 'es' : 'en'}
        headerToolbar={{
          left: 'prev,next today',
          center: 'title',
          right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek',
        }}
        buttonText={{
          today: t('cal.today'),
          month: t('cal.month'),
          week: t('cal.week'),
          day: t('cal.day'),
          list: t('cal.agenda'),
        }}
        // The week and day grids hold the whole day (an 06:15 call shows at 06:15, not squeezed into
        // the first row) in a scrolling box that opens on the working day, as common calendars do;
        // the month grid and the agenda take the height they need.
        height={timeGrid ? TIME_GRID_HEIGHT : 'auto'}
        viewDidMount={(arg) => setTimeGrid(arg.view.type.startsWith('timeGrid'))}
        slotMinTime="00:00:00"
        slotMaxTime="24:00:00"
        scrollTime={DAY_STARTS}
        // A busy day in the month grid shows a few events and "+N more" rather than stretching its week row.
        dayMaxEvents={4}
        nowIndicator
        editable
        selectable
        selectMirror
        events={(info, ok, fail) => {
          load(info).then(ok, fail);
        }}
        eventDrop={(info) => moved(info, 'drop')}
        eventResize={(info) => moved(info, 'resize')}
        select={select}
        eventClick={(info) => void open(info)}
      />
      <ActivityModal draft={draft} existing={editing} onClose={() => (setDraft(null), setEditing(null))} />
      <Modal
        opened={asking != null}
        onClose={() => answer(null)}
        title={t(
          (asking?.info.event.extendedProps as { type?: string } | undefined)?.type === 'task'
            ? 'cal.move_repeating_task'
            : 'cal.move_repeating',
        )}
        centered
      >
        <Text size="sm" mb="md">
          {t('cal.move_repeating_text')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => answer(null)}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => answer('series')} data-testid="move-series">
            {t('cal.move_series')}
          </Button>
          <Button onClick={() => answer('one')} data-testid="move-one">
            {t('cal.move_one')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
