import {
  createArticle,
  deleteArticle,
  deleteCategory,
  getArticle,
  listArticles,
  listCategories,
  saveCategory,
  updateArticle,
} from '../../services/knowledge-base';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'knowledgeBase.categories'
  | 'knowledgeBase.saveCategory'
  | 'knowledgeBase.deleteCategory'
  | 'knowledgeBase.list'
  | 'knowledgeBase.get'
  | 'knowledgeBase.create'
  | 'knowledgeBase.update'
  | 'knowledgeBase.delete';

export const knowledgeBaseHandlers: HandlerMap<Methods> = {
  'knowledgeBase.categories': (_input, ctx) => ({ items: listCategories(ctx.db) }),
  'knowledgeBase.saveCategory': (input, ctx) => saveCategory(ctx.db, input, writeOptions(ctx)),
  'knowledgeBase.deleteCategory': (input, ctx) => deleteCategory(ctx.db, input.id, writeOptions(ctx)),
  'knowledgeBase.list': (input, ctx) => ({ items: listArticles(ctx.db, input) }),
  'knowledgeBase.get': (input, ctx) => getArticle(ctx.db, input.id),
  'knowledgeBase.create': (input, ctx) => createArticle(ctx.db, input, writeOptions(ctx)),
  'knowledgeBase.update': ({ id, ...patch }, ctx) => updateArticle(ctx.db, id, patch, writeOptions(ctx)),
  'knowledgeBase.delete': (input, ctx) => deleteArticle(ctx.db, input.id, writeOptions(ctx)),
};
