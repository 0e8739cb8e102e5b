/**
 * The wire protocol between a desktop replica (src/main/sync) and the sync server (src/server).
 * Pure TypeScript + zod: both sides validate with the same schemas.
 *
 * Flow
 *  1. Accounts (no token): `POST /v1/auth/signup` creates a user + workspace (the user is its owner),
 *     `POST /v1/auth/signin` enrols a device, `POST /v1/auth/accept` joins a workspace by invitation.
 *     Each returns a {@link Session}: a short-lived access token (JWT, 15 min) naming user, workspace,
 *     device and role, and a long-lived device refresh token (random, stored hashed, revocable).
 *     `POST /v1/auth/refresh` trades the refresh token for a new access token (the refresh token is not
 *     rotated, so a lost response never locks a device out). The workspace is ALWAYS the token's:
 *     no sync request body can name another one.
 *  2. `POST /v1/hello`: the device says who it is (node id, schema version, clock). The server answers
 *     with the workspace epoch, the minimum client schema (below it → `schema_too_old`: the client goes
 *     read-only and keeps its outbox), its time, the last push seq it acknowledged for this device,
 *     and the head server_seq.
 *  3. First sync: `GET /v1/snapshot` pages the current value of every field (never history). Keep
 *     paging with `after` = `nextAfter` (and `at` = `cursor.serverSeq`) until `hasMore` is false,
 *     then pull from `cursor`. Values only move forward (LWW), so a page read late is never older
 *     than the cursor it is paired with.
 *  4. `POST /v1/push`: a batch of field changes (≤ 1 MB, ≤ 5,000 changes) numbered by a per-device
 *     `seq` that grows by one per new batch. A batch whose seq is ≤ the device's acknowledged seq is
 *     answered with the stored ack and applied again never (idempotent retry after a lost response).
 *     Each change wins its cell if its (hlc, node) is greater than the stored one; a concurrent loser
 *     (different node, different value) is recorded in the server's conflicts table. Winners get a
 *     server_seq; one writer per workspace at a time, so server_seq order is commit order. A change
 *     stamped more than {@link MAX_CLOCK_SKEW_MS} ahead of the server's clock rejects the whole batch
 *     with `clock_skew` and nothing is stored.
 *     `GET /v1/bootstrap` is the same snapshot by rows, for a new device: each row once with all its
 *     cells (`[table, rowId, { field: [value, hlc] }]`), paged by (table, rowId), so a device applies
 *     whole rows instead of replaying fields one by one. With `stamps=row` (protocol 2) a row whose
 *     cells all carry one stamp comes as `[table, rowId, { field: value }, hlc]`: the stamp was most
 *     of a page's bytes. Servers of protocol 1 ignore the parameter; clients read both shapes.
 *  5. `GET /v1/pull?epoch=E&after=N&limit=L`: the winners logged after server_seq N, in order, with
 *     the next cursor. Every page (pull, snapshot, bootstrap) holds at most `limit` entries and at
 *     most {@link MAX_BATCH_BYTES} of body, whichever comes first; its next position is right after
 *     its last entry, so no entry is skipped or sent twice. A cursor of another epoch (the server was restored or re-based) gets
 *     `epoch_changed`: drop the cursor and take a fresh snapshot (keep the outbox: it is pushed again).
 *  6. `GET /v1/live`: server-sent events; each `seq` event says "the head is now N": pull when N is
 *     beyond your cursor. A hint only: a client that misses events still converges by pulling.
 * Errors: a non-2xx response carries {@link ErrorBody} with a closed list of codes.
 */
import { z } from 'zod';

/** 2: GET /v1/bootstrap answers rows stamped once when asked (`stamps=row`); nothing else changed. */
export const PROTOCOL_VERSION = 2;
/**
 * The most bytes (UTF-8) a batch takes: the largest push body the server reads, and the largest
 * JSON body of a page it answers (pull, snapshot, bootstrap), which ends early, before its row
 * limit, at the last row that keeps it within this. The one exception: a page always carries at
 * least one row, so a single row bigger than this on its own comes alone in a bigger page.
 */
