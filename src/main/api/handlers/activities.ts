import {
  completeTask,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  snoozeTask,
  tasksInbox,
  updateActivity,
} from '../../services/activities';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'activities.create'
  | 'activities.get'
  | 'activities.update'
  | 'activities.delete'
  | 'activities.list'
  | 'activities.complete'
  | 'activities.snooze'
  | 'tasks.inbox';

export const activitiesHandlers: HandlerMap<Methods> = {
  'activities.create': (input, ctx) => createActivity(ctx.db, input, writeOptions(ctx)),
  'activities.get': (input, ctx) => getActivity(ctx.db, input.id),
  'activities.update': ({ id, ...patch }, ctx) => updateActivity(ctx.db, id, patch, writeOptions(ctx)),
  'activities.delete': (input, ctx) => deleteActivity(ctx.db, input.id, writeOptions(ctx)),
  'activities.list': (input, ctx) => ({ items: listActivities(ctx.db, input) }),
  'activities.complete': (input, ctx) => completeTask(ctx.db, input.id, input.done ?? true, writeOptions(ctx)),
  'activities.snooze': (input, ctx) => snoozeTask(ctx.db, input.id, input.until, writeOptions(ctx)),
  'tasks.inbox': (input, ctx) => tasksInbox(ctx.db, { ...input, ownerId: input.scope === 'team' ? null : ctx.actor }),
};
