import {
  createAutomation,
  deleteAutomation,
  listAutomations,
  listRuns,
  runAutomations,
  updateAutomation,
} from '../../services/automations';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'automations.list'
  | 'automations.create'
  | 'automations.update'
  | 'automations.delete'
  | 'automations.runs'
  | 'automations.runNow';

export const automationsHandlers: HandlerMap<Methods> = {
  'automations.list': (_input, ctx) => ({ items: listAutomations(ctx.db) }),
  'automations.create': (input, ctx) => createAutomation(ctx.db, input, writeOptions(ctx)),
  'automations.update': ({ id, ...patch }, ctx) => updateAutomation(ctx.db, id, patch, writeOptions(ctx)),
  'automations.delete': (input, ctx) => deleteAutomation(ctx.db, input.id, writeOptions(ctx)),
  'automations.runs': (input, ctx) => ({ items: listRuns(ctx.db, input) }),
  'automations.runNow': (_input, ctx) => ({ runs: runAutomations(ctx.db, { locale: ctx.locale }) }),
};
