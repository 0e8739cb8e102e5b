import { z } from 'zod';
import { defineMethod } from './define';

export const backupInfoSchema = z.object({
  path: z.string(),
  reason: z.string(),
  size: z.number().int(),
  createdAt: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

const backupMethodsBase = {
  'backup.now': defineMethod({
    summary:
      'Back up the workspace now with SQLite online backup (a consistent copy while the app keeps working), into backups/ next to it.',
    input: z.strictObject({}),
    output: backupInfoSchema,
  }),
  'backup.list': defineMethod({
    summary: 'Backups of this workspace, newest first (daily, weekly, before imports and migrations, by hand).',
    input: z.strictObject({}),
    output: z.object({ items: z.array(backupInfoSchema) }),
  }),
};

export const workspaceLockSchema = z.object({
  /** True while an encrypted workspace waits for its passphrase (app start, web mode). */
  locked: z.boolean(),
  /** Whether the workspace is encrypted at rest with a passphrase. */
  encrypted: z.boolean(),
});
export type WorkspaceLock = z.infer<typeof workspaceLockSchema>;

const passphrase = z.string().max(1024, { error: 'validation.too_long' });

export const workspaceMethods = {
  'workspace.status': defineMethod({
    summary:
      'Whether the workspace is encrypted and whether it is still locked. The only call, with workspace.unlock, answered while it is locked.',
    input: z.strictObject({}),
    output: workspaceLockSchema,
  }),
  'workspace.unlock': defineMethod({
    summary:
      'Opens an encrypted workspace with its passphrase. A wrong one fails with errors.db_wrong_passphrase and the file is not touched.',
    input: z.strictObject({ passphrase: passphrase.min(1, { error: 'validation.required' }) }),
    output: workspaceLockSchema,
  }),
  'workspace.setPassphrase': defineMethod({
    summary:
      'Sets, changes or removes (next: null) the passphrase that encrypts the workspace at rest (SQLCipher). The current passphrase is required when there is one.',
    input: z.strictObject({ current: passphrase.optional(), next: passphrase.nullable() }),
    output: workspaceLockSchema,
  }),
};

export const restoreMethods = {
  'backup.restore': defineMethod({
    summary:
      'Replaces the workspace with a backup from backups/ (checked first; the current workspace is kept aside as a restore backup). The app reloads after it.',
    input: z.strictObject({ path: z.string().min(1) }),
    output: z.object({ kept: z.string().nullable(), locked: z.boolean() }),
  }),
};

/** Backups, restore and the workspace lock (encryption at rest): one map, spread into the contract. */
export const backupMethods = { ...backupMethodsBase, ...restoreMethods, ...workspaceMethods };
