import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  mergeFields,
  renderTemplate,
  updateTemplate,
} from '../../services/templates';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'templates.list'
  | 'templates.get'
  | 'templates.create'
  | 'templates.update'
  | 'templates.delete'
  | 'templates.fields'
  | 'templates.preview';

export const templatesHandlers: HandlerMap<Methods> = {
  'templates.list': (input, ctx) => ({ items: listTemplates(ctx.db, input) }),
  'templates.get': (input, ctx) => getTemplate(ctx.db, input.id),
  'templates.create': (input, ctx) => createTemplate(ctx.db, input, writeOptions(ctx)),
  'templates.update': ({ id, ...patch }, ctx) => updateTemplate(ctx.db, id, patch, writeOptions(ctx)),
  'templates.delete': (input, ctx) => deleteTemplate(ctx.db, input.id, writeOptions(ctx)),
  'templates.fields': (_input, ctx) => ({ fields: mergeFields(ctx.db) }),
  'templates.preview': (input, ctx) => {
    const saved = input.id ? getTemplate(ctx.db, input.id) : null;
    return renderTemplate(ctx.db, {
      subject: input.subject ?? saved?.subject ?? '',
      body: input.body ?? saved?.body ?? '',
      locale: input.locale ?? saved?.locale ?? ctx.locale,
      target: input.target,
      actor: ctx.actor,
      strict: false,
    });
  },
};
