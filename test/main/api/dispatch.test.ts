import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import { mutate } from '../../../src/main/db/mutation';
import { contract, METHOD_NAMES, type ApiErrorBody, type Result } from '../../../src/shared/contract';
import { newId } from '../../../src/shared/ids';
import { ctxFor, tempDb } from '../db/temp-db';

function errorOf(result: Result<unknown>): ApiErrorBody {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

afterEach(() => vi.restoreAllMocks());

describe('dispatch', () => {
  it('answers an unknown method with not_found, translated', async () => {
    const db = tempDb();
    expect(errorOf(await dispatch('contacts.explode', {}, ctxFor(db)))).toEqual({
      code: 'not_found',
      key: 'errors.unknown_method',
      params: { method: 'contacts.explode' },
      message: 'Unknown method "contacts.explode".',
    });
    // Names that exist on every object are not methods either.
    expect(errorOf(await dispatch('toString', {}, ctxFor(db))).code).toBe('not_found');
    expect(errorOf(await dispatch('__proto__', {}, ctxFor(db))).code).toBe('not_found');
  });

  it('refuses an unknown field with invalid_input at its path', async () => {
    const db = tempDb();
    const error = errorOf(await dispatch('contacts.create', { firstName: 'Ana', nickname: 'Anita' }, ctxFor(db, 'es')));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      {
        path: ['nickname'],
        key: 'validation.unknown_key',
        params: { key: 'nickname' },
        message: 'Campo desconocido "nickname".',
      },
    ]);
  });

  it('refuses input of the wrong shape without throwing', async () => {
    const db = tempDb();
    for (const input of [null, 42, 'text', [], { firstName: 7 }]) {
      const error = errorOf(await dispatch('contacts.create', input, ctxFor(db)));
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.length).toBeGreaterThan(0);
    }
    const limit = errorOf(await dispatch('contacts.list', { limit: 0 }, ctxFor(db)));
    expect(limit.issues?.[0]).toMatchObject({ path: ['limit'], key: 'validation.too_small' });
    const id = errorOf(await dispatch('contacts.get', { id: 'not-an-id' }, ctxFor(db)));
    expect(id.issues?.[0]).toMatchObject({ path: ['id'], key: 'validation.invalid_value' });
  });

  it('refuses a bad cursor with invalid_input', async () => {
    const db = tempDb();
    for (const cursor of [
      'not a cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      const error = errorOf(await dispatch('contacts.list', { cursor }, ctxFor(db, 'es')));
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([
        {
          path: ['cursor'],
          key: 'validation.invalid_cursor',
          message: 'El cursor de página no es válido; empieza desde la primera página.',
        },
      ]);
    }
  });

  it('validates what handlers return: a record that breaks the contract is an internal error, not a leak', async () => {
    const db = tempDb();
    const id = newId();
    // The mutation layer stores what it is given; the contract only allows known lifecycle stages.
    mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Odd', lifecycleStage: 'martian' } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = errorOf(await dispatch('contacts.get', { id }, ctxFor(db, 'es')));
    expect(error).toEqual({
      code: 'internal',
      key: 'errors.internal',
      message: 'Algo salió mal. El cambio no se guardó.',
    });
    expect(logged).toHaveBeenCalled();
  });

  it('answers with the error envelope when the book is closed under it', async () => {
    const db = tempDb();
    db.close();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch('contacts.list', {}, ctxFor(db));
    expect(errorOf(result).code).toBe('internal');
  });

  it('has a handler for every method of the contract', async () => {
    const db = tempDb();
    for (const method of METHOD_NAMES) {
      const result = await dispatch(method, {}, ctxFor(db));
      if (!result.ok) expect(result.error.key, method).not.toBe('errors.unknown_method');
    }
    expect(Object.keys(contract)).toEqual(METHOD_NAMES);
  });

  it('reports the app, the book and its schema version', async () => {
    const db = tempDb();
    const result = await dispatch('app.info', {}, ctxFor(db));
    expect(result.ok && result.value).toMatchObject({
      dbPath: db.path,
      schemaVersion: db.schemaVersion,
      nodeId: db.nodeId,
      defaultCountry: 'US',
    });
  });
});
