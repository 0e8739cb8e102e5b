import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** Email and letter templates with `{{contact.first_name}}` merge fields, one language each. */
export const templates = sqliteTable('templates', {
  ...syncedColumns(),
  name: text('name').notNull(),
  /** email | letter */
  kind: text('kind').notNull().default('email'),
  /** en | es */
  locale: text('locale').notNull().default('en'),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull().default(''),
});

/** "When … then …" rules, run locally by every device that has them switched on. */
export const automations = sqliteTable('automations', {
  ...syncedColumns(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** { type: 'contact_created', source? } | { type: 'deal_stage', stageId } | { type: 'task_overdue' } */
  trigger: text('trigger', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** { type: 'send_template', templateId } | { type: 'create_task', subject, dueInDays } | { type: 'notify_assignee' } */
  action: text('action', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
});

/**
 * Local: one row per (rule, trigger occurrence). The unique key is what makes a rule idempotent:
 * a second pass over the same contact, stage change or overdue task finds its run and does nothing.
 */
export const automationRuns = sqliteTable(
  'automation_runs',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    automationId: text('automation_id').notNull(),
    /** What fired the rule: "contact:<id>", "deal:<id>:<stage>", "task:<id>:<due>". */
    triggerKey: text('trigger_key').notNull(),
    entityId: text('entity_id'),
    at: integer('at').notNull(),
    /** done | failed | skipped */
    outcome: text('outcome').notNull(),
    detail: text('detail'),
  },
  (t) => [uniqueIndex('automation_runs_key').on(t.automationId, t.triggerKey), index('automation_runs_at').on(t.at)],
);

/**
 * Local: mail waiting to go out through this device's SMTP account. The id is the Message-ID, so a
 * retry after a lost reply is recognisable and the activity that logs a sent mail is written once.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    /** queued | sending | sent | failed */
    status: text('status').notNull(),
    fromAddress: text('from_address'),
    to: text('to', { mode: 'json' }).$type<string[]>().notNull(),
    cc: text('cc', { mode: 'json' }).$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    links: text('links', { mode: 'json' }).$type<{ entityType: string; entityId: string }[]>().notNull(),
    templateId: text('template_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    activityId: text('activity_id'),
    createdBy: text('created_by'),
  },
  (t) => [index('email_outbox_due').on(t.status, t.nextAttemptAt)],
);

/** Local: this device's SMTP account; the password is sealed (safeStorage or a passphrase), never plain. */
export const smtpAccounts = sqliteTable('smtp_accounts', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  /** tls (implicit) | starttls | none */
  security: text('security').notNull(),
  user: text('user'),
  fromAddress: text('from_address').notNull(),
  fromName: text('from_name'),
  /** safe-storage | passphrase */
  sealScheme: text('seal_scheme'),
  sealedPassword: text('sealed_password'),
  updatedAt: integer('updated_at').notNull(),
});

/** Local: reminders already shown (or dismissed), so none fires twice and missed ones can be listed. */
export const reminderLog = sqliteTable(
  'reminder_log',
  {
    activityId: text('activity_id').notNull(),
    /** The occurrence's start (or due) time: a recurring meeting reminds once per occurrence. */
    occurrenceAt: integer('occurrence_at').notNull(),
    offsetMinutes: integer('offset_minutes').notNull(),
    fireAt: integer('fire_at').notNull(),
    firedAt: integer('fired_at').notNull(),
    /** Fired while the app was closed: listed at the next start until dismissed. */
    missed: integer('missed', { mode: 'boolean' }).notNull().default(false),
    dismissed: integer('dismissed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.occurrenceAt, t.offsetMinutes] }),
    index('reminder_log_fire').on(t.fireAt),
  ],
);

/** Local key/value state of the reminder and automation schedulers (last scan times, cursors). */
export const commState = sqliteTable('comm_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
