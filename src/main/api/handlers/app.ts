import { getSetting } from '../../services/settings';
import { APP_VERSION } from '../../version';
import type { HandlerMap } from '../context';

export const appHandlers: HandlerMap<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: APP_VERSION,
    dbPath: ctx.db.path,
    schemaVersion: ctx.db.schemaVersion,
    nodeId: ctx.db.nodeId,
    defaultCountry: getSetting(ctx.db, 'defaultCountry'),
  }),
};
