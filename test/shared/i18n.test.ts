import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/shared/i18n/locales';
import { messages, translate } from '../../src/shared/i18n/messages';
import { en as uiEn } from '../../src/renderer/i18n/en';
import { es as uiEs } from '../../src/renderer/i18n/es';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys in English and Spanish', () => {
    expect(Object.keys(messages.es).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('use the same placeholders in both languages, and no empty message', () => {
    for (const [key, en] of Object.entries(messages.en)) {
      const es = (messages.es as Record<string, string>)[key] ?? '';
      expect(es.trim(), key).not.toBe('');
      expect(placeholders(es), key).toEqual(placeholders(en));
    }
  });
});

describe('UI catalogues (src/renderer/i18n)', () => {
  it('have the same keys and placeholders in English and Spanish', () => {
    expect(Object.keys(uiEs).sort()).toEqual(Object.keys(uiEn).sort());
    for (const [key, en] of Object.entries(uiEn)) {
      const es = (uiEs as Record<string, string>)[key] ?? '';
      expect(es.trim(), key).not.toBe('');
      expect(placeholders(es), key).toEqual(placeholders(en));
    }
  });

  it('do not silently override a back-end message key', () => {
    expect(Object.keys(uiEn).filter((key) => key in messages.en)).toEqual([]);
  });
});

describe('translate', () => {
  it('interpolates parameters in the requested language', () => {
    expect(translate('en', 'validation.too_long', { max: 40 })).toBe('Too long: at most 40 characters.');
    expect(translate('es', 'validation.too_long', { max: 40 })).toBe('Demasiado largo: como máximo 40 caracteres.');
    expect(translate('es', 'errors.db_missing', { path: '/tmp/a.sqlite' })).toBe(
      'No hay base de datos en /tmp/a.sqlite. Ejecuta primero "crm init --db /tmp/a.sqlite".',
    );
  });

  it('translates entity names given as message keys', () => {
    expect(translate('en', 'errors.not_found', { entity: 'entity.contact' })).toBe('Contact not found.');
    expect(translate('es', 'errors.not_found', { entity: 'entity.contact' })).toBe('Contacto: no se encontró.');
  });

  it('leaves a missing parameter visible and an unknown key as itself', () => {
    expect(translate('en', 'validation.too_long')).toBe('Too long: at most {{max}} characters.');
    expect(translate('es', 'no.such.key')).toBe('no.such.key');
  });

  it('picks a supported locale from a language tag', () => {
    expect(pickLocale('es-ES')).toBe('es');
    expect(pickLocale('ES')).toBe('es');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('fr')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});
