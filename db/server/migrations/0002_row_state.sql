-- Every row's current cells in one value, for the first sync of a new device (GET /v1/bootstrap):
-- reading 25 fields a row out of field_state and building them into one document on every request
-- is what made a first sync slow. Kept by the push in the same transaction as field_state, from the
-- same winners, so it always equals field_state grouped by row: { "field": [value, "hlc"], … }
-- (the node is the HLC's tail).
CREATE TABLE row_state (
  workspace_id text NOT NULL,
  table_name text NOT NULL,
  row_id text NOT NULL,
  cells jsonb NOT NULL,
  PRIMARY KEY (workspace_id, table_name, row_id)
);

INSERT INTO row_state (workspace_id, table_name, row_id, cells)
SELECT workspace_id, table_name, row_id, jsonb_object_agg(field, jsonb_build_array(value, hlc))
  FROM field_state
 GROUP BY workspace_id, table_name, row_id;
