-- The sync server's schema (PGlite and PostgreSQL alike). Times are epoch milliseconds.

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Changes when the server is restored or re-based: clients holding a cursor of another epoch re-snapshot.
  epoch text NOT NULL,
  -- The last server_seq given out; bumped under the row lock, so seq order is commit order.
  head_seq bigint NOT NULL DEFAULT 0,
  field_count bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text,
  password_hash text NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE memberships (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at bigint NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id, created_at);

CREATE TABLE invitations (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  token_hash text NOT NULL UNIQUE,
  invited_by text NOT NULL REFERENCES users (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  accepted_at bigint,
  accepted_by text REFERENCES users (id)
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  user_id text NOT NULL REFERENCES users (id),
  name text NOT NULL,
  node_id text,
  schema_version integer,
  refresh_token_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  last_seen_at bigint,
  revoked_at bigint,
  -- Idempotent push: the last batch seq committed for this device and the answer it got.
  acked_seq bigint NOT NULL DEFAULT 0,
  last_ack jsonb
);
CREATE INDEX devices_workspace ON devices (workspace_id, created_at);

-- The current winner of every field: what a snapshot sends.
CREATE TABLE field_state (
  workspace_id text NOT NULL,
  table_name text NOT NULL,
  row_id text NOT NULL,
  field text NOT NULL,
  value jsonb,
  hlc text NOT NULL,
  node text NOT NULL,
  server_seq bigint NOT NULL,
  PRIMARY KEY (workspace_id, table_name, row_id, field)
);

-- Every winning change in commit order: what a pull sends.
CREATE TABLE change_log (
  workspace_id text NOT NULL,
  server_seq bigint NOT NULL,
  table_name text NOT NULL,
  row_id text NOT NULL,
  field text NOT NULL,
  value jsonb,
  hlc text NOT NULL,
  node text NOT NULL,
  device_id text NOT NULL,
  PRIMARY KEY (workspace_id, server_seq)
);

-- Concurrent edits of one field: the loser is kept for review.
CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL,
  table_name text NOT NULL,
  row_id text NOT NULL,
  field text NOT NULL,
  winner_value jsonb,
  winner_hlc text NOT NULL,
  winner_node text NOT NULL,
  loser_value jsonb,
  loser_hlc text NOT NULL,
  loser_node text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX conflicts_workspace ON conflicts (workspace_id, id);

-- Failed sign-ins per key ("ip|email" and "email"): the next attempt waits until locked_until.
CREATE TABLE signin_attempts (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until bigint NOT NULL,
  updated_at bigint NOT NULL
);
