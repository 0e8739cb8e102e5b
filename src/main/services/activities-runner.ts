import type { Reminder } from '../../shared/contract/calendar';
import type { Locale } from '../../shared/i18n/locales';
import type { CrmDb } from '../db/open';
import { runAutomations } from './automations';
import { flushOutbox } from './email-outbox';
import { tickReminders } from './reminders';

export interface RunnerOptions {
  /** Shows a desktop notification (Electron's Notification); web mode notifies from the browser. */
  notify?: (reminder: Reminder) => void;
  locale?: Locale;
  /** How often reminders, automations and the outbox are looked at. */
  intervalMs?: number;
}

/**
 * The background work of activities while the app (or `crm serve`) runs: reminders fire,
 * automations run, and the outbox sends whatever is due. At start, reminders missed while the
 * app was closed fire as "missed". Returns a stop function; timers never keep the process alive.
 */
export function startActivityRunners(db: CrmDb, options: RunnerOptions = {}): () => void {
  let stopped = false;
  const safely = (what: string, fn: () => unknown) => {
    if (stopped || !db.sqlite.open) return;
    try {
      const result = fn();
      if (result instanceof Promise) result.catch((error: unknown) => console.error(`${what} failed`, error));
    } catch (error) {
      console.error(`${what} failed`, error);
    }
  };
  const tick = (startup: boolean) => {
    safely('reminders', () => {
      for (const r of tickReminders(db, { startup })) options.notify?.(r);
    });
    safely('automations', () => runAutomations(db, { locale: options.locale ?? 'en' }));
    safely('outbox', () => flushOutbox(db, { locale: options.locale ?? 'en' }));
  };
  tick(true);
  const timer = setInterval(() => tick(false), options.intervalMs ?? 15_000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
