import {
  createCustomField,
  listCustomFields,
  setCustomFieldArchived,
  updateCustomField,
} from '../../services/custom-fields';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  'customFields.list' | 'customFields.create' | 'customFields.update' | 'customFields.delete' | 'customFields.restore';

export const customFieldsHandlers: HandlerMap<Methods> = {
  'customFields.list': (input, ctx) => ({ items: listCustomFields(ctx.db, input.entity, input.includeArchived) }),
  'customFields.create': (input, ctx) => createCustomField(ctx.db, input, writeOptions(ctx)),
  'customFields.update': (input, ctx) => updateCustomField(ctx.db, input, writeOptions(ctx)),
  'customFields.delete': (input, ctx) => setCustomFieldArchived(ctx.db, input.id, true, writeOptions(ctx)),
  'customFields.restore': (input, ctx) => setCustomFieldArchived(ctx.db, input.id, false, writeOptions(ctx)),
};
