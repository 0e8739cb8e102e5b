import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import { dispatchThroughGate } from '../../../src/main/api/gate';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { CrmError } from '../../../src/main/errors';
import { backupNow, checkBackup, listBackups, restoreBackup } from '../../../src/main/services/backup';
import { createContact } from '../../../src/main/services/contacts';
import { openBookGate, setPassphrase } from '../../../src/main/services/encryption';
import { translate } from '../../../src/shared/i18n/messages';
import { ctxFor, tempDb, track } from './temp-db';

const PLAIN_HEADER = 'SQLite format 3\0';

function header(path: string): string {
  return readFileSync(path).subarray(0, 16).toString('latin1');
}

/** The file and anything SQLite keeps beside it: what "nothing touched" means. */
function fingerprint(path: string): string {
  const dir = dirname(path);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('crm.sqlite'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest('hex');
}

function openError(open: () => CrmDb): CrmError {
  try {
    track(open());
  } catch (error) {
    if (error instanceof CrmError) return error;
    throw error;
  }
  throw new Error('the book opened');
}

/** A book with one contact, encrypted with `passphrase`, closed. */
function encryptedBook(passphrase = 'correct horse battery'): string {
  const db = tempDb();
  createContact(db, { firstName: 'Ana', lastName: 'Secreta', emails: [{ value: 'ana@example.com' }] });
  setPassphrase(db, { next: passphrase });
  db.close();
  return db.path;
}

describe('encryption at rest', () => {
  it('encrypts the whole file; without the passphrase, or with a wrong one, a clear error and not a byte changes', () => {
    const path = encryptedBook();
    expect(header(path)).not.toBe(PLAIN_HEADER);
    expect(readFileSync(path).includes(Buffer.from('Secreta'))).toBe(false);
    const before = fingerprint(path);

    const missing = openError(() => openDatabase({ path }));
    expect(missing.key).toBe('errors.db_locked');
    expect(fingerprint(path)).toBe(before);

    const wrong = openError(() => openDatabase({ path, passphrase: 'not the one at all' }));
    expect(wrong.key).toBe('errors.db_wrong_passphrase');
    expect(wrong.code).toBe('forbidden');
    expect(fingerprint(path)).toBe(before);
    // Said in the user's language.
    expect(translate('es', wrong.key, wrong.params)).toMatch(/Contraseña incorrecta/);

    const db = track(openDatabase({ path, passphrase: 'correct horse battery' }));
    const found = db.sqlite.prepare('SELECT first_name, last_name FROM contacts').all();
    expect(found).toEqual([{ first_name: 'Ana', last_name: 'Secreta' }]);
  });

  it('keeps search (FTS5) working on an encrypted book', async () => {
    const path = encryptedBook();
    const db = track(openDatabase({ path, passphrase: 'correct horse battery' }));
    createContact(db, { firstName: 'Bruno', lastName: 'Cifrado' });
    const result = await dispatch('search.query', { query: 'cifrado' }, ctxFor(db));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).toContain('Bruno');
  });

  it('changes the passphrase only with the current one, and removes it back to a plain book', () => {
    const path = encryptedBook('first passphrase');
    let db = track(openDatabase({ path, passphrase: 'first passphrase' }));
    expect(() => setPassphrase(db, { current: 'a guess at it', next: 'second passphrase' })).toThrow(
      /passphrase_current_wrong/,
    );
    expect(() => setPassphrase(db, { current: 'first passphrase', next: 'short' })).toThrow(/passphrase_short/);
    setPassphrase(db, { current: 'first passphrase', next: 'second passphrase' });
    createContact(db, { firstName: 'After', lastName: 'Change' });
    db.close();

    expect(openError(() => openDatabase({ path, passphrase: 'first passphrase' })).key).toBe(
      'errors.db_wrong_passphrase',
    );
    db = track(openDatabase({ path, passphrase: 'second passphrase' }));
    expect(db.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(2);

    setPassphrase(db, { current: 'second passphrase', next: null });
    db.close();
    expect(header(path)).toBe(PLAIN_HEADER);
    db = track(openDatabase({ path }));
    expect(db.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(2);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('through the contract: set, then change needs the current passphrase', async () => {
    const db = tempDb();
    const set = await dispatch('workspace.setPassphrase', { next: 'a long passphrase' }, ctxFor(db));
    expect(set).toEqual({ ok: true, value: { locked: false, encrypted: true } });
    const refused = await dispatch('workspace.setPassphrase', { next: 'another long one' }, ctxFor(db, 'es'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/contraseña actual/);
    expect(header(db.path)).not.toBe(PLAIN_HEADER);
  });

  it('brings the backups along: set encrypts the older plain ones, change rekeys, remove decrypts', async () => {
    const db = tempDb();
    createContact(db, { firstName: 'Old', lastName: 'Copy' });
    const before = await backupNow(db, { reason: 'manual' });
    expect(header(before.path)).toBe(PLAIN_HEADER);

    setPassphrase(db, { next: 'first passphrase' });
    expect(header(before.path)).not.toBe(PLAIN_HEADER);
    expect(readFileSync(before.path).includes(Buffer.from('Copy'))).toBe(false);
    expect(checkBackup(before.path, { passphrase: 'first passphrase' }).contacts).toBe(1);

    setPassphrase(db, { current: 'first passphrase', next: 'second passphrase' });
    expect(() => checkBackup(before.path, { passphrase: 'first passphrase' })).toThrow(/forbidden/);
    expect(checkBackup(before.path, { passphrase: 'second passphrase' }).contacts).toBe(1);

    setPassphrase(db, { current: 'second passphrase', next: null });
    expect(header(before.path)).toBe(PLAIN_HEADER);
    expect(checkBackup(before.path).contacts).toBe(1);
  });

  it('keeps backups encrypted; checking and restoring them takes the passphrase', async () => {
    const path = encryptedBook();
    const db = track(openDatabase({ path, passphrase: 'correct horse battery' }));
    const info = await backupNow(db, { reason: 'manual' });
    expect(header(info.path)).not.toBe(PLAIN_HEADER);
    expect(() => checkBackup(info.path)).toThrow(/invalid_input/);
    expect(() => checkBackup(info.path, { passphrase: 'wrong wrong wrong' })).toThrow(/forbidden/);
    expect(checkBackup(info.path, { passphrase: 'correct horse battery' }).contacts).toBe(1);

    createContact(db, { firstName: 'Made', lastName: 'Later' });
    db.close();
    const { kept } = restoreBackup(path, info.path, { passphrase: 'correct horse battery' });
    expect(kept && header(kept)).not.toBe(PLAIN_HEADER);
    const restored = track(openDatabase({ path, passphrase: 'correct horse battery' }));
    expect(restored.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
  });
});

describe('the book gate (app start and web mode)', () => {
  it('starts locked, refuses every call but unlock, and a wrong passphrase leaves it locked', async () => {
    const path = encryptedBook();
    const before = fingerprint(path);
    const gate = openBookGate({ path, create: true });
    const opened: string[] = [];
    const stop = gate.onOpen((db) => {
      opened.push(db.path);
      return () => opened.push('closed');
    });
    const ctx = { locale: 'en' as const, actor: null, origin: 'test' };
    try {
      expect(gate.current()).toBeNull();
      expect(await dispatchThroughGate(gate, 'workspace.status', {}, ctx)).toEqual({
        ok: true,
        value: { locked: true, encrypted: true },
      });
      const list = await dispatchThroughGate(gate, 'contacts.list', {}, ctx);
      expect(list.ok ? null : list.error.key).toBe('errors.workspace_locked');

      const wrong = await dispatchThroughGate(gate, 'workspace.unlock', { passphrase: 'nope nope nope' }, ctx);
      expect(wrong.ok ? null : wrong.error.key).toBe('errors.db_wrong_passphrase');
      expect(gate.current()).toBeNull();
      expect(fingerprint(path)).toBe(before);
      expect(opened).toEqual([]);

      const right = await dispatchThroughGate(gate, 'workspace.unlock', { passphrase: 'correct horse battery' }, ctx);
      expect(right).toEqual({ ok: true, value: { locked: false, encrypted: true } });
      expect(opened).toEqual([path]);
      const after = await dispatchThroughGate(gate, 'contacts.list', {}, ctx);
      expect(JSON.stringify(after)).toContain('Secreta');
    } finally {
      stop();
      gate.close();
    }
    expect(opened).toEqual([path, 'closed']);
  });

  it('restores a listed backup in place and reopens the book', async () => {
    const db = tempDb();
    createContact(db, { firstName: 'Kept' });
    const path = db.path;
    db.close();
    const gate = openBookGate({ path });
    const ctx = { locale: 'en' as const, actor: null, origin: 'test' };
    try {
      const backup = await backupNow(gate.current()!, { reason: 'manual' });
      createContact(gate.current()!, { firstName: 'Undone' });
      const outside = await dispatchThroughGate(gate, 'backup.restore', { path: '/etc/passwd' }, ctx);
      expect(outside.ok).toBe(false);
      const done = await dispatchThroughGate(gate, 'backup.restore', { path: backup.path }, ctx);
      expect(done.ok).toBe(true);
      const names = gate.current()!.sqlite.prepare('SELECT first_name FROM contacts').pluck().all();
      expect(names).toEqual(['Kept']);
      expect(listBackups(gate.current()!).some((b) => b.reason === 'restore')).toBe(true);
      if (done.ok) expect(existsSync((done.value as { kept: string }).kept)).toBe(true);
    } finally {
      gate.close();
    }
  });

  it('restoring a plain backup into an encrypted workspace keeps it encrypted', async () => {
    const db = tempDb();
    createContact(db, { firstName: 'Plain' });
    const path = db.path;
    const plainCopy = join(dirname(path), 'made-elsewhere.sqlite');
    await backupNow(db, { out: plainCopy });
    setPassphrase(db, { next: 'correct horse battery' });
    db.close();
    const gate = openBookGate({ path, passphrase: 'correct horse battery' });
    try {
      expect(header(plainCopy)).toBe(PLAIN_HEADER); // not in backups/: the passphrase left it alone
      gate.restore(plainCopy);
      expect(gate.current()?.passphrase).toBe('correct horse battery');
      expect(header(path)).not.toBe(PLAIN_HEADER);
    } finally {
      gate.close();
    }
  });
});
