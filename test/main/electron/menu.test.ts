import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/shared/i18n/locales';
import { buildMenuTemplate } from '../../../src/main/electron/menu-template';
import { shellMessages, shellText } from '../../../src/main/electron/messages';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('shell messages', () => {
  it('has every string in English and Spanish, none empty', () => {
    const keys = Object.keys(shellMessages.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(shellMessages[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) expect(shellMessages[locale][key as keyof typeof shellMessages.en], key).not.toBe('');
    }
  });

  it('fills in parameters', () => {
    expect(shellText('es', 'startup.db_failed', { path: '/x/crm.sqlite', reason: 'disco lleno' })).toBe(
      'No se pudo abrir la base de datos /x/crm.sqlite: disco lleno',
    );
  });
});

describe('application menu', () => {
  it('is in the language of the UI', () => {
    const en = labels(buildMenuTemplate({ locale: 'en', isMac: false, isPackaged: true }));
    const es = labels(buildMenuTemplate({ locale: 'es', isMac: false, isPackaged: true }));
    expect(en).toContain('Edit');
    expect(es).toContain('Edición');
    expect(es).toContain('Salir de CRM');
    expect(es).not.toContain('Edit');
  });

  it('labels every item, so no role falls back to an English default', () => {
    const check = (items: MenuItemConstructorOptions[]) => {
      for (const item of items) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
        if (Array.isArray(item.submenu)) check(item.submenu);
      }
    };
    for (const isMac of [true, false]) check(buildMenuTemplate({ locale: 'es', isMac, isPackaged: false }));
  });

  it('keeps the edit shortcuts and offers developer tools only in development', () => {
    const packaged = roles(buildMenuTemplate({ locale: 'en', isMac: true, isPackaged: true }));
    expect(packaged).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'quit']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ locale: 'en', isMac: false, isPackaged: false }))).toContain('toggleDevTools');
  });
});
