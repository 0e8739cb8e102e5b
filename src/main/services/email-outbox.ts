import { and, desc, eq, inArray, lte, or } from 'drizzle-orm';
import { emailOutbox, smtpAccounts } from '../../../db/schema';
import type { OutboxItem } from '../../shared/contract/email';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { readRow, write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createActivity } from './activities';
import { escapeHtml, htmlToText, looksLikeHtml, sanitizeNote, textToHtml } from './notes-html';
import { openTransport, type MailTransport } from './smtp';
import { getTemplate, renderTemplate } from './templates';

type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };
type OutboxRow = typeof emailOutbox.$inferSelect;

/** A server that refuses a mail outright (5xx) gets this many tries; an unreachable one is retried forever. */
const MAX_REFUSALS = 3;
const RETRY_BASE = 15_000;
const RETRY_MAX = 10 * 60_000;
/** A "sending" row older than this was cut off by a crash: it is tried again, with the same Message-ID. */
const STALE_SENDING = 10 * 60_000;

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    status: row.status as OutboxItem['status'],
    to: row.to,
    cc: row.cc,
    subject: row.subject,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    activityId: row.activityId,
  };
}

function announce(db: CrmDb, ids: string[]): void {
  // The outbox is local (not synced), but windows still learn of it through the one `changes` event.
  db.events.emit('changes', { entity: 'email_outbox', op: 'update', ids });
}

/**
 * Queues a mail. A template is merged against its record first and any unknown field (or a field
 * of a record that is missing) refuses the mail here, before anything is queued or sent.
 */
export function queueEmail(
  db: CrmDb,
  input: {
    to: string[];
    cc?: string[] | undefined;
    subject?: string | undefined;
    body?: string | undefined;
    templateId?: string | undefined;
    target?: Link | undefined;
    links?: Link[] | undefined;
  },
  ctx: { actor: string | null; locale: Locale },
): OutboxItem {
  if (!db.orm.select().from(smtpAccounts).get()) throw new CrmError('invalid_input', 'errors.email_no_account');
  let subject = input.subject ?? '';
  let body = input.body ?? '';
  if (input.templateId) {
    const template = getTemplate(db, input.templateId);
    if (template.deleted) throw notFound('entity.template');
    if (!input.subject) subject = template.subject;
    if (!input.body) body = template.body;
  }
  // A body typed in a plain box (or a plain template) is text: its line breaks are its layout. It is
  // merged as text and then turned into HTML as a whole, which escapes the merged values too. An
  // HTML template escapes each merged value instead, so a name like "<b>Ana & Co</b>" stays text.
  const html = looksLikeHtml(body);
  const merged = renderTemplate(db, {
    subject,
    body,
    locale: ctx.locale,
    target: input.target,
    actor: ctx.actor,
    strict: true,
    escapeBody: html ? escapeHtml : undefined,
  });
  if (!merged.subject.trim() || !merged.body.trim())
    throw invalid([{ path: [merged.subject.trim() ? 'body' : 'subject'], key: 'errors.email_no_body' }]);
  const links = [...(input.links ?? [])];
  if (input.target && !links.some((l) => l.entityId === input.target!.entityId)) links.push(input.target);
  const now = db.now();
  const row: OutboxRow = {
    id: newId(),
    status: 'queued',
    fromAddress: null,
    to: input.to,
    cc: input.cc ?? [],
    subject: merged.subject,
    // The outbox keeps the HTML that is sent (and logged); the text part is derived from it.
    body: html ? sanitizeNote(merged.body) : textToHtml(merged.body),
    links,
    templateId: input.templateId ?? null,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
    activityId: null,
    createdBy: ctx.actor,
  };
  db.orm.insert(emailOutbox).values(row).run();
  announce(db, [row.id]);
  return toItem(row);
}

