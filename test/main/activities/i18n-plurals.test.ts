import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/en';
import { es } from '../../../src/renderer/i18n/es';

/** The UI catalogues loaded as the app loads them (flat keys, i18next plural suffixes). */
function translator(lng: 'en' | 'es') {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t.bind(i18n) as (key: string, options: { count: number }) => string;
}

describe('activity counts in the UI', () => {
  it('say "1 try" and "1 event", not "1 tries" and "1 events", in English and Spanish', () => {
    const t = translator('en');
    expect(t('email.attempts', { count: 1 })).toBe('1 try');
    expect(t('email.attempts', { count: 3 })).toBe('3 tries');
    expect(t('cal.import_issues', { count: 1 })).toBe('1 event could not be imported');
    expect(t('cal.import_issues', { count: 2 })).toBe('2 events could not be imported');
    expect(t('act.reminder_minutes', { count: 1 })).toBe('1 minute before');
    expect(t('act.reminder_minutes', { count: 10 })).toBe('10 minutes before');
    const s = translator('es');
    expect(s('email.attempts', { count: 1 })).toBe('1 intento');
    expect(s('email.attempts', { count: 3 })).toBe('3 intentos');
    expect(s('cal.import_issues', { count: 1 })).toBe('1 evento no se pudo importar');
    expect(s('cal.import_issues', { count: 2 })).toBe('2 eventos no se pudieron importar');
    expect(s('act.reminder_minutes', { count: 1 })).toBe('1 minuto antes');
  });
});
