import { z } from 'zod';
import { defineMethod, type EventDef } from './define';

export const SYNC_STATES = ['off', 'idle', 'syncing', 'offline', 'error', 'read_only'] as const;
/** Why the last round failed, as a key of the sync i18n catalogue (`sync.reason.<code>`). */
export const SYNC_REASONS = [
  'unauthorized',
  'forbidden',
  'clock_skew',
  'schema_too_old',
  'rate_limited',
  'invalid',
  'server',
  'unknown',
] as const;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** Set once signed in. */
  server: z.string().nullable(),
  email: z.string().nullable(),
  workspace: z.string().nullable(),
  /** Epoch millis of the last complete round. */
  lastSyncedAt: z.number().nullable(),
  /** Local changes not yet acknowledged by the server. */
  pending: z.number().int(),
  /** While syncing: what and how far (the first sync shows it as a progress bar). */
  progress: z
    .object({ phase: z.enum(['connect', 'push', 'snapshot', 'pull']), done: z.number(), total: z.number() })
    .nullable(),
  /** True until the first snapshot completed. */
  firstSync: z.boolean(),
  error: z.object({ reason: z.enum(SYNC_REASONS), message: z.string() }).nullable(),
  /** When the next automatic attempt is due (after an error, with back-off). */
  nextAttemptAt: z.number().nullable(),
  openConflicts: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const server = z.string().trim().min(1, { error: 'validation.required' }).max(500, { error: 'validation.too_long' });
const email = z.email({ error: 'validation.email_invalid' }).max(254);
const password = z.string().min(1, { error: 'validation.required' }).max(1000);

export const syncConflictSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['concurrent', 'edited_after_delete']),
  entity: z.string(),
  recordId: z.string(),
  /** What the record is called (a contact's name), for the list. */
  recordLabel: z.string(),
  /** The field as stored ("job_title", "custom.size"). */
  field: z.string(),
  /** The field as the app names it ("jobTitle", "custom.size"): the key of its label. */
  fieldKey: z.string(),
  /**
   * The value the merge kept and the one it set aside (for an edit after a delete: the edit, and
   * the deletion), as the app reads them (lists parsed, flags true/false), like `current`.
   */
  kept: z.object({ value: z.json(), at: z.number() }),
  other: z.object({ value: z.json(), at: z.number() }),
  /** The field's value here now. */
  current: z.json(),
  createdAt: z.number(),
});
export type SyncConflictItem = z.infer<typeof syncConflictSchema>;

export const syncDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Who signed in on it. */
  email: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number().nullable(),
  /** Set once revoked (or signed out): its tokens are refused from then on. */
  revokedAt: z.number().nullable(),
  /** This book's own device. */
  current: z.boolean(),
});
export type SyncDevice = z.infer<typeof syncDeviceSchema>;

export const syncMethods = {
  'sync.status': defineMethod({
    summary:
      'Where sync stands: off, idle (synced at), syncing (n of m), offline, error with its reason; pending changes.',
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
  'sync.signIn': defineMethod({
    summary: 'Sign in to a sync server with an existing account; enrols this device and starts background sync.',
    input: z.strictObject({ server, email, password, workspaceId: z.string().max(100).optional() }),
    output: syncStatusSchema,
  }),
  'sync.signUp': defineMethod({
    summary: 'Create an account and a new workspace on a sync server; this book becomes its first device.',
    input: z.strictObject({
      server,
      email,
      password: z.string().min(8, { error: 'validation.too_short' }).max(1000),
      workspaceName: z.string().trim().min(1, { error: 'validation.required' }).max(200),
    }),
    output: syncStatusSchema,
  }),
  'sync.acceptInvitation': defineMethod({
    summary: 'Join a workspace with an invitation code (creating the account when the email is new).',
    input: z.strictObject({
      server,
      token: z.string().trim().min(1, { error: 'validation.required' }).max(500),
      email,
      password,
    }),
    output: syncStatusSchema,
  }),
  'sync.invite': defineMethod({
    summary: 'Invite someone to this workspace (owners and admins): returns the code to give them.',
    input: z.strictObject({ email, role: z.enum(['admin', 'member']).default('member') }),
    output: z.object({ token: z.string(), expiresAt: z.number() }),
  }),
  'sync.devices': defineMethod({
    summary:
      'Devices enrolled in this workspace (all of them for owners and admins, with whose each is); this device is marked.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(syncDeviceSchema) }),
  }),
  'sync.revokeDevice': defineMethod({
    summary:
      'Revoke a device (your own, or any for owners and admins): the server refuses its tokens from then on. Revoking this device signs it out.',
    input: z.strictObject({ deviceId: z.string().trim().min(1).max(100) }),
    output: z.object({ items: z.array(syncDeviceSchema) }),
  }),
  'sync.signOut': defineMethod({
    summary: 'Stop syncing and revoke this device on the server. Local data and unsent changes stay.',
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
  'sync.runNow': defineMethod({
    summary: 'Sync now (returns when the round has finished or failed).',
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
  'sync.conflicts': defineMethod({
    summary: 'Concurrent edits of one field (and edits made after a delete) waiting for review.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(syncConflictSchema) }),
  }),
  'sync.resolveConflict': defineMethod({
    summary:
      'Settle a conflict: "kept" leaves the value, "other" writes the set-aside value as a new edit that syncs (for an edit after a delete, "other" restores the record).',
    input: z.strictObject({ id: z.number().int().positive(), choice: z.enum(['kept', 'other']) }),
    output: z.object({ items: z.array(syncConflictSchema) }),
  }),
};

export const syncEvents = {
  'sync.status': {
    summary: 'Sync status changed (state, progress, pending count).',
    payload: syncStatusSchema,
  } satisfies EventDef,
};
