import { cancelEmail, flushOutbox, listOutbox, queueEmail } from '../../services/email-outbox';
import { getAccount, saveAccount, unlockAccount } from '../../services/smtp';
import type { HandlerMap } from '../context';

type Methods =
  | 'email.getAccount'
  | 'email.saveAccount'
  | 'email.unlock'
  | 'email.send'
  | 'email.outbox'
  | 'email.flush'
  | 'email.cancel';

export const emailHandlers: HandlerMap<Methods> = {
  'email.getAccount': (_input, ctx) => ({ account: getAccount(ctx.db) }),
  'email.saveAccount': (input, ctx) => ({ account: saveAccount(ctx.db, input) }),
  'email.unlock': (input, ctx) => ({ unlocked: unlockAccount(ctx.db, input.passphrase) }),
  'email.send': (input, ctx) => {
    const item = queueEmail(ctx.db, input, { actor: ctx.actor, locale: ctx.locale });
    // Try at once; offline, the mail simply waits for the runner's next pass.
    void flushOutbox(ctx.db, { locale: ctx.locale }).catch(() => undefined);
    return item;
  },
  'email.outbox': (input, ctx) => ({ items: listOutbox(ctx.db, input) }),
  'email.flush': (_input, ctx) => flushOutbox(ctx.db, { force: true, locale: ctx.locale }),
  'email.cancel': (input, ctx) => ({ cancelled: cancelEmail(ctx.db, input.id) }),
};
