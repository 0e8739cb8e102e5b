import type { Locale } from '../../shared/i18n/locales';
import type { CrmDb } from '../db/open';
import { startActivityRunners, type RunnerOptions } from './activities-runner';
import { dailyBackup } from './backup';
import { ensureCampaignSender, stopCampaignSender } from './campaign-sender';
import { startReportScheduler } from './report-schedule';

export interface BackgroundOptions {
  locale: Locale;
  /** Desktop notifications for reminders (Electron); web mode notifies from the browser. */
  notify?: RunnerOptions['notify'];
  /** How often reminders, automations and the email outbox are looked at. */
  activityIntervalMs?: number;
  /** Daily backups next to the book (on by default). */
  dailyBackups?: boolean;
}

/** Time between "is today's backup made?" checks; the first comes a minute after start. */
const BACKUP_CHECK_MS = 60 * 60 * 1000;
const BACKUP_FIRST_MS = 60 * 1000;

/**
 * Everything that runs on its own while the workspace is open, the same for the desktop app
 * and `crm serve`: reminders, automations and the email outbox; scheduled reports (missed runs
 * caught up at start); the sender of an email campaign still active (see campaign-sender.ts);
 * and one backup a day. The first backup waits a minute so
 * opening a large book is never slowed down by it. Returns one stop function for all of it.
 */
export function startBackgroundWork(db: CrmDb, options: BackgroundOptions): () => void {
  const stops = [
    startActivityRunners(db, {
      locale: options.locale,
      ...(options.notify ? { notify: options.notify } : {}),
      ...(options.activityIntervalMs ? { intervalMs: options.activityIntervalMs } : {}),
    }),
    startReportScheduler(db, { locale: options.locale }),
  ];
  // An email campaign left sending when the app closed carries on, whichever page opens first.
  ensureCampaignSender(db, { locale: options.locale });
  stops.push(() => stopCampaignSender(db));
  if (options.dailyBackups !== false && db.path !== ':memory:') {
    const check = () => {
      if (!db.sqlite.open) return;
      dailyBackup(db).catch((error: unknown) => console.error('daily backup failed', error));
    };
    const first = setTimeout(check, BACKUP_FIRST_MS);
    const every = setInterval(check, BACKUP_CHECK_MS);
    first.unref();
    every.unref();
    stops.push(() => {
      clearTimeout(first);
      clearInterval(every);
    });
  }
  return () => {
    for (const stop of stops) stop();
  };
}
