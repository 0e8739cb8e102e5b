import { describe, expect, it } from 'vitest';
import { emailInput } from '../../src/shared/contract';
import { contactDisplayName, contactSortName } from '../../src/shared/domain/contact';
import { normalisePhone, phoneSearchTerms } from '../../src/shared/domain/phone';
import { foldText } from '../../src/shared/domain/text';

describe('phone normalisation', () => {
  it('reads national numbers in the default country and writes E.164', () => {
    expect(normalisePhone('(202) 555-0143', 'US')).toBe('+12025550143');
    expect(normalisePhone('600 11 22 33', 'ES')).toBe('+34600112233');
    expect(normalisePhone('600 11 22 33', 'es')).toBe('+34600112233');
    expect(normalisePhone(' 91-123-45-67 ', 'ES')).toBe('+34911234567');
  });

  it('keeps the country a number was written with', () => {
    expect(normalisePhone('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(normalisePhone('+34 600112233', 'US')).toBe('+34600112233');
  });

  it('refuses what is not a plausible phone number', () => {
    expect(normalisePhone('', 'US')).toBeNull();
    expect(normalisePhone('   ', 'US')).toBeNull();
    expect(normalisePhone('call me', 'US')).toBeNull();
    expect(normalisePhone('12', 'US')).toBeNull();
    expect(normalisePhone('+1 202 555 0143 999 999', 'US')).toBeNull();
  });

  it('indexes both the full digits and the national number', () => {
    expect(phoneSearchTerms('+34600112233')).toEqual(['34600112233', '600112233']);
    expect(phoneSearchTerms('+12025550143')).toEqual(['12025550143', '2025550143']);
  });
});

describe('email normalisation', () => {
  it('trims and lower-cases', () => {
    expect(emailInput.parse({ value: '  Ana.Lopez@Example.COM ' })).toEqual({ value: 'ana.lopez@example.com' });
    expect(emailInput.parse({ value: 'ana@example.com', label: ' work ' })).toEqual({
      value: 'ana@example.com',
      label: 'work',
    });
  });

  it('rejects malformed addresses with the translated message key', () => {
    for (const value of ['ana', 'ana@', '@example.com', 'ana@@example.com', 'ana example@x.com', '']) {
      const result = emailInput.safeParse({ value });
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('validation.email_invalid');
    }
  });
});

describe('text folding and names', () => {
  it('folds accents and case so "José" and "jose" match and sort alike', () => {
    expect(foldText('  José GARCÍA ')).toBe('jose garcia');
    expect(foldText('Ñúñez Öztürk Ångström Çelik')).toBe('nunez ozturk angstrom celik');
  });

  it('builds display names and last-name-first sort keys', () => {
    expect(
      contactDisplayName({ prefix: 'Dr.', firstName: 'Ana', middleName: null, lastName: 'López', suffix: '' }),
    ).toBe('Dr. Ana López');
    expect(contactSortName({ firstName: 'Ángela', lastName: 'Álvarez' })).toBe('alvarez angela');
    expect(contactSortName({ firstName: 'Ángela' })).toBe('angela');
  });
});
