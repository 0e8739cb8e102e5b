import { bulkDelete, bulkRestore, bulkUpdate } from '../../services/bulk';
import { writeOptions, type HandlerMap } from '../context';

type Methods =
  | 'contacts.bulkUpdate'
  | 'contacts.bulkDelete'
  | 'contacts.bulkRestore'
  | 'companies.bulkUpdate'
  | 'companies.bulkDelete'
  | 'companies.bulkRestore';

export const bulkHandlers: HandlerMap<Methods> = {
  'contacts.bulkUpdate': (i, ctx) => ({ changed: bulkUpdate(ctx.db, 'contacts', i.ids, i.patch, writeOptions(ctx)) }),
  'contacts.bulkDelete': (i, ctx) => ({ changed: bulkDelete(ctx.db, 'contacts', i.ids, writeOptions(ctx)) }),
  'contacts.bulkRestore': (i, ctx) => ({ changed: bulkRestore(ctx.db, 'contacts', i.ids, writeOptions(ctx)) }),
  'companies.bulkUpdate': (i, ctx) => ({ changed: bulkUpdate(ctx.db, 'companies', i.ids, i.patch, writeOptions(ctx)) }),
  'companies.bulkDelete': (i, ctx) => ({ changed: bulkDelete(ctx.db, 'companies', i.ids, writeOptions(ctx)) }),
  'companies.bulkRestore': (i, ctx) => ({ changed: bulkRestore(ctx.db, 'companies', i.ids, writeOptions(ctx)) }),
};
