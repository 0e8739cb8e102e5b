import { asc, eq, inArray } from 'drizzle-orm';
import { members, ticketAssignmentRules } from '../../../db/schema';
import type { AssignmentRule } from '../../shared/contract/tickets';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type RuleRow = typeof ticketAssignmentRules.$inferSelect;

const toRule = (row: RuleRow): AssignmentRule => ({ ...row, strategy: row.strategy as AssignmentRule['strategy'] });

export function listRules(db: CrmDb): AssignmentRule[] {
  return db.orm
    .select()
    .from(ticketAssignmentRules)
    .where(eq(ticketAssignmentRules.deleted, false))
    .orderBy(asc(ticketAssignmentRules.position), asc(ticketAssignmentRules.id))
    .all()
    .map(toRule);
}

function ruleRow(db: CrmDb, id: string): RuleRow {
  const row = db.orm.select().from(ticketAssignmentRules).where(eq(ticketAssignmentRules.id, id)).get();
  if (!row) throw notFound('entity.assignment_rule');
  return row;
}

function activeMembers(db: CrmDb, ids: string[]): Set<string> {
  if (!ids.length) return new Set();
  return new Set(
    db.orm
      .select({ id: members.id })
      .from(members)
      .where(inArray(members.id, ids))
      .all()
      .filter((m) => m.id)
      .map((m) => m.id),
  );
}

export function saveRule(
  db: CrmDb,
  input: {
    id?: string | undefined;
    name: string;
    enabled?: boolean | undefined;
    position?: number | undefined;
    category?: string | null | undefined;
    strategy: 'round_robin' | 'fixed';
    memberIds: string[];
  },
  options: WriteOptions = {},
): AssignmentRule {
  const known = activeMembers(db, input.memberIds);
  input.memberIds.forEach((m, i) => {
    if (!known.has(m)) throw invalid([{ path: ['memberIds', i], key: 'validation.invalid_value' }]);
  });
  const { id: given, ...values } = input;
  if (given) ruleRow(db, given);
  const id = given ?? newId();
  const position = values.position ?? (given ? undefined : listRules(db).length);
  mutate(
    db,
    {
      table: 'ticket_assignment_rules',
      op: given ? 'update' : 'insert',
      id,
      values: { ...values, ...(position !== undefined ? { position } : {}) },
    },
    options,
  );
  return toRule(ruleRow(db, id));
}

export function deleteRule(db: CrmDb, id: string, options: WriteOptions = {}): AssignmentRule {
  ruleRow(db, id);
  mutate(db, { table: 'ticket_assignment_rules', op: 'delete', id }, options);
  return toRule(ruleRow(db, id));
}

/**
 * Who gets a new ticket: the first enabled rule for its category (or for every category) with a
 * member left. Round robin hands tickets to its members in turn, remembering the last one on the
 * rule; the rule's change is returned so it commits with the ticket.
 */
export function pickAssignee(
  db: CrmDb,
  category: string | null | undefined,
): { assigneeId: string; ruleUpdate: Mutation | null } | null {
  const rules = listRules(db).filter(
    (r) => r.enabled && (!r.category || (category && r.category.toLowerCase() === category.toLowerCase())),
  );
  // Category rules before catch-all rules, each in position order.
  rules.sort((a, b) => Number(!a.category) - Number(!b.category) || a.position - b.position);
  for (const rule of rules) {
    const activeRows = db.orm
      .select({ id: members.id, active: members.active, deleted: members.deleted })
      .from(members)
      .where(inArray(members.id, rule.memberIds.length ? rule.memberIds : ['']))
      .all();
    const usable = new Set(activeRows.filter((m) => m.active && !m.deleted).map((m) => m.id));
    const candidates = rule.memberIds.filter((m) => usable.has(m));
    if (!candidates.length) continue;
    if (rule.strategy === 'fixed') return { assigneeId: candidates[0]!, ruleUpdate: null };
    const last = rule.lastMemberId ? rule.memberIds.indexOf(rule.lastMemberId) : -1;
    // The member after the last one in the rule's own order, skipping anyone no longer active.
    let next = candidates[0]!;
    for (let step = 1; step <= rule.memberIds.length; step++) {
      const m = rule.memberIds[(last + step) % rule.memberIds.length]!;
      if (usable.has(m)) {
        next = m;
        break;
      }
    }
    return {
      assigneeId: next,
      ruleUpdate: { table: 'ticket_assignment_rules', op: 'update', id: rule.id, values: { lastMemberId: next } },
    };
  }
  return null;
}
