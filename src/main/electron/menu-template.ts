// The application menu as data. Only a type import from electron, so it is built and tested
// under plain Node; menu.ts hands it to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { shellText, type ShellMessageKey } from './messages';

export interface MenuOptions {
  locale: Locale;
  /** macOS has the app-named first menu and Window-menu conventions. */
  isMac: boolean;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
}

export function buildMenuTemplate({ locale, isMac, isPackaged }: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: ShellMessageKey) => shellText(locale, key);
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'CRM',
    submenu: [
      { role: 'about', label: t('menu.about') },
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide') },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.unhide') },
      separator,
      { role: 'quit', label: t('menu.quit') },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: isMac
      ? [{ role: 'close', label: t('menu.closeWindow') }]
      : [{ role: 'close', label: t('menu.closeWindow') }, separator, { role: 'quit', label: t('menu.quit') }],
  };
  // The edit roles matter even without visible use: on macOS they are what makes Cmd+C/V work in inputs.
  const editMenu: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'reload', label: t('menu.reload') },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: t('menu.devTools') } as MenuItemConstructorOptions]),
      separator,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      ...(isMac ? [{ role: 'zoom', label: t('menu.zoom') } as MenuItemConstructorOptions] : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [{ role: 'about', label: t('menu.about') }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, ...(isMac ? [] : [helpMenu])];
}
