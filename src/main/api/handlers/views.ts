import { addRecent, createView, deleteView, listRecent, listViews, updateView } from '../../services/views';
import { writeOptions, type HandlerMap } from '../context';

type Methods = 'views.list' | 'views.create' | 'views.update' | 'views.delete' | 'recent.add' | 'recent.list';

export const viewsHandlers: HandlerMap<Methods> = {
  'views.list': (input, ctx) => ({ items: listViews(ctx.db, input.entity, ctx.actor) }),
  'views.create': (input, ctx) => createView(ctx.db, input, writeOptions(ctx)),
  'views.update': ({ id, ...patch }, ctx) => updateView(ctx.db, id, patch, writeOptions(ctx)),
  'views.delete': (input, ctx) => deleteView(ctx.db, input.id, writeOptions(ctx)),
  'recent.add': (input, ctx) => {
    addRecent(ctx.db, input.entity, input.id);
    return { ok: true };
  },
  'recent.list': (input, ctx) => ({ ids: listRecent(ctx.db, input.entity, input.limit) }),
};
