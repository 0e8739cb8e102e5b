import {
  countContacts,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from '../../services/contacts';
import { writeOptions, type HandlerMap } from '../context';

type ContactMethods =
  | 'contacts.create'
  | 'contacts.get'
  | 'contacts.list'
  | 'contacts.count'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.restore';

export const contactsHandlers: HandlerMap<ContactMethods> = {
  'contacts.create': (input, ctx) => createContact(ctx.db, input, writeOptions(ctx)),
  'contacts.get': (input, ctx) => getContact(ctx.db, input.id),
  'contacts.list': (input, ctx) => listContacts(ctx.db, input),
  'contacts.count': (input, ctx) => ({ count: countContacts(ctx.db, input) }),
  'contacts.update': (input, ctx) => updateContact(ctx.db, input, writeOptions(ctx)),
  'contacts.delete': (input, ctx) => deleteContact(ctx.db, input.id, writeOptions(ctx)),
  'contacts.restore': (input, ctx) => restoreContact(ctx.db, input.id, writeOptions(ctx)),
};
