// Electron glue for the background work: the keychain seals the SMTP password, and reminders show
// as desktop notifications. The work itself lives in services (no electron import there).
import { Notification, safeStorage } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import type { CrmDb } from '../db/open';
import { startBackgroundWork } from '../services/background';
import { useSafeStorage } from '../services/smtp';

export function startActivitiesInApp(db: CrmDb, locale: Locale): () => void {
  if (safeStorage.isEncryptionAvailable()) {
    useSafeStorage({
      seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    });
  }
  return startBackgroundWork(db, {
    locale,
    notify: (reminder) => {
      if (!Notification.isSupported()) return;
      const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        reminder.occurrenceAt,
      );
      const key = reminder.offsetMinutes < 0 ? 'reminder.overdue' : reminder.missed ? 'reminder.missed' : 'reminder.at';
      new Notification({
        title: reminder.title || translate(locale, 'activity.untitled'),
        body: translate(locale, key, { when }),
      }).show();
    },
  });
}
