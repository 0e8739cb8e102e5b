import { asc, eq } from 'drizzle-orm';
import { members, teams } from '../../../db/schema';
import type { Member, Team } from '../../shared/contract/members';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type MemberRow = typeof members.$inferSelect;
const toMember = (row: MemberRow): Member => ({ ...row, role: row.role as Member['role'] });

export function getMember(db: CrmDb, id: string): Member {
  const row = db.orm.select().from(members).where(eq(members.id, id)).get();
  if (!row || row.deleted) throw notFound('entity.member');
  return toMember(row);
}

export function listMembers(db: CrmDb, includeInactive = false): Member[] {
  return db.orm
    .select()
    .from(members)
    .where(eq(members.deleted, false))
    .orderBy(asc(members.name))
    .all()
    .filter((m) => includeInactive || m.active)
    .map(toMember);
}

function checkTeam(db: CrmDb, teamId: string | null | undefined): void {
  if (!teamId) return;
  const team = db.orm.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team || team.deleted)
    throw invalid([{ path: ['teamId'], key: 'errors.not_found', params: { entity: 'entity.team' } }]);
}

export function createMember(
  db: CrmDb,
  input: Partial<Omit<MemberRow, 'id'>> & { name: string },
  options: WriteOptions = {},
): Member {
  checkTeam(db, input.teamId);
  const id = newId();
  // The first person in a workspace owns it.
  const role = input.role ?? (listMembers(db, true).length === 0 ? 'owner' : 'member');
  mutate(db, { table: 'members', op: 'insert', id, values: { ...input, role } }, options);
  return getMember(db, id);
}

export function updateMember(db: CrmDb, id: string, patch: Partial<MemberRow>, options: WriteOptions = {}): Member {
  getMember(db, id);
  checkTeam(db, patch.teamId);
  mutate(db, { table: 'members', op: 'update', id, values: patch }, options);
  return getMember(db, id);
}

const CURRENT_KEY = 'current_member';

/** Who uses the app on this device: kept in sync_state because it is local to the device, never synced. */
export function currentMemberId(db: CrmDb): string | null {
  const row = db.sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(CURRENT_KEY) as
    string | undefined;
  return row ?? null;
}

export function currentMember(db: CrmDb): Member | null {
  const id = currentMemberId(db);
  if (!id) return null;
  const row = db.orm.select().from(members).where(eq(members.id, id)).get();
  return row && !row.deleted ? toMember(row) : null;
}

export function setCurrentMember(db: CrmDb, id: string): Member {
  const member = getMember(db, id);
  db.sqlite
    .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(CURRENT_KEY, id);
  // Not a synced write, but every open window shows who is working: tell them.
  db.events.emit('changes', { entity: 'members', op: 'update', ids: [id] });
  return member;
}

export function listTeams(db: CrmDb): Team[] {
  return db.orm.select().from(teams).where(eq(teams.deleted, false)).orderBy(asc(teams.name)).all();
}

export function getTeam(db: CrmDb, id: string): Team {
  const row = db.orm.select().from(teams).where(eq(teams.id, id)).get();
  if (!row) throw notFound('entity.team');
  return row;
}

function checkManager(db: CrmDb, managerId: string | null | undefined): void {
  if (!managerId) return;
  const m = db.orm.select().from(members).where(eq(members.id, managerId)).get();
  if (!m || m.deleted)
    throw invalid([{ path: ['managerId'], key: 'errors.not_found', params: { entity: 'entity.member' } }]);
}

export function createTeam(
  db: CrmDb,
  input: { name: string; managerId?: string | null | undefined; region?: string | null | undefined },
  options: WriteOptions = {},
): Team {
  checkManager(db, input.managerId);
  const id = newId();
  mutate(db, { table: 'teams', op: 'insert', id, values: input }, options);
  return getTeam(db, id);
}

export function updateTeam(db: CrmDb, id: string, patch: Record<string, unknown>, options: WriteOptions = {}): Team {
  getTeam(db, id);
  checkManager(db, patch.managerId as string | null | undefined);
  mutate(db, { table: 'teams', op: 'update', id, values: patch }, options);
  return getTeam(db, id);
}

/** Deleting a team leaves its members in place, without a team. */
export function deleteTeam(db: CrmDb, id: string, options: WriteOptions = {}): Team {
  getTeam(db, id);
  const inTeam = db.orm.select({ id: members.id }).from(members).where(eq(members.teamId, id)).all();
  mutate(
    db,
    [
      { table: 'teams', op: 'delete', id },
      ...inTeam.map((m) => ({ table: 'members' as const, op: 'update' as const, id: m.id, values: { teamId: null } })),
    ],
    options,
  );
  return getTeam(db, id);
}
