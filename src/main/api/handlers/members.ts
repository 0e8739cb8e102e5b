import {
  createMember,
  createTeam,
  currentMember,
  deleteTeam,
  listMembers,
  listTeams,
  setCurrentMember,
  updateMember,
  updateTeam,
} from '../../services/members';
import { writeOptions, type HandlerMap } from '../context';

type MemberMethods =
  | 'members.list'
  | 'members.create'
  | 'members.update'
  | 'members.current'
  | 'members.setCurrent'
  | 'teams.list'
  | 'teams.create'
  | 'teams.update'
  | 'teams.delete';

export const membersHandlers: HandlerMap<MemberMethods> = {
  'members.list': (input, ctx) => ({ items: listMembers(ctx.db, input.includeInactive) }),
  'members.create': (input, ctx) => createMember(ctx.db, input, writeOptions(ctx)),
  'members.update': ({ id, ...patch }, ctx) => updateMember(ctx.db, id, patch, writeOptions(ctx)),
  'members.current': (_input, ctx) => ({ member: currentMember(ctx.db) }),
  'members.setCurrent': (input, ctx) => ({ member: setCurrentMember(ctx.db, input.id) }),
  'teams.list': (_input, ctx) => ({ items: listTeams(ctx.db) }),
  'teams.create': (input, ctx) => createTeam(ctx.db, input, writeOptions(ctx)),
  'teams.update': ({ id, ...patch }, ctx) => updateTeam(ctx.db, id, patch, writeOptions(ctx)),
  'teams.delete': (input, ctx) => deleteTeam(ctx.db, input.id, writeOptions(ctx)),
};
