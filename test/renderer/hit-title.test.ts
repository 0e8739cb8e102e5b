import { describe, expect, it } from 'vitest';
import { hitTitle } from '../../src/renderer/features/search/hit-title';
import { en } from '../../src/renderer/i18n/en';
import { es } from '../../src/renderer/i18n/es';
import { messages } from '../../src/shared/i18n/messages';

/** The window's tables as src/renderer/i18n/index.ts builds them (back-end catalogue, then UI strings). */
const tables = { en: { ...messages.en, ...en }, es: { ...messages.es, ...es } } as Record<
  string,
  Record<string, string>
>;
const tIn = (lang: 'en' | 'es') => (key: 'activity.untitled') => tables[lang]![key]!;

describe('the title of a search or palette result', () => {
  it('shows "(no title)" in the reader’s language for an activity without a subject, as the calendar does', () => {
    const untitled = { title: '' };
    expect(hitTitle(untitled, tIn('en'))).toBe('(no title)');
    expect(hitTitle(untitled, tIn('es'))).toBe('(sin título)');
    expect(hitTitle({ title: '   ' }, tIn('es'))).toBe('(sin título)');
  });

  it('shows the title itself when there is one', () => {
    expect(hitTitle({ title: 'Comité' }, tIn('es'))).toBe('Comité');
  });
});
