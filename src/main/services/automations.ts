import { asc, eq } from 'drizzle-orm';
import { automations } from '../../../db/schema';
import type { Automation } from '../../shared/contract/automations';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, readRow, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createActivity } from './activities';
import { queueEmail } from './email-outbox';
import { addOverdueNotice } from './reminders';
import { getTemplate } from './templates';

type AutomationRow = typeof automations.$inferSelect;
type Trigger = Automation['trigger'];
type Action = Automation['action'];
const DAY = 86_400_000;

function toAutomation(row: AutomationRow): Automation {
  return { ...row, trigger: row.trigger as Trigger, action: row.action as Action };
}

export function getAutomation(db: CrmDb, id: string): Automation {
  const row = db.orm.select().from(automations).where(eq(automations.id, id)).get();
  if (!row) throw notFound('entity.automation');
  return toAutomation(row);
}

export function listAutomations(db: CrmDb): Automation[] {
  return db.orm
    .select()
    .from(automations)
    .where(eq(automations.deleted, false))
    .orderBy(asc(automations.name), asc(automations.id))
    .all()
    .map(toAutomation);
}

/** A rule must point at things that exist: its template, its stage. */
function checkRule(db: CrmDb, trigger: Trigger, action: Action): void {
  if (trigger.type === 'deal_stage') {
    const stage = readRow(db, 'stages', trigger.stageId);
    if (!stage || stage.deleted)
      throw invalid([{ path: ['trigger', 'stageId'], key: 'errors.not_found', params: { entity: 'entity.stage' } }]);
  }
  if (action.type === 'send_template') {
    const template = readRow(db, 'templates', action.templateId);
    if (!template || template.deleted)
      throw invalid([
        { path: ['action', 'templateId'], key: 'errors.not_found', params: { entity: 'entity.template' } },
      ]);
  }
  if (action.type === 'notify_assignee' && trigger.type !== 'task_overdue')
    throw invalid([{ path: ['action', 'type'], key: 'validation.invalid_value' }]);
}

export function createAutomation(
  db: CrmDb,
  input: { name: string; enabled?: boolean | undefined; trigger: Trigger; action: Action },
  options: WriteOptions = {},
): Automation {
  checkRule(db, input.trigger, input.action);
  const id = newId();
  mutate(db, { table: 'automations', op: 'insert', id, values: { enabled: true, ...input } }, options);
  return getAutomation(db, id);
}

export function updateAutomation(
  db: CrmDb,
  id: string,
  patch: {
    name?: string | undefined;
    enabled?: boolean | undefined;
    trigger?: Trigger | undefined;
    action?: Action | undefined;
  },
  options: WriteOptions = {},
): Automation {
  const before = getAutomation(db, id);
  checkRule(db, patch.trigger ?? before.trigger, patch.action ?? before.action);
  mutate(db, { table: 'automations', op: 'update', id, values: patch }, options);
  return getAutomation(db, id);
}

export function deleteAutomation(db: CrmDb, id: string, options: WriteOptions = {}): Automation {
  getAutomation(db, id);
  mutate(db, { table: 'automations', op: 'delete', id }, options);
  return getAutomation(db, id);
}

