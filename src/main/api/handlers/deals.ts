import { dealBoard, dealColumn } from '../../services/deal-board';
import { stageHistory } from '../../services/deal-stage-history';
import {
  bulkDeals,
  countDeals,
  createDeal,
  dealContactsOf,
  deleteDeal,
  getDeal,
  linkDealContact,
  listDeals,
  loseDeal,
  moveDeal,
  restoreDeal,
  unlinkDealContact,
  updateDeal,
  winDeal,
} from '../../services/deals';
import { deleteRate, listRates, setRate } from '../../services/exchange-rates';
import { describeFields } from '../../services/filters';
import { convertLead } from '../../services/lead-conversion';
import { writeOptions, type HandlerMap } from '../context';

type DealMethods =
  | 'deals.create'
  | 'deals.get'
  | 'deals.update'
  | 'deals.move'
  | 'deals.win'
  | 'deals.lose'
  | 'deals.delete'
  | 'deals.restore'
  | 'deals.list'
  | 'deals.count'
  | 'deals.fields'
  | 'deals.board'
  | 'deals.column'
  | 'deals.contacts'
  | 'deals.linkContact'
  | 'deals.unlinkContact'
  | 'deals.history'
  | 'deals.bulkUpdate'
  | 'deals.bulkDelete'
  | 'deals.bulkRestore'
  | 'contacts.convertLead'
  | 'exchangeRates.list'
  | 'exchangeRates.set'
  | 'exchangeRates.delete';

export const dealsHandlers: HandlerMap<DealMethods> = {
  'deals.create': (input, ctx) => createDeal(ctx.db, input, writeOptions(ctx), { locale: ctx.locale }),
  'deals.get': (input, ctx) => getDeal(ctx.db, input.id),
  'deals.update': (input, ctx) => updateDeal(ctx.db, input, writeOptions(ctx), ctx.locale),
  'deals.move': (input, ctx) => moveDeal(ctx.db, input.id, input.stageId, input.lostReason, writeOptions(ctx)),
  'deals.win': (input, ctx) => winDeal(ctx.db, input.id, writeOptions(ctx)),
  'deals.lose': (input, ctx) => loseDeal(ctx.db, input.id, input.reason, writeOptions(ctx)),
  'deals.delete': (input, ctx) => deleteDeal(ctx.db, input.id, writeOptions(ctx)),
  'deals.restore': (input, ctx) => restoreDeal(ctx.db, input.id, writeOptions(ctx)),
  'deals.list': (input, ctx) => listDeals(ctx.db, input, ctx.actor),
  'deals.count': (input, ctx) => ({ count: countDeals(ctx.db, input, ctx.actor) }),
  'deals.fields': (_input, ctx) => ({ items: describeFields(ctx.db, 'deals') }),
  'deals.board': (input, ctx) => dealBoard(ctx.db, input, ctx.actor),
  'deals.column': (input, ctx) => dealColumn(ctx.db, input, ctx.actor),
  'deals.contacts': (input, ctx) => ({ items: dealContactsOf(ctx.db, input.id) }),
  'deals.linkContact': (input, ctx) => linkDealContact(ctx.db, input, writeOptions(ctx)),
  'deals.unlinkContact': (input, ctx) => ({
    removed: unlinkDealContact(ctx.db, input.dealId, input.contactId, writeOptions(ctx)),
  }),
  'deals.history': (input, ctx) => ({ items: stageHistory(ctx.db, input.id) }),
  'deals.bulkUpdate': (input, ctx) => ({
    changed: bulkDeals(ctx.db, 'update', input.ids, input.patch, writeOptions(ctx)),
  }),
  'deals.bulkDelete': (input, ctx) => ({ changed: bulkDeals(ctx.db, 'delete', input.ids, {}, writeOptions(ctx)) }),
  'deals.bulkRestore': (input, ctx) => ({ changed: bulkDeals(ctx.db, 'restore', input.ids, {}, writeOptions(ctx)) }),
  'contacts.convertLead': (input, ctx) => convertLead(ctx.db, input, writeOptions(ctx), ctx.locale),
  'exchangeRates.list': (_input, ctx) => listRates(ctx.db),
  'exchangeRates.set': (input, ctx) => setRate(ctx.db, input.currency, input.rate, writeOptions(ctx)),
  'exchangeRates.delete': (input, ctx) => ({ removed: deleteRate(ctx.db, input.id, writeOptions(ctx)) }),
};
