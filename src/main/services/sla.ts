import { and, asc, eq, inArray } from 'drizzle-orm';
import { businessHours, slaPolicies, tickets } from '../../../db/schema';
import type { BusinessHours, SlaPolicy, SlaState } from '../../shared/contract/tickets';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { addBusinessMinutes, type BusinessHoursSpec } from './business-hours';
import { isTimeZone } from './zoned-time';

type PolicyRow = typeof slaPolicies.$inferSelect;
type HoursRow = typeof businessHours.$inferSelect;

const toPolicy = (row: PolicyRow): SlaPolicy => ({ ...row });
const toHours = (row: HoursRow): BusinessHours => ({ ...row });

// --- business hours --------------------------------------------------------------------------

export function listBusinessHours(db: CrmDb): BusinessHours[] {
  return db.orm
    .select()
    .from(businessHours)
    .where(eq(businessHours.deleted, false))
    .orderBy(asc(businessHours.name))
    .all()
    .map(toHours);
}

function hoursRow(db: CrmDb, id: string): HoursRow {
  const row = db.orm.select().from(businessHours).where(eq(businessHours.id, id)).get();
  if (!row) throw notFound('entity.business_hours');
  return row;
}

export function saveBusinessHours(
  db: CrmDb,
  input: {
    id?: string | undefined;
    name: string;
    timezone: string;
    schedule: { day: number; start: string; end: string }[];
    holidays?: string[] | undefined;
  },
  options: WriteOptions = {},
): BusinessHours {
  if (!isTimeZone(input.timezone)) throw invalid([{ path: ['timezone'], key: 'validation.timezone_invalid' }]);
  input.schedule.forEach((w, i) => {
    if (w.end <= w.start) throw invalid([{ path: ['schedule', i, 'end'], key: 'validation.end_before_start' }]);
  });
  const { id: given, ...values } = input;
  if (given) hoursRow(db, given);
  const id = given ?? newId();
  mutate(
    db,
    { table: 'business_hours', op: given ? 'update' : 'insert', id, values: { holidays: [], ...values } },
    options,
  );
  return toHours(hoursRow(db, id));
}

/**
 * Refused while a policy still counts its targets in these hours: without them the policy would
 * silently run around the clock. The message names the policies to change first.
 */
export function deleteBusinessHours(db: CrmDb, id: string, options: WriteOptions = {}): BusinessHours {
  hoursRow(db, id);
  const users = listPolicies(db).filter((p) => p.businessHoursId === id);
  if (users.length)
    throw new CrmError('conflict', 'errors.business_hours_in_use', {
      names: users.map((p) => `“${p.name}”`).join(', '),
    });
  mutate(db, { table: 'business_hours', op: 'delete', id }, options);
  return toHours(hoursRow(db, id));
}

// --- policies --------------------------------------------------------------------------------

export function listPolicies(db: CrmDb): SlaPolicy[] {
  return db.orm
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.deleted, false))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.name), asc(slaPolicies.id))
    .all()
    .map(toPolicy);
}

function policyRow(db: CrmDb, id: string): PolicyRow {
  const row = db.orm.select().from(slaPolicies).where(eq(slaPolicies.id, id)).get();
  if (!row) throw notFound('entity.sla_policy');
  return row;
}

export function savePolicy(
  db: CrmDb,
  input: {
    id?: string | undefined;
    name: string;
    businessHoursId?: string | null | undefined;
    targets: Partial<Record<string, { firstResponseMinutes: number; resolutionMinutes: number }>>;
    category?: string | null | undefined;
    position?: number | undefined;
    isDefault?: boolean | undefined;
  },
  options: WriteOptions = {},
): SlaPolicy {
  if (input.businessHoursId) {
    const hours = db.orm.select().from(businessHours).where(eq(businessHours.id, input.businessHoursId)).get();
    if (!hours || hours.deleted) throw invalid([{ path: ['businessHoursId'], key: 'validation.invalid_value' }]);
  }
  for (const [priority, t] of Object.entries(input.targets)) {
    if (t && t.resolutionMinutes < t.firstResponseMinutes)
      throw invalid([
        { path: ['targets', priority, 'resolutionMinutes'], key: 'validation.resolution_before_response' },
      ]);
  }
  const { id: given, ...values } = input;
  if (given) policyRow(db, given);
  const id = given ?? newId();
  const position = values.position ?? (given ? undefined : listPolicies(db).length);
  const batch: Mutation[] = [
    {
      table: 'sla_policies',
      op: given ? 'update' : 'insert',
      id,
      values: { ...values, ...(position !== undefined ? { position } : {}) },
    },
  ];
  // One default policy: choosing a new one unsets the old.
  if (input.isDefault)
    for (const p of listPolicies(db))
      if (p.isDefault && p.id !== id)
        batch.push({ table: 'sla_policies', op: 'update', id: p.id, values: { isDefault: false } });
  mutate(db, batch, options);
  return toPolicy(policyRow(db, id));
}

