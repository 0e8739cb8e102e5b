import { applyTag, createTag, deleteTag, listTags, removeTag, tagsOf, updateTag } from '../../services/tags';
import { writeOptions, type HandlerMap } from '../context';

type TagMethods =
  'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete' | 'tags.apply' | 'tags.remove' | 'tags.of';

export const tagsHandlers: HandlerMap<TagMethods> = {
  'tags.list': (_input, ctx) => ({ items: listTags(ctx.db) }),
  'tags.create': (input, ctx) => createTag(ctx.db, input, writeOptions(ctx)),
  'tags.update': ({ id, ...patch }, ctx) => updateTag(ctx.db, id, patch, writeOptions(ctx)),
  'tags.delete': (input, ctx) => deleteTag(ctx.db, input.id, writeOptions(ctx)),
  'tags.apply': (input, ctx) => ({
    changed: applyTag(ctx.db, input.tagId, input.entity, input.ids, writeOptions(ctx)),
  }),
  'tags.remove': (input, ctx) => ({ changed: removeTag(ctx.db, input.tagId, input.ids, writeOptions(ctx)) }),
  'tags.of': (input, ctx) => ({ items: tagsOf(ctx.db, input.id) }),
};
