import { integer, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** Workspace-wide settings, one row per key (id = the key), synced like any record. */
export const settings = sqliteTable('settings', {
  ...syncedColumns(),
  value: text('value', { mode: 'json' }).$type<unknown>(),
});

/** The people who use this workspace. */
export const members = sqliteTable(
  'members',
  {
    ...syncedColumns(),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role').notNull().default('member'),
    teamId: text('team_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('members_team').on(t.teamId)],
);

export const teams = sqliteTable('teams', {
  ...syncedColumns(),
  name: text('name').notNull(),
  managerId: text('manager_id'),
  region: text('region'),
});
