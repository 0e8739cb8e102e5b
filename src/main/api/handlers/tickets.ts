import {
  addNote,
  createTicket,
  deleteTicket,
  getTicket,
  getTicketSettings,
  listTickets,
  logCustomerMessage,
  queueCounts,
  replyToTicket,
  saveTicketSettings,
  ticketMessagesOf,
  ticketReport,
  updateTicket,
} from '../../services/tickets';
import {
  deleteBusinessHours,
  deletePolicy,
  listBusinessHours,
  listPolicies,
  saveBusinessHours,
  savePolicy,
} from '../../services/sla';
import { deleteRule, listRules, saveRule } from '../../services/ticket-assignment';
import { writeOptions, type ApiContext, type HandlerMap } from '../context';

type Methods =
  | 'tickets.create'
  | 'tickets.get'
  | 'tickets.update'
  | 'tickets.delete'
  | 'tickets.list'
  | 'tickets.queueCounts'
  | 'tickets.messages'
  | 'tickets.addNote'
  | 'tickets.reply'
  | 'tickets.logCustomerMessage'
  | 'tickets.report'
  | 'tickets.getSettings'
  | 'tickets.saveSettings'
  | 'businessHours.list'
  | 'businessHours.save'
  | 'businessHours.delete'
  | 'slaPolicies.list'
  | 'slaPolicies.save'
  | 'slaPolicies.delete'
  | 'ticketRules.list'
  | 'ticketRules.save'
  | 'ticketRules.delete';

const tctx = (ctx: ApiContext) => ({ actor: ctx.actor, locale: ctx.locale, origin: ctx.origin });

export const ticketsHandlers: HandlerMap<Methods> = {
  'tickets.create': (input, ctx) => createTicket(ctx.db, input, tctx(ctx)),
  'tickets.get': (input, ctx) => getTicket(ctx.db, input.id),
  'tickets.update': ({ id, ...patch }, ctx) => updateTicket(ctx.db, id, patch, tctx(ctx)),
  'tickets.delete': (input, ctx) => deleteTicket(ctx.db, input.id, tctx(ctx)),
  'tickets.list': (input, ctx) => listTickets(ctx.db, input, ctx.actor),
  'tickets.queueCounts': (_input, ctx) => queueCounts(ctx.db, ctx.actor),
  'tickets.messages': (input, ctx) => ({ items: ticketMessagesOf(ctx.db, input.id) }),
  'tickets.addNote': (input, ctx) => addNote(ctx.db, input.id, input.body, tctx(ctx)),
  'tickets.reply': (input, ctx) => replyToTicket(ctx.db, input, tctx(ctx)),
  'tickets.logCustomerMessage': (input, ctx) => logCustomerMessage(ctx.db, input.id, input.body, tctx(ctx)),
  'tickets.report': (input, ctx) => ticketReport(ctx.db, input),
  'tickets.getSettings': (_input, ctx) => getTicketSettings(ctx.db),
  'tickets.saveSettings': (input, ctx) => saveTicketSettings(ctx.db, input, writeOptions(ctx)),
  'businessHours.list': (_input, ctx) => ({ items: listBusinessHours(ctx.db) }),
  'businessHours.save': (input, ctx) => saveBusinessHours(ctx.db, input, writeOptions(ctx)),
  'businessHours.delete': (input, ctx) => deleteBusinessHours(ctx.db, input.id, writeOptions(ctx)),
  'slaPolicies.list': (_input, ctx) => ({ items: listPolicies(ctx.db) }),
  'slaPolicies.save': (input, ctx) => savePolicy(ctx.db, input, writeOptions(ctx)),
  'slaPolicies.delete': (input, ctx) => deletePolicy(ctx.db, input.id, writeOptions(ctx)),
  'ticketRules.list': (_input, ctx) => ({ items: listRules(ctx.db) }),
  'ticketRules.save': (input, ctx) => saveRule(ctx.db, input, writeOptions(ctx)),
  'ticketRules.delete': (input, ctx) => deleteRule(ctx.db, input.id, writeOptions(ctx)),
};
