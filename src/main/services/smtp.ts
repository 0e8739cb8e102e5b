import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { smtpAccounts } from '../../../db/schema';
import { CrmError } from '../errors';
import type { CrmDb } from '../db/open';

/** The desktop app's keychain (Electron safeStorage), registered by the Electron main process. */
export interface SafeStorageSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

let safeStorage: SafeStorageSealer | null = null;

/** Called once by the Electron main process; web mode and the CLI leave it unset and use a passphrase. */
export function useSafeStorage(sealer: SafeStorageSealer | null): void {
  safeStorage = sealer;
}

// Opened passwords live in memory only, per open book: a restart (or another process) asks again.
const opened = new WeakMap<CrmDb, string>();

function sealWithPassphrase(plain: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), body]).toString('base64');
}

function openWithPassphrase(sealed: string, passphrase: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const key = scryptSync(passphrase, raw.subarray(0, 16), 32);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(16, 28));
  decipher.setAuthTag(raw.subarray(28, 44));
  return Buffer.concat([decipher.update(raw.subarray(44)), decipher.final()]).toString('utf8');
}

type AccountRow = typeof smtpAccounts.$inferSelect;
const ACCOUNT_ID = 'default';

function accountRow(db: CrmDb): AccountRow | undefined {
  return db.orm.select().from(smtpAccounts).where(eq(smtpAccounts.id, ACCOUNT_ID)).get();
}

function publicView(db: CrmDb, row: AccountRow) {
  return {
    host: row.host,
    port: row.port,
    security: row.security as 'tls' | 'starttls' | 'none',
    user: row.user,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    hasPassword: row.sealedPassword != null,
    sealScheme: row.sealScheme,
    unlocked: row.sealedPassword == null || opened.has(db) || row.sealScheme === 'safe-storage',
  };
}

export function getAccount(db: CrmDb) {
  const row = accountRow(db);
  return row ? publicView(db, row) : null;
}

/**
 * Saves this device's account (a local table: a password never syncs). With a new password the
 * keychain seals it in the desktop app; elsewhere a passphrase is required to seal it.
 */
export function saveAccount(
  db: CrmDb,
  input: {
    host: string;
    port: number;
    security: 'tls' | 'starttls' | 'none';
    user?: string | null | undefined;
    password?: string | undefined;
    passphrase?: string | undefined;
    fromAddress: string;
    fromName?: string | null | undefined;
  },
) {
  const before = accountRow(db);
  let sealScheme = before?.sealScheme ?? null;
  let sealedPassword = before?.sealedPassword ?? null;
  if (input.password !== undefined) {
    if (input.password === '') {
      sealScheme = null;
      sealedPassword = null;
    } else if (safeStorage) {
      sealScheme = 'safe-storage';
      sealedPassword = safeStorage.seal(input.password);
    } else {
      if (!input.passphrase)
        throw new CrmError('invalid_input', 'errors.email_passphrase_required', {}, [
          { path: ['passphrase'], key: 'errors.email_passphrase_required' },
        ]);
      sealScheme = 'passphrase';
      sealedPassword = sealWithPassphrase(input.password, input.passphrase);
    }
  }
  const row: AccountRow = {
    id: ACCOUNT_ID,
    host: input.host,
    port: input.port,
    security: input.security,
    user: input.user ?? null,
    fromAddress: input.fromAddress,
    fromName: input.fromName ?? null,
    sealScheme,
    sealedPassword,
    updatedAt: db.now(),
  };
  db.orm.insert(smtpAccounts).values(row).onConflictDoUpdate({ target: smtpAccounts.id, set: row }).run();
  if (input.password !== undefined) {
    if (input.password) opened.set(db, input.password);
    else opened.delete(db);
  }
  return publicView(db, row);
}

/** Web mode: opens the sealed password with the passphrase, for this session only. */
export function unlockAccount(db: CrmDb, passphrase: string): boolean {
  const row = accountRow(db);
  if (!row) throw new CrmError('invalid_input', 'errors.email_no_account');
  if (row.sealScheme !== 'passphrase' || !row.sealedPassword) return true;
  try {
    opened.set(db, openWithPassphrase(row.sealedPassword, passphrase));
    return true;
  } catch {
    throw new CrmError('invalid_input', 'errors.email_passphrase_wrong', {}, [
      { path: ['passphrase'], key: 'errors.email_passphrase_wrong' },
    ]);
  }
}

/** The password to log in with, or null without one; throws while a passphrase-sealed one is locked. */
function passwordOf(db: CrmDb, row: AccountRow): string | null {
  if (!row.sealedPassword) return null;
  const cached = opened.get(db);
  if (cached != null) return cached;
  if (row.sealScheme === 'safe-storage' && safeStorage) return safeStorage.open(row.sealedPassword);
  throw new CrmError('unavailable', 'errors.email_locked');
}

export interface MailTransport {
  from: string;
  fromAddress: string;
  send(mail: {
    messageId: string;
    to: string[];
    cc: string[];
    subject: string;
    html: string;
    text: string;
  }): Promise<void>;
  close(): void;
}

/** A nodemailer SMTP transport for the saved account; nothing is pooled between flushes. */
export function openTransport(db: CrmDb): MailTransport {
  const row = accountRow(db);
  if (!row) throw new CrmError('unavailable', 'errors.email_no_account');
  const password = passwordOf(db, row);
  const transport = nodemailer.createTransport({
    host: row.host,
    port: row.port,
    secure: row.security === 'tls',
    requireTLS: row.security === 'starttls',
    ignoreTLS: row.security === 'none',
    auth: row.user ? { user: row.user, pass: password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = row.fromName ? `"${row.fromName.replace(/"/g, '')}" <${row.fromAddress}>` : row.fromAddress;
  return {
    from,
    fromAddress: row.fromAddress,
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        cc: mail.cc.length ? mail.cc : undefined,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