export const MAX_BATCH_BYTES = 1024 * 1024;
export const MAX_BATCH_CHANGES = 5000;
/** Changes stamped further ahead of the server clock than this are refused (`clock_skew`). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 5000;
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Paths, relative to the server's base URL. */
export const SYNC_PATHS = {
  health: '/health',
  signup: '/v1/auth/signup',
  signin: '/v1/auth/signin',
  refresh: '/v1/auth/refresh',
  signout: '/v1/auth/signout',
  accept: '/v1/auth/accept',
  devices: '/v1/devices',
  revokeDevice: '/v1/devices/revoke',
  invitations: '/v1/invitations',
  hello: '/v1/hello',
  push: '/v1/push',
  pull: '/v1/pull',
  snapshot: '/v1/snapshot',
  bootstrap: '/v1/bootstrap',
  live: '/v1/live',
  conflicts: '/v1/conflicts',
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

/** `000001732370000000:0000:node-id` (see hlc.ts): string order is (millis, counter, node) order. */
export const HLC_PATTERN = /^\d{15}:[0-9a-z]{4}:.+$/;
export const hlcSchema = z.string().max(200).regex(HLC_PATTERN);
const name = z.string().min(1).max(200);
const id = z.string().min(1).max(100);

export const roleSchema = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const cursorSchema = z.object({
  /** The workspace epoch the cursor belongs to (changes after a restore or `--new-epoch`). */
  epoch: z.string().min(1).max(100),
  /** The last server_seq this replica has applied. */
  serverSeq: z.number().int().nonnegative(),
});
export type Cursor = z.infer<typeof cursorSchema>;

/** One field of one row: the unit of merge. */
export const fieldChangeSchema = z.object({
  table: name,
  rowId: id,
  field: name,
  value: z.json(),
  hlc: hlcSchema,
  /** The node id of the replica that wrote it (also the HLC's tail): the tie-break of equal clocks. */
  node: id,
  /**
   * Optional, push only: the clock of this cell as last RECEIVED FROM THE SERVER when the edit was
   * made (null: the cell was unknown to the writer). It lets the server tell a concurrent edit
   * (the writer had not seen the current winner: a conflict to review) from a sequential one.
   * Without it, an edit that beats a different value written by another node counts as concurrent.
   */
  base: hlcSchema.nullable().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** A change as the server logged it. */
export const loggedChangeSchema = fieldChangeSchema
  .omit({ base: true })
  .extend({ serverSeq: z.number().int().positive() });
export type LoggedChange = z.infer<typeof loggedChangeSchema>;

/**
 * The merge order: true when (hlc a, node a) beats (hlc b, node b). The HLC already ends with its
 * node, so the node comparison only matters for hand-made clocks.
 */
export function beats(a: { hlc: string; node: string }, b: { hlc: string; node: string }): boolean {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc;
  return a.node > b.node;
}

// ---------------------------------------------------------------------------------------------
// Accounts

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const password = z.string().min(8).max(1000);

export const sessionSchema = z.object({
  userId: id,
  workspaceId: id,
  workspaceName: z.string(),
  deviceId: id,
  role: roleSchema,
  accessToken: z.string(),
  /** Epoch millis when the access token stops working; refresh a little before. */
  accessExpiresAt: z.number().int(),
  /** Present on sign-up, sign-in and accept; keep it secret (it is stored hashed on the server). */
  refreshToken: z.string().optional(),
  /** Every workspace this user belongs to (sign in again with `workspaceId` to switch). */
  workspaces: z.array(z.object({ id, name: z.string(), role: roleSchema })).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const signupRequestSchema = z.object({
  email,
  password,
  name: z.string().trim().max(200).optional(),
  workspaceName: z.string().trim().min(1).max(200),
  deviceName: z.string().trim().min(1).max(200),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const signinRequestSchema = z.object({
  email,
  password: z.string().min(1).max(1000),
  deviceName: z.string().trim().min(1).max(200),
  /** Which of the user's workspaces; the oldest membership when omitted. */
  workspaceId: id.optional(),
});
export type SigninRequest = z.input<typeof signinRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(500) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/** Sign out = revoke the calling device (needs its access token). Body may be empty. */
export const signoutRequestSchema = z.object({}).strict().optional();

export const deviceSchema = z.object({
  id,
  name: z.string(),
  userId: id,
  userEmail: z.string(),
  nodeId: z.string().nullable(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
  ackedSeq: z.number().int(),
});
export type Device = z.infer<typeof deviceSchema>;
export const listDevicesResponseSchema = z.object({ devices: z.array(deviceSchema) });
export type ListDevicesResponse = z.infer<typeof listDevicesResponseSchema>;

/** Owners and admins revoke any device of the workspace; anyone revokes their own. */
export const revokeDeviceRequestSchema = z.object({ deviceId: id });
export type RevokeDeviceRequest = z.infer<typeof revokeDeviceRequestSchema>;

/** Owners and admins only. An admin cannot invite an owner. */
export const inviteRequestSchema = z.object({ email, role: roleSchema.default('member') });
export type InviteRequest = z.input<typeof inviteRequestSchema>;
export const inviteResponseSchema = z.object({
  invitationId: id,
  /** Give it to the invitee; valid once, until `expiresAt`. */
  token: z.string(),
  expiresAt: z.number().int(),
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

/**
 * Accept an invitation: creates the user when the email is new (password ≥ 8), or checks the
 * password of the existing user; enrols the device in the invitation's workspace.
 */
export const acceptRequestSchema = z.object({
  token: z.string().min(1).max(500),
  email,
  password: z.string().min(1).max(1000),
  name: z.string().trim().max(200).optional(),
  deviceName: z.string().trim().min(1).max(200),
});
export type AcceptRequest = z.input<typeof acceptRequestSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Sync

export const helloRequestSchema = z.object({
  /** Must be the device of the access token (a mismatch is `forbidden`). */
  deviceId: id,
  nodeId: id,
  /** The client's synced-schema version (its latest migration number). */
  schemaVersion: z.number().int().nonnegative(),
  /** The client's wall clock, epoch millis: the server reports the skew it sees. */
  clientTime: z.number().int(),
});
export type HelloRequest = z.infer<typeof helloRequestSchema>;

export const helloResponseSchema = z.object({
  protocolVersion: z.number().int(),
  epoch: z.string(),
  minSchemaVersion: z.number().int(),
  serverTime: z.number().int(),
  /** serverTime − clientTime as the server saw it (network delay included). */
  clockSkewMs: z.number().int(),
  maxClockSkewMs: z.number().int(),
  workspace: z.object({ id, name: z.string() }),
  userId: id,
  deviceId: id,
  role: roleSchema,
  /** The last push batch seq the server committed for this device: resend only later batches. */
  ackedSeq: z.number().int().nonnegative(),
  /** The newest server_seq of the workspace. */
  headSeq: z.number().int().nonnegative(),
});
export type HelloResponse = z.infer<typeof helloResponseSchema>;

export const pushRequestSchema = z.object({
  /** Must be the device of the access token. */
  deviceId: id,
  /** Batch number of this device: the previous acknowledged seq + 1 for a new batch. */
  seq: z.number().int().positive(),
  changes: z.array(fieldChangeSchema).max(MAX_BATCH_CHANGES),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** The device's acknowledged batch seq after this request (= the request's seq when accepted). */
  ackedSeq: z.number().int().nonnegative(),
  /** True when the batch had already been committed: nothing was applied this time. */
  duplicate: z.boolean(),
  /** server_seq range given to this batch's winning changes; null when none won. */
  fromSeq: z.number().int().positive().nullable(),
  toSeq: z.number().int().positive().nullable(),
  /** How many changes won their cell, and how many lost (already beaten, or recorded as conflicts). */
  applied: z.number().int().nonnegative(),
  superseded: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  headSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Query string of GET /v1/pull (numbers arrive as strings). */
export const pullQuerySchema = z.object({
  epoch: z.string().min(1).max(100),
  after: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().positive().max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
export type PullQuery = z.input<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  changes: z.array(loggedChangeSchema),
  /** Save it with the page, in the same transaction. */
  next: cursorSchema,
  hasMore: z.boolean(),
  headSeq: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Query string of GET /v1/snapshot. */
export const snapshotQuerySchema = z.object({
  /** `cursor.epoch` of the first page on later pages: a change of epoch mid-snapshot is `epoch_changed`. */
  epoch: z.string().min(1).max(100).optional(),
  /** `nextAfter` of the previous page; absent on the first page. */
  after: z.string().max(1000).optional(),
  /** `cursor.serverSeq` of the first page, passed back so every page names the same cursor. */
  at: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().positive().max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
export type SnapshotQuery = z.input<typeof snapshotQuerySchema>;

export const snapshotResponseSchema = z.object({
  /** Current winner of each field (server_seq = when it was written). */
  changes: z.array(loggedChangeSchema),
  /** Where to pull from once the snapshot is complete. */
  cursor: cursorSchema,
  nextAfter: z.string().nullable(),
  hasMore: z.boolean(),
  /** Number of fields in the workspace when this page was read (for a progress bar: changes.length / total). */
  total: z.number().int().nonnegative(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

/** Rows per page of GET /v1/bootstrap (a row of a synced table is a few hundred bytes to a few KB). */
export const DEFAULT_BOOTSTRAP_ROWS = 2000;
export const MAX_BOOTSTRAP_ROWS = 5000;

/** Query string of GET /v1/bootstrap: like the snapshot's, with `after` a [table, rowId] position. */
export const bootstrapQuerySchema = snapshotQuerySchema.extend({
  limit: z.coerce.number().int().positive().max(MAX_BOOTSTRAP_ROWS).default(DEFAULT_BOOTSTRAP_ROWS),
  /**
   * `row`: a row whose cells share one stamp is sent as a {@link BootstrapStampedRow} (protocol 2).
   * `cell` (the default, what clients of protocol 1 get): every cell with its own stamp.
   */
  stamps: z.enum(['cell', 'row']).default('cell'),
});
export type BootstrapQuery = z.input<typeof bootstrapQuerySchema>;

/** A cell as the bootstrap sends it: the current value and its clock (whose tail is the node). */
export type BootstrapCell = [value: FieldChange['value'], hlc: string];
/** One row: table, id and every cell it has on the server. */
export type BootstrapCellsRow = [table: string, rowId: string, cells: Record<string, BootstrapCell>];
/** One row whose cells all carry the same stamp (a record written once, the common case): each value, and that stamp once. */
export type BootstrapStampedRow = [
  table: string,
  rowId: string,
  values: Record<string, FieldChange['value']>,
  hlc: string,
];
export type BootstrapRow = BootstrapCellsRow | BootstrapStampedRow;

/**
 * GET /v1/bootstrap. `rows` is checked by {@link parseBootstrapRows} rather than zod: a first sync
 * carries millions of cells, and a schema walk of each one cost more than applying it.
 */
export const bootstrapResponseSchema = z.object({
  rows: z.array(z.unknown()),
  cursor: cursorSchema,
  nextAfter: z.string().nullable(),
  hasMore: z.boolean(),
  /** Rows in the workspace when the first page was read (first page only; null after). */
  total: z.number().int().nonnegative().nullable(),
});
export type BootstrapResponse = Omit<z.infer<typeof bootstrapResponseSchema>, 'rows'> & { rows: BootstrapRow[] };

/** The rows of a bootstrap page, or null when one of them is not of the protocol's shape. */
export function parseBootstrapRows(rows: readonly unknown[]): BootstrapRow[] | null {
  // The cells of a row mostly share one stamp: a stamp equal to the last one checked needs no
  // second pattern match (a first sync checks millions of cells).
  let checked = '';
  const stampOk = (hlc: unknown): boolean => {
    if (typeof hlc !== 'string' || hlc.length > 200) return false;
    if (hlc !== checked) {
      if (!HLC_PATTERN.test(hlc)) return false;
      checked = hlc;
    }
    return true;
  };
  for (const row of rows) {
    if (!Array.isArray(row) || (row.length !== 3 && row.length !== 4)) return null;
    const [table, rowId, cells, hlc] = row as unknown[];
    if (typeof table !== 'string' || table.length === 0 || table.length > 200) return null;
    if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > 100) return null;
    if (typeof cells !== 'object' || cells === null || Array.isArray(cells)) return null;
    if (row.length === 4) {
      // Stamped once: the values are plain JSON, only the field names need a look.
      if (!stampOk(hlc)) return null;
      for (const field in cells) if (field.length === 0 || field.length > 200) return null;
      continue;
    }
    for (const field in cells) {
      const cell = (cells as Record<string, unknown>)[field];
      if (!Array.isArray(cell) || cell.length !== 2 || field.length === 0 || field.length > 200) return null;
      if (!stampOk(cell[1])) return null;
    }
  }
  return rows as BootstrapRow[];
}

/** Data of the SSE event `seq` on GET /v1/live. */
export const liveEventSchema = z.object({ epoch: z.string(), headSeq: z.number().int().nonnegative() });
export type LiveEvent = z.infer<typeof liveEventSchema>;
export const LIVE_EVENT_NAME = 'seq';

/** GET /v1/conflicts?after=ID&limit=N: concurrent edits the server recorded, oldest first. */
export const conflictsQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
export const conflictSchema = z.object({
  id: z.number().int().positive(),
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  winner: z.object({ value: z.json(), hlc: z.string(), node: z.string() }),
  loser: z.object({ value: z.json(), hlc: z.string(), node: z.string() }),
  createdAt: z.number().int(),
});
export type SyncConflict = z.infer<typeof conflictSchema>;
export const conflictsResponseSchema = z.object({ conflicts: z.array(conflictSchema), hasMore: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Errors

export const SYNC_ERROR_CODES = [
  'unauthorized', // no, bad or expired access token; wrong password; revoked device or refresh token
  'forbidden', // authenticated but not allowed (role, another device's id)
  'clock_skew', // a change is stamped > MAX_CLOCK_SKEW_MS ahead of the server: fix the device clock
  'schema_too_old', // client schema below the server minimum: go read-only, keep the outbox
  'epoch_changed', // cursor of an old epoch: re-snapshot
  'payload_too_large', // body > MAX_BATCH_BYTES
  'invalid', // malformed body or query
  'rate_limited', // too many sign-in attempts: wait `retryAfterMs`
  'not_found',
  'conflict', // e.g. an invitation already used
  'internal',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const SYNC_ERROR_STATUS: Record<SyncErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  clock_skew: 409,
  schema_too_old: 426,
  epoch_changed: 410,
  payload_too_large: 413,
  invalid: 400,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    /**
     * clock_skew: { serverTime, maxClockSkewMs, hlc }; schema_too_old: { minSchemaVersion };
     * epoch_changed: { epoch }; rate_limited: { retryAfterMs }; invalid: { issues }.
     */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
