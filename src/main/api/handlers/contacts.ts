import {
  countContacts,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from '../../services/contacts';
import { describeFields } from '../../services/filters';
import { resolveMerged } from '../../services/merge';
import { writeOptions, type HandlerMap } from '../context';

type ContactMethods =
  | 'contacts.create'
  | 'contacts.get'
  | 'contacts.list'
  | 'contacts.count'
  | 'contacts.fields'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.restore';

export const contactsHandlers: HandlerMap<ContactMethods> = {
  'contacts.create': (input, ctx) => createContact(ctx.db, input, writeOptions(ctx)),
  // A merged-away record answers with its survivor, so old links and synced references still land.
  'contacts.get': (input, ctx) => getContact(ctx.db, resolveMerged(ctx.db, 'contacts', input.id)),
  'contacts.list': (input, ctx) => listContacts(ctx.db, input, ctx.actor),
  'contacts.count': (input, ctx) => ({ count: countContacts(ctx.db, input, ctx.actor) }),
  'contacts.fields': (_input, ctx) => ({ items: describeFields(ctx.db, 'contacts') }),
  'contacts.update': (input, ctx) => updateContact(ctx.db, input, writeOptions(ctx)),
  'contacts.delete': (input, ctx) => deleteContact(ctx.db, input.id, writeOptions(ctx)),
  'contacts.restore': (input, ctx) => restoreContact(ctx.db, input.id, writeOptions(ctx)),
};
