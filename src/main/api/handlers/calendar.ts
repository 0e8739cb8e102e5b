import { calendarRange } from '../../services/calendar';
import { exportIcs, importIcs } from '../../services/ical';
import { moveOccurrence } from '../../services/occurrences';
import { dismissReminders, pendingReminders } from '../../services/reminders';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'calendar.range'
  | 'calendar.moveOccurrence'
  | 'calendar.exportIcs'
  | 'calendar.importIcs'
  | 'reminders.pending'
  | 'reminders.dismiss';

export const calendarHandlers: HandlerMap<Methods> = {
  'calendar.range': (input, ctx) => ({
    events: calendarRange(ctx.db, { ...input, ownerId: input.mine ? ctx.actor : null }),
  }),
  'calendar.moveOccurrence': ({ id, ...move }, ctx) => moveOccurrence(ctx.db, id, move, writeOptions(ctx)),
  'calendar.exportIcs': (input, ctx) => exportIcs(ctx.db, input.ids),
  'calendar.importIcs': (input, ctx) =>
    importIcs(ctx.db, input.text, { ...writeOptions(ctx), locale: ctx.locale, links: input.links }),
  'reminders.pending': (_input, ctx) => ({ items: pendingReminders(ctx.db) }),
  'reminders.dismiss': (input, ctx) => ({ dismissed: dismissReminders(ctx.db, input.activityIds) }),
};
