import { app, Menu } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { buildMenuTemplate } from './menu-template';

let current: Locale | null = null;

/** Sets the application menu in `locale`; a no-op when it is already in that language. */
export function setAppMenu(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  const template = buildMenuTemplate({ locale, isMac: process.platform === 'darwin', isPackaged: app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