export function listRuns(db: CrmDb, input: { automationId?: string | undefined; limit?: number | undefined }) {
  const rows = db.sqlite
    .prepare(
      `SELECT seq, automation_id AS automationId, trigger_key AS triggerKey, entity_id AS entityId, at, outcome, detail
         FROM automation_runs WHERE (@id IS NULL OR automation_id = @id) ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ id: input.automationId ?? null, limit: input.limit ?? 100 }) as {
    seq: number;
    automationId: string;
    triggerKey: string;
    entityId: string | null;
    at: number;
    outcome: 'done' | 'failed' | 'skipped';
    detail: string | null;
  }[];
  return rows;
}

// --- the engine -------------------------------------------------------------------------------

function stateGet(db: CrmDb, key: string): string | null {
  return (
    (db.sqlite.prepare('SELECT value FROM comm_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null
  );
}
function stateSet(db: CrmDb, key: string, value: string): void {
  db.sqlite
    .prepare('INSERT INTO comm_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

interface Occurrence {
  rule: Automation;
  key: string;
  entity: 'contacts' | 'deals' | 'activities';
  entityId: string;
  dueAt?: number;
}

/**
 * Runs one rule for one occurrence at most once: the run row is claimed first (its key is
 * unique), then the action runs and the outcome is written. A crash between the two leaves the
 * run claimed, never doubled.
 */
function runOnce(db: CrmDb, o: Occurrence, locale: Locale): boolean {
  const claim = db.sqlite
    .prepare(
      `INSERT OR IGNORE INTO automation_runs (automation_id, trigger_key, entity_id, at, outcome) VALUES (?, ?, ?, ?, 'done')`,
    )
    .run(o.rule.id, o.key, o.entityId, db.now());
  if (!claim.changes) return false;
  const seq = Number(claim.lastInsertRowid);
  let outcome: 'done' | 'failed' | 'skipped' = 'done';
  let detail: string | null = null;
  try {
    detail = act(db, o, locale);
    if (detail?.startsWith('skip:')) {
      outcome = 'skipped';
      detail = detail.slice(5);
    }
  } catch (error) {
    outcome = 'failed';
    detail = error instanceof CrmError ? translate(locale, error.key, error.params) : String(error);
  }
  db.sqlite.prepare('UPDATE automation_runs SET outcome = ?, detail = ? WHERE seq = ?').run(outcome, detail, seq);
  return true;
}

function act(db: CrmDb, o: Occurrence, locale: Locale): string | null {
  const options: WriteOptions = { actor: o.rule.createdBy, origin: 'automation' };
  const action = o.rule.action;
  const record = o.entity === 'activities' ? null : readRow(db, o.entity, o.entityId);
  if (action.type === 'create_task') {
    const task = createActivity(
      db,
      {
        type: 'task',
        subject: action.subject,
        dueAt: db.now() + action.dueInDays * DAY,
        ownerId: (record?.ownerId as string | null | undefined) ?? null,
        details: { kind: 'task', status: 'open', automationId: o.rule.id },
        links: record ? [{ entityType: o.entity as 'contacts' | 'deals', entityId: o.entityId }] : [],
      },
      options,
    );
    return task.id;
  }
  if (action.type === 'send_template') {
    let contact = o.entity === 'contacts' ? record : null;
    if (o.entity === 'deals') {
      const contactId = db.sqlite
        .prepare('SELECT contact_id FROM deal_contacts WHERE deal_id = ? AND deleted = 0 ORDER BY created_at LIMIT 1')
        .pluck()
        .get(o.entityId) as string | undefined;
      contact = contactId ? (readRow(db, 'contacts', contactId) ?? null) : null;
    }
    const email = (contact?.emails as { value?: string }[] | undefined)?.[0]?.value;
    if (!contact || !email) return `skip:${translate(locale, 'automation.template_no_email')}`;
    const template = getTemplate(db, action.templateId);
    const item = queueEmail(
      db,
      {
        to: [email],
        templateId: template.id,
        target: { entityType: o.entity as 'contacts' | 'deals', entityId: o.entityId },
      },
      { actor: o.rule.createdBy, locale: template.locale },
    );
    return item.id;
  }
  // notify_assignee
  if (o.entity === 'activities' && o.dueAt != null) {
    addOverdueNotice(db, o.entityId, o.dueAt);
    return null;
  }
  return 'skip:';
}

/**
 * The stage a deal was created in: the insert's audit keeps no values, so it is the old side of
 * the first later stage change, or the current stage when it never moved.
 */
function initialStage(db: CrmDb, dealId: string, insertSeq: number): unknown {
  const later = db.sqlite
    .prepare(
      `SELECT changes FROM audit_history WHERE entity_id = ? AND seq > ? AND entity = 'deals'
          AND json_extract(changes, '$.stageId') IS NOT NULL ORDER BY seq LIMIT 1`,
    )
    .pluck()
    .get(dealId, insertSeq) as string | undefined;
  if (later) return (JSON.parse(later) as { stageId: [unknown, unknown] }).stageId[0];
  return readRow(db, 'deals', dealId)?.stageId;
}

/**
 * One pass of every switched-on rule. Record triggers read the audit history after a cursor, so
 * they see changes made on this device by the UI, the CLI or an import. Changes that arrived by
 * sync are left out: the device where they were made ran its own rules already (and its results
 * sync too), so every other device with the same rule on would act a second time. The overdue
 * trigger reads open tasks due since the rule was made. Returns how many runs happened.
 */
export function runAutomations(db: CrmDb, options: { locale?: Locale } = {}): number {
  const locale = options.locale ?? 'en';
  const rules = listAutomations(db).filter((r) => r.enabled);
  const maxSeq = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_history').pluck().get() as number) ?? 0;
  const cursorText = stateGet(db, 'automations.audit_seq');
  const cursor = cursorText == null ? maxSeq : Number(cursorText);
  let runs = 0;
  const recordRules = rules.filter((r) => r.trigger.type !== 'task_overdue');
  if (recordRules.length && maxSeq > cursor) {
    const changes = db.sqlite
      .prepare(
        `SELECT seq, entity, entity_id AS entityId, op, changes, at FROM audit_history
          WHERE seq > ? AND seq <= ? AND entity IN ('contacts', 'deals') AND op IN ('insert', 'update')
            AND coalesce(origin, '') <> 'sync' ORDER BY seq`,
      )
      .all(cursor, maxSeq) as {
      seq: number;
      entity: string;
      entityId: string;
      op: string;
      changes: string;
      at: number;
    }[];
    for (const c of changes) {
      for (const rule of recordRules) {
        if (c.at < rule.createdAt) continue;
        const t = rule.trigger;
        if (t.type === 'contact_created' && c.entity === 'contacts' && c.op === 'insert') {
          const contact = readRow(db, 'contacts', c.entityId);
          if (!contact || contact.deleted) continue;
          const source = String(contact.leadSource ?? '')
            .trim()
            .toLowerCase();
          if (t.source && source !== t.source.trim().toLowerCase()) continue;
          if (runOnce(db, { rule, key: `contact:${c.entityId}`, entity: 'contacts', entityId: c.entityId }, locale))
            runs++;
        }
        if (t.type === 'deal_stage' && c.entity === 'deals') {
          const changed = JSON.parse(c.changes) as Record<string, [unknown, unknown]>;
          let entered = false;
          if (c.op === 'update') entered = changed.stageId?.[1] === t.stageId;
          else entered = initialStage(db, c.entityId, c.seq) === t.stageId;
          if (!entered) continue;
          const key = `deal:${c.entityId}:${t.stageId}:${c.seq}`;
          if (runOnce(db, { rule, key, entity: 'deals', entityId: c.entityId }, locale)) runs++;
        }
      }
    }
  }
  stateSet(db, 'automations.audit_seq', String(maxSeq));
  const now = db.now();
  for (const rule of rules.filter((r) => r.trigger.type === 'task_overdue')) {
    const overdue = db.sqlite
      .prepare(
        `SELECT id, due_at FROM activities WHERE type = 'task' AND deleted = 0 AND done_at IS NULL
           AND due_at >= ? AND due_at < ? ORDER BY due_at LIMIT 1000`,
      )
      .all(rule.createdAt, now) as { id: string; due_at: number }[];
    for (const t of overdue) {
      const o = {
        rule,
        key: `task:${t.id}:${t.due_at}`,
        entity: 'activities' as const,
        entityId: t.id,
        dueAt: t.due_at,
      };
      if (runOnce(db, o, locale)) runs++;
    }
  }
  return runs;
}
