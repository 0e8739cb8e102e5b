import { backupNow, listBackups } from '../../services/backup';
import type { HandlerMap } from '../context';

export const backupHandlers: HandlerMap<'backup.now' | 'backup.list'> = {
  'backup.now': (_input, ctx) => backupNow(ctx.db, { reason: 'manual' }),
  'backup.list': (_input, ctx) => ({ items: listBackups(ctx.db) }),
};