const OPEN_STATUSES = ['new', 'open', 'pending'];

/**
 * Moves the policy to the trash and hands its open tickets to the policy that now applies to them
 * (their category's, else the default), with due times counted from their opening (or their last
 * reopening) as on creation; a first response already given keeps its due time. Resolved and
 * closed tickets keep the due times they were measured against, so past compliance does not change.
 */
export function deletePolicy(db: CrmDb, id: string, options: WriteOptions = {}): SlaPolicy {
  policyRow(db, id);
  write(db, () => {
    mutate(db, { table: 'sla_policies', op: 'delete', id }, options);
    const open = db.orm
      .select()
      .from(tickets)
      .where(and(eq(tickets.slaPolicyId, id), eq(tickets.deleted, false), inArray(tickets.status, OPEN_STATUSES)))
      .all();
    const batch: Mutation[] = open.map((t) => ({
      table: 'tickets',
      op: 'update',
      id: t.id,
      values: retarget(db, t, { category: t.category, priority: t.priority }),
    }));
    if (batch.length) mutate(db, batch, options);
  });
  return toPolicy(policyRow(db, id));
}

// --- due times and state ---------------------------------------------------------------------

/** The policy for a ticket: the first by position for its category, else the default one. */
export function policyFor(db: CrmDb, category: string | null | undefined): PolicyRow | undefined {
  const rows = db.orm
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.deleted, false))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id))
    .all();
  return (
    rows.find((p) => p.category && category && p.category.toLowerCase() === category.toLowerCase()) ??
    rows.find((p) => p.isDefault && !p.category)
  );
}

function specOf(db: CrmDb, hoursId: string | null): BusinessHoursSpec | null {
  if (!hoursId) return null;
  const row = db.orm.select().from(businessHours).where(eq(businessHours.id, hoursId)).get();
  if (!row || row.deleted) return null;
  return { timezone: row.timezone, schedule: row.schedule, holidays: row.holidays };
}

/** Due times of a ticket opened (or reopened) at `from`, or nulls without a policy or target. */
export function dueTimes(
  db: CrmDb,
  input: { category: string | null | undefined; priority: string; from: number },
): { slaPolicyId: string | null; firstResponseDueAt: number | null; resolutionDueAt: number | null } {
  const policy = policyFor(db, input.category);
  const target = policy?.targets[input.priority];
  if (!policy || !target) return { slaPolicyId: policy?.id ?? null, firstResponseDueAt: null, resolutionDueAt: null };
  const spec = specOf(db, policy.businessHoursId);
  return {
    slaPolicyId: policy.id,
    firstResponseDueAt: addBusinessMinutes(input.from, target.firstResponseMinutes, spec),
    resolutionDueAt: addBusinessMinutes(input.from, target.resolutionMinutes, spec),
  };
}

/**
 * A ticket's targets worked out again (a new priority or category, its policy deleted), counted
 * from when it was opened, or last reopened: a ticket reopened days after it was created is not
 * breaching at once because its targets counted from the first opening. A first response already
 * given keeps the due time it was measured against.
 */
export function retarget(
  db: CrmDb,
  t: { createdAt: number; reopenedAt: number | null; firstRespondedAt: number | null },
  input: { category: string | null | undefined; priority: string },
): { slaPolicyId: string | null; resolutionDueAt: number | null; firstResponseDueAt?: number | null } {
  const due = dueTimes(db, { ...input, from: t.reopenedAt ?? t.createdAt });
  return {
    slaPolicyId: due.slaPolicyId,
    resolutionDueAt: due.resolutionDueAt,
    ...(t.firstRespondedAt == null ? { firstResponseDueAt: due.firstResponseDueAt } : {}),
  };
}

function stateOf(due: number | null, doneAt: number | null, now: number): SlaState {
  if (due == null) return 'none';
  if (doneAt != null) return doneAt <= due ? 'met' : 'breached';
  return now > due ? 'breached' : 'pending';
}

/** A ticket's SLA as of `now` (the book's injectable clock): met, pending, or breached. */
export function slaView(
  t: {
    firstResponseDueAt: number | null;
    resolutionDueAt: number | null;
    firstRespondedAt: number | null;
    resolvedAt: number | null;
  },
  now: number,
) {
  const firstResponse = stateOf(t.firstResponseDueAt, t.firstRespondedAt, now);
  const resolution = stateOf(t.resolutionDueAt, t.resolvedAt, now);
  const next = [
    firstResponse === 'pending' ? t.firstResponseDueAt : null,
    resolution === 'pending' ? t.resolutionDueAt : null,
  ].filter((v): v is number => v != null);
  return {
    firstResponse,
    resolution,
    breached: firstResponse === 'breached' || resolution === 'breached',
    nextDueAt: next.length ? Math.min(...next) : null,
  };
}