export function listOutbox(
  db: CrmDb,
  input: { status?: string | undefined; limit?: number | undefined },
): OutboxItem[] {
  return db.orm
    .select()
    .from(emailOutbox)
    .where(input.status ? eq(emailOutbox.status, input.status) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(input.limit ?? 100)
    .all()
    .map(toItem);
}

export function cancelEmail(db: CrmDb, id: string): boolean {
  const row = db.orm.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
  if (!row) throw notFound('entity.outbox_mail');
  if (row.status === 'sent' || row.status === 'sending') throw new CrmError('conflict', 'errors.email_not_cancellable');
  db.orm.delete(emailOutbox).where(eq(emailOutbox.id, id)).run();
  announce(db, [id]);
  return true;
}

/** A refusal by the server (5xx) is final after a few tries; anything else (offline, timeout, 4xx) waits and retries. */
function isRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

const running = new WeakMap<CrmDb, Promise<FlushResult>>();
export interface FlushResult {
  sent: number;
  waiting: number;
  failed: number;
}

/**
 * Sends what is due. One flush at a time per book (a second caller shares the running one), each
 * mail claimed before it is sent, and "sent" plus its email activity written in one transaction:
 * a mail is delivered and logged once however often flush is called.
 */
export function flushOutbox(
  db: CrmDb,
  options: { force?: boolean; locale?: Locale; transport?: () => MailTransport } = {},
): Promise<FlushResult> {
  const current = running.get(db);
  if (current) return current;
  const run = doFlush(db, options).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function doFlush(
  db: CrmDb,
  options: { force?: boolean; locale?: Locale; transport?: () => MailTransport },
): Promise<FlushResult> {
  const now = db.now();
  const due = db.orm
    .select()
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'queued'), options.force ? undefined : lte(emailOutbox.nextAttemptAt, now)),
        and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.nextAttemptAt, now - STALE_SENDING)),
      ),
    )
    .orderBy(emailOutbox.createdAt)
    .all();
  let sent = 0;
  if (due.length) {
    let transport: MailTransport | null = null;
    try {
      transport = (options.transport ?? (() => openTransport(db)))();
    } catch (error) {
      // No account or a locked password: the mail waits; the reason shows in the outbox.
      const message =
        error instanceof CrmError ? translate(options.locale ?? 'en', error.key, error.params) : String(error);
      db.orm
        .update(emailOutbox)
        .set({ lastError: message })
        .where(
          inArray(
            emailOutbox.id,
            due.map((r) => r.id),
          ),
        )
        .run();
    }
    if (transport) {
      try {
        for (const row of due) if (await sendOne(db, transport, row)) sent++;
      } finally {
        transport.close();
      }
    }
    announce(
      db,
      due.map((r) => r.id),
    );
  }
  const count = (status: string) =>
    db.sqlite.prepare('SELECT count(*) FROM email_outbox WHERE status = ?').pluck().get(status) as number;
  return { sent, waiting: count('queued') + count('sending'), failed: count('failed') };
}

async function sendOne(db: CrmDb, transport: MailTransport, row: OutboxRow): Promise<boolean> {
  const claimed = db.sqlite
    .prepare(`UPDATE email_outbox SET status = 'sending', next_attempt_at = ? WHERE id = ? AND status = ?`)
    .run(db.now(), row.id, row.status).changes;
  if (!claimed) return false;
  const domain = transport.fromAddress.split('@')[1] ?? 'crm.local';
  const messageId = `<${row.id}@${domain}>`;
  try {
    await transport.send({
      messageId,
      to: row.to,
      cc: row.cc,
      subject: row.subject,
      // Rows queued before bodies were stored as HTML may still hold plain text.
      html: looksLikeHtml(row.body) ? row.body : textToHtml(row.body),
      text: looksLikeHtml(row.body) ? htmlToText(row.body) : row.body,
    });
  } catch (error) {
    const attempts = row.attempts + 1;
    const refused = isRefusal(error);
    const failed = refused && attempts >= MAX_REFUSALS;
    db.orm
      .update(emailOutbox)
      .set({
        status: failed ? 'failed' : 'queued',
        attempts,
        lastError: (error as Error).message.slice(0, 500),
        nextAttemptAt: db.now() + Math.min(RETRY_BASE * 2 ** (attempts - 1), RETRY_MAX),
      })
      .where(eq(emailOutbox.id, row.id))
      .run();
    return false;
  }
  logSent(db, row, transport.from, messageId);
  return true;
}

/** Marks the mail sent and logs it as an outbound email activity, together or not at all. */
function logSent(db: CrmDb, row: OutboxRow, from: string, messageId: string): void {
  const now = db.now();
  write(db, () => {
    const fresh = db.orm.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)).get();
    if (!fresh || fresh.activityId) return;
    const options: WriteOptions = { actor: row.createdBy, origin: 'email' };
    const activity = createActivity(
      db,
      {
        type: 'email',
        subject: row.subject.slice(0, 300) || '(no subject)',
        body: row.body,
        startAt: now,
        doneAt: now,
        ownerId: row.createdBy,
        details: {
          kind: 'email',
          direction: 'outbound',
          from,
          to: row.to,
          cc: row.cc,
          messageId,
          ...(row.templateId ? { templateId: row.templateId } : {}),
        },
        // A record deleted (or purged) since the mail was queued no longer takes the link.
        links: (row.links as Link[]).filter((l) => {
          const target = readRow(db, l.entityType, l.entityId);
          return target && !target.deleted;
        }),
      },
      options,
    );
    db.orm
      .update(emailOutbox)
      .set({
        status: 'sent',
        sentAt: now,
        activityId: activity.id,
        lastError: null,
        attempts: row.attempts + 1,
        fromAddress: from,
      })
      .where(eq(emailOutbox.id, row.id))
      .run();
  });
}
