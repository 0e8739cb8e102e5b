import { hostname } from 'node:os';
import type { SyncConflictItem, SyncDevice } from '../../shared/contract/sync';
import { decodeHlc } from '../../shared/sync/hlc';
import { CUSTOM_COLUMN, DELETED_FIELD, customKeyOf } from '../../shared/sync/merge';
import type { Session } from '../../shared/sync/protocol';
import { CrmError } from '../errors';
import type { Row } from '../db/entities';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { syncController } from './controller';
import { accessToken, forgetSession, saveSession, storedAccount } from './engine';
import { SyncHttp, SyncOfflineError, SyncRemoteError, normaliseServerUrl } from './http';
import { clockStore } from './state';
import { clockOf, decodeRaw, isSyncedTable, parseCustom, syncTable } from './tables';

/** The server's refusals as the app's errors (a translated message, nothing stored). */
export function toCrmError(error: unknown): unknown {
  if (error instanceof SyncOfflineError) return new CrmError('unavailable', 'sync.error_offline');
  if (error instanceof SyncRemoteError) {
    if (error.code === 'unauthorized') return new CrmError('forbidden', 'sync.error_credentials');
    if (error.code === 'rate_limited') return new CrmError('unavailable', 'sync.error_rate_limited');
    if (error.code === 'clock_skew') return new CrmError('unavailable', 'sync.error_clock_skew');
    if (error.code === 'conflict' || error.code === 'not_found')
      return new CrmError('invalid_input', 'sync.error_invitation');
    if (error.code === 'invalid')
      return new CrmError('invalid_input', 'sync.error_invalid', { message: error.message });
    if (error.code === 'forbidden') return new CrmError('forbidden', 'errors.forbidden');
    return new CrmError('unavailable', 'sync.error_server', { message: error.message });
  }
  return error;
}

async function enrol(
  db: CrmDb,
  server: string,
  email: string,
  get: (http: SyncHttp) => Promise<Session>,
): Promise<void> {
  let base: string;
  try {
    base = normaliseServerUrl(server);
  } catch {
    throw new CrmError('invalid_input', 'sync.error_server_url');
  }
  const http = new SyncHttp(base);
  try {
    const session = await get(http);
    saveSession(db, http.base, email.trim().toLowerCase(), session);
  } catch (error) {
    throw toCrmError(error);
  }
  const controller = syncController(db);
  controller.reset();
  // The first round (maybe a long first sync) runs in the background; the status shows its progress.
  void controller.runNow();
}

const deviceName = () => `CRM on ${hostname()}`.slice(0, 200);

export function signIn(db: CrmDb, input: { server: string; email: string; password: string; workspaceId?: string }) {
  return enrol(db, input.server, input.email, (http) =>
    http.signin({
      email: input.email,
      password: input.password,
      deviceName: deviceName(),
      workspaceId: input.workspaceId,
    }),
  );
}

export function signUp(db: CrmDb, input: { server: string; email: string; password: string; workspaceName: string }) {
  return enrol(db, input.server, input.email, (http) =>
    http.signup({
      email: input.email,
      password: input.password,
      workspaceName: input.workspaceName,
      deviceName: deviceName(),
    }),
  );
}

export function acceptInvitation(db: CrmDb, input: { server: string; token: string; email: string; password: string }) {
  return enrol(db, input.server, input.email, (http) =>
    http.accept({ token: input.token, email: input.email, password: input.password, deviceName: deviceName() }),
  );
}

export async function invite(db: CrmDb, input: { email: string; role: 'admin' | 'member' }) {
  const account = storedAccount(db);
  if (!account) throw new CrmError('invalid_input', 'sync.error_signed_out');
  const http = new SyncHttp(account.server);
  try {
    const result = await http.invite(await accessToken(db, http), input);
    return { token: result.token, expiresAt: result.expiresAt };
  } catch (error) {
    throw toCrmError(error);
  }
}

