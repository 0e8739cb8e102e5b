import { createNote, deleteNote, updateNote } from '../../services/notes';
import { timeline } from '../../services/timeline';
import { listTrash, purgeFromTrash, restoreFromTrash } from '../../services/trash';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  'timeline.list' | 'notes.create' | 'notes.update' | 'notes.delete' | 'trash.list' | 'trash.restore' | 'trash.purge';

export const timelineHandlers: HandlerMap<Methods> = {
  'timeline.list': (input, ctx) => timeline(ctx.db, input),
  'notes.create': (input, ctx) => createNote(ctx.db, input, writeOptions(ctx)),
  'notes.update': (input, ctx) => updateNote(ctx.db, input.id, input.body, writeOptions(ctx)),
  'notes.delete': (input, ctx) => deleteNote(ctx.db, input.id, writeOptions(ctx)),
  'trash.list': (input, ctx) => ({ items: listTrash(ctx.db, input.entity, input.limit) }),
  'trash.restore': (input, ctx) => ({ restored: restoreFromTrash(ctx.db, input.entity, input.ids, writeOptions(ctx)) }),
  'trash.purge': (input, ctx) => ({ purged: purgeFromTrash(ctx.db, input.entity, input.ids, writeOptions(ctx)) }),
};
