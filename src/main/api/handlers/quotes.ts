import { crossSellSuggestions } from '../../services/cross-sell';
import { deviceCode, setDeviceCode } from '../../services/numbering';
import { quotePdf } from '../../services/pdf';
import { createQuote, deleteQuote, getQuote, listQuotes, setQuoteStatus, updateQuote } from '../../services/quotes';
import { getSetting, setSetting, SETTING_DEFAULTS } from '../../services/settings';
import { write } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import type { BillingSettings } from '../../../shared/contract/quotes';
import { writeOptions, type HandlerMap } from '../context';

type QuoteMethods =
  | 'quotes.create'
  | 'quotes.get'
  | 'quotes.list'
  | 'quotes.update'
  | 'quotes.setStatus'
  | 'quotes.delete'
  | 'quotes.pdf'
  | 'billing.getSettings'
  | 'billing.updateSettings'
  | 'crossSell.suggest';

const BILLING_KEYS = [
  'companyName',
  'companyAddress',
  'companyTaxId',
  'companyLogo',
  'quotePrefix',
  'invoicePrefix',
  'quoteValidityDays',
  'invoiceDueDays',
  'defaultTerms',
] as const satisfies readonly (keyof BillingSettings & keyof typeof SETTING_DEFAULTS)[];

function billingSettings(db: CrmDb): BillingSettings {
  const synced = Object.fromEntries(BILLING_KEYS.map((k) => [k, getSetting(db, k)]));
  return { ...synced, deviceCode: deviceCode(db) } as unknown as BillingSettings;
}

export const quotesHandlers: HandlerMap<QuoteMethods> = {
  'quotes.create': (input, ctx) => createQuote(ctx.db, input, writeOptions(ctx)),
  'quotes.get': (input, ctx) => getQuote(ctx.db, input.id),
  'quotes.list': (input, ctx) => ({ items: listQuotes(ctx.db, input) }),
  'quotes.update': (input, ctx) => updateQuote(ctx.db, input, writeOptions(ctx)),
  'quotes.setStatus': (input, ctx) => setQuoteStatus(ctx.db, input, writeOptions(ctx)),
  'quotes.delete': (input, ctx) => deleteQuote(ctx.db, input.id, writeOptions(ctx)),
  'quotes.pdf': (input, ctx) => quotePdf(ctx.db, input.id, ctx.locale),
  'billing.getSettings': (_input, ctx) => billingSettings(ctx.db),
  'billing.updateSettings': (input, ctx) => {
    write(ctx.db, () => {
      for (const key of BILLING_KEYS) {
        const value = input[key];
        if (value !== undefined) setSetting(ctx.db, key, value as never, writeOptions(ctx));
      }
      if (input.deviceCode !== undefined) setDeviceCode(ctx.db, input.deviceCode);
    });
    return billingSettings(ctx.db);
  },
  'crossSell.suggest': (input, ctx) => crossSellSuggestions(ctx.db, input, ctx.locale),
};
