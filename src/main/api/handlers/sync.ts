import type { HandlerMap } from '../context';
import { writeOptions } from '../context';
import { syncController } from '../../sync/controller';
import { storedAccount } from '../../sync/engine';
import {
  acceptInvitation,
  invite,
  listConflicts,
  listDevices,
  resolveConflict,
  revokeDevice,
  signIn,
  signOut,
  signUp,
} from '../../sync/service';

type SyncMethods =
  | 'sync.status'
  | 'sync.signIn'
  | 'sync.signUp'
  | 'sync.acceptInvitation'
  | 'sync.invite'
  | 'sync.devices'
  | 'sync.revokeDevice'
  | 'sync.signOut'
  | 'sync.runNow'
  | 'sync.conflicts'
  | 'sync.resolveConflict';

export const syncHandlers: HandlerMap<SyncMethods> = {
  // The controller starts with the first call and idles while the book is not signed in.
  'sync.status': (_input, ctx) => syncController(ctx.db).status(),
  'sync.signIn': async (input, ctx) => {
    await signIn(ctx.db, input);
    return syncController(ctx.db).status();
  },
  'sync.signUp': async (input, ctx) => {
    await signUp(ctx.db, input);
    return syncController(ctx.db).status();
  },
  'sync.acceptInvitation': async (input, ctx) => {
    await acceptInvitation(ctx.db, input);
    return syncController(ctx.db).status();
  },
  'sync.invite': (input, ctx) => invite(ctx.db, input),
  'sync.devices': async (_input, ctx) => ({ items: await listDevices(ctx.db) }),
  'sync.revokeDevice': async (input, ctx) => {
    await revokeDevice(ctx.db, input.deviceId);
    // This device revoked itself: it is signed out, and has no list to show any more.
    return { items: storedAccount(ctx.db) ? await listDevices(ctx.db) : [] };
  },
  'sync.signOut': async (_input, ctx) => {
    await signOut(ctx.db);
    return syncController(ctx.db).status();
  },
  'sync.runNow': async (_input, ctx) => {
    const controller = syncController(ctx.db);
    await controller.runNow();
    return controller.status();
  },
  'sync.conflicts': (_input, ctx) => ({ items: listConflicts(ctx.db) }),
  'sync.resolveConflict': (input, ctx) => {
    resolveConflict(ctx.db, input.id, input.choice, writeOptions(ctx));
    return { items: listConflicts(ctx.db) };
  },
};