/** The workspace's devices as the server lists them (owners and admins see everyone's), newest first. */
export async function listDevices(db: CrmDb): Promise<SyncDevice[]> {
  const account = storedAccount(db);
  if (!account) throw new CrmError('invalid_input', 'sync.error_signed_out');
  const http = new SyncHttp(account.server);
  try {
    const devices = await http.devices(await accessToken(db, http));
    return devices
      .map((d) => ({
        id: d.id,
        name: d.name,
        email: d.userEmail,
        createdAt: d.createdAt,
        lastSeenAt: d.lastSeenAt,
        revokedAt: d.revokedAt,
        current: d.id === account.deviceId,
      }))
      .sort((a, b) => b.createdAt - a.createdAt);
  } catch (error) {
    throw toCrmError(error);
  }
}

/**
 * Revokes a device on the server (a lost laptop, an old phone): its refresh token is refused from
 * then on. This book's own device is signed out instead, so it also stops syncing here.
 */
export async function revokeDevice(db: CrmDb, deviceId: string): Promise<void> {
  const account = storedAccount(db);
  if (!account) throw new CrmError('invalid_input', 'sync.error_signed_out');
  if (deviceId === account.deviceId) return signOut(db);
  const http = new SyncHttp(account.server);
  try {
    await http.revokeDevice(await accessToken(db, http), deviceId);
  } catch (error) {
    throw toCrmError(error);
  }
}

/** Revokes this device on the server when reachable; locally the book stops syncing either way. */
export async function signOut(db: CrmDb): Promise<void> {
  const account = storedAccount(db);
  if (account) {
    const http = new SyncHttp(account.server);
    try {
      await http.signout(await accessToken(db, http));
    } catch {
      // Offline or already revoked: forgetting the token here is what matters.
    }
  }
  forgetSession(db);
  syncController(db).reset();
}

/**
 * Conflicts waiting for review. One settles by itself once the field was edited again (anywhere:
 * its clock here moved past both values), so choosing a value on one device clears it on the others.
 */
export function listConflicts(db: CrmDb): SyncConflictItem[] {
  const rows = db.sqlite
    .prepare(
      'SELECT id, kind, table_name AS tableName, row_id AS rowId, field, winner, loser, created_at AS createdAt FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id',
    )
    .all() as {
    id: number;
    kind: 'concurrent' | 'edited_after_delete';
    tableName: string;
    rowId: string;
    field: string;
    winner: string;
    loser: string;
    createdAt: number;
  }[];
  const settle = db.sqlite.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?');
  const clocks = clockStore(db);
  const items: SyncConflictItem[] = [];
  for (const r of rows) {
    const winner = JSON.parse(r.winner) as { value: unknown; hlc: string };
    const loser = JSON.parse(r.loser) as { value: unknown; hlc: string };
    const raw = isSyncedTable(r.tableName)
      ? (syncTable(db, r.tableName).select.get(r.rowId) as Row | undefined)
      : undefined;
    const c = clocks.get(r.tableName, r.rowId) ?? {};
    const clock = clockOf(c, r.kind === 'edited_after_delete' ? DELETED_FIELD : r.field) ?? '';
    const newest = winner.hlc > loser.hlc ? winner.hlc : loser.hlc;
    const settled = !raw || (r.kind === 'concurrent' ? clock > newest : !raw[DELETED_FIELD] || clock !== loser.hlc);
    if (settled) {
      settle.run(db.now(), r.id);
      continue;
    }
    const read = reader(db, r.tableName, r.field);
    items.push({
      id: r.id,
      kind: r.kind,
      entity: r.tableName,
      recordId: r.rowId,
      recordLabel: labelOf(db, r.tableName, raw),
      field: r.field,
      fieldKey: read.key,
      kept: { value: read.value(winner.value), at: decodeHlc(winner.hlc).millis },
      other: { value: read.value(loser.value), at: decodeHlc(loser.hlc).millis },
      current: read.value(currentValue(raw, r.field)),
      createdAt: r.createdAt,
    });
  }
  return items;
}

