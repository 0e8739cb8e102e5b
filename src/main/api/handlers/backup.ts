import { backupNow, listBackups } from '../../services/backup';
import { setPassphrase } from '../../services/encryption';
import { CrmError } from '../../errors';
import type { HandlerMap } from '../context';

type BackupMethod =
  'backup.now' | 'backup.list' | 'backup.restore' | 'workspace.status' | 'workspace.unlock' | 'workspace.setPassphrase';

/**
 * With an open book. While it is locked, and for restore (which closes and reopens the book),
 * the app and web mode answer through the book gate (api/gate.ts) instead; a bare dispatch (the
 * CLI's `crm api`) has no gate, so restore there says to use `crm restore`.
 */
export const backupHandlers: HandlerMap<BackupMethod> = {
  'backup.now': (_input, ctx) => backupNow(ctx.db, { reason: 'manual' }),
  'backup.list': (_input, ctx) => ({ items: listBackups(ctx.db) }),
  'backup.restore': () => {
    throw new CrmError('unavailable', 'errors.restore_needs_app');
  },
  'workspace.status': (_input, ctx) => ({ locked: false, encrypted: ctx.db.passphrase !== undefined }),
  'workspace.unlock': (_input, ctx) => ({ locked: false, encrypted: ctx.db.passphrase !== undefined }),
  'workspace.setPassphrase': (input, ctx) => ({
    locked: false,
    ...setPassphrase(ctx.db, { current: input.current, next: input.next }),
  }),
};
