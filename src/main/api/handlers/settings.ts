import { getSetting, setSetting } from '../../services/settings';
import { writeOptions, type HandlerMap } from '../context';
import type { CrmDb } from '../../db/open';

const all = (db: CrmDb) => ({
  defaultCountry: getSetting(db, 'defaultCountry'),
  baseCurrency: getSetting(db, 'baseCurrency'),
});

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => all(ctx.db),
  'settings.update': (input, ctx) => {
    if (input.defaultCountry) setSetting(ctx.db, 'defaultCountry', input.defaultCountry, writeOptions(ctx));
    if (input.baseCurrency) setSetting(ctx.db, 'baseCurrency', input.baseCurrency, writeOptions(ctx));
    return all(ctx.db);
  },
};