function labelOf(db: CrmDb, table: string, raw: Row): string {
  if (!isSyncedTable(table)) return String(raw.id);
  const plan = syncTable(db, table);
  if (!plan.def.searchDoc) return String(raw.name ?? raw.title ?? raw.id);
  return plan.def.searchDoc(decodeRaw(plan, raw)).title || String(raw.id);
}

type Json = SyncConflictItem['current'];

/**
 * How a conflict's field reads in the app: its key ("job_title" is "jobTitle") and its values
 * decoded the way the record's own screens get them (a list of emails stored as JSON text comes
 * out as the list, a flag stored as 0/1 as false/true), so the Conflicts screen can label and
 * format them like everywhere else. Custom values travel as they are.
 */
function reader(db: CrmDb, table: string, field: string): { key: string; value: (v: unknown) => Json } {
  const col = customKeyOf(field) === null && isSyncedTable(table) ? syncTable(db, table).byName.get(field) : undefined;
  if (!col) return { key: field, value: (v) => (v ?? null) as Json };
  return {
    key: col.key,
    value: (v) => {
      if (v === null || v === undefined) return null;
      try {
        const driver = col.json && typeof v !== 'string' ? JSON.stringify(v) : v;
        return toJson(col.column.mapFromDriverValue(driver));
      } catch {
        return v as Json; // a value this version cannot read is shown as it came
      }
    },
  };
}

/** Dates become their epoch millis: the contract carries JSON. */
function toJson(value: unknown): Json {
  return (value instanceof Date ? value.getTime() : value) as Json;
}

function currentValue(raw: Row, field: string): unknown {
  const key = customKeyOf(field);
  if (key !== null) return parseCustom(raw[CUSTOM_COLUMN])[key] ?? null;
  return raw[field] ?? null;
}

/**
 * Settles a conflict. Either choice is a new edit through the mutation layer, stamped now, so it
 * wins everywhere and settles the conflict on the other devices too: the set-aside value is
 * written back, or the value shown is stamped again (`restamp`) without changing it.
 */
export function resolveConflict(db: CrmDb, id: number, choice: 'kept' | 'other', options: WriteOptions): void {
  const row = db.sqlite
    .prepare(
      'SELECT kind, table_name AS tableName, row_id AS rowId, field, loser FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL',
    )
    .get(id) as { kind: string; tableName: string; rowId: string; field: string; loser: string } | undefined;
  if (!row || !isSyncedTable(row.tableName))
    throw new CrmError('not_found', 'errors.not_found', { entity: 'sync.conflict' });
  const plan = syncTable(db, row.tableName);
  const raw = plan.select.get(row.rowId) as Row | undefined;
  if (choice === 'other' && raw) {
    const table = plan.name;
    if (row.kind === 'edited_after_delete') {
      mutate(db, { table, op: 'restore', id: row.rowId }, options);
    } else {
      const value = (JSON.parse(row.loser) as { value: unknown }).value;
      const key = customKeyOf(row.field);
      if (key !== null) {
        const custom = { ...parseCustom(raw[CUSTOM_COLUMN]) };
        if (value === null) delete custom[key];
        else custom[key] = value;
        mutate(db, { table, op: 'update', id: row.rowId, values: { custom } }, options);
      } else {
        const col = plan.byName.get(row.field);
        if (!col || col.local) throw new CrmError('invalid_input', 'sync.error_invalid', { message: row.field });
        const decoded =
          value === null
            ? null
            : col.column.mapFromDriverValue(col.json && typeof value !== 'string' ? JSON.stringify(value) : value);
        mutate(db, { table, op: 'update', id: row.rowId, values: { [col.key]: decoded } }, options);
      }
    }
  } else if (choice === 'kept' && raw) {
    const field =
      row.kind === 'edited_after_delete'
        ? 'deleted'
        : customKeyOf(row.field) !== null
          ? row.field
          : plan.byName.get(row.field)?.key;
    if (field) mutate(db, { table: plan.name, op: 'update', id: row.rowId, restamp: [field] }, options);
  }
  db.sqlite.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?').run(db.now(), id);
  void syncController(db).runNow();
}
