import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { campaignMembers, campaigns, contacts, emailOutbox } from '../../../db/schema';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { CrmError } from '../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { cancelEmail, queueEmail } from './email-outbox';

type CampaignRow = typeof campaigns.$inferSelect;
type MemberRow = typeof campaignMembers.$inferSelect;

const MINUTE = 60_000;

function campaignRow(db: CrmDb, id: string): CampaignRow | undefined {
  return db.orm.select().from(campaigns).where(eq(campaigns.id, id)).get();
}

function memberRow(db: CrmDb, id: string): MemberRow | undefined {
  return db.orm.select().from(campaignMembers).where(eq(campaignMembers.id, id)).get();
}

/** Members still to be mailed: targeted, with no mail queued for them and nothing that failed. */
export function pendingMembersWhere(campaignId: string) {
  return and(
    eq(campaignMembers.campaignId, campaignId),
    eq(campaignMembers.deleted, false),
    eq(campaignMembers.status, 'targeted'),
    isNull(campaignMembers.outboxId),
    isNull(campaignMembers.lastError),
  );
}

/**
 * Queues the next members of an active campaign, at most `rateLimit` per minute. Each member is
 * claimed in the same transaction that queues its mail (its `outboxId` is the idempotency key), so
 * a member is never mailed twice however often, or however concurrently, this runs.
 */
export function queueCampaignBatch(
  db: CrmDb,
  campaignId: string,
  options: { locale?: Locale; writeOptions?: WriteOptions } = {},
): number {
  const campaign = campaignRow(db, campaignId);
  if (!campaign || campaign.deleted || campaign.status !== 'active' || campaign.senderNode !== db.nodeId) return 0;
  const now = db.now();
  const recent =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignMembers)
      .where(and(eq(campaignMembers.campaignId, campaignId), gt(campaignMembers.queuedAt, now - MINUTE)))
      .get()?.n ?? 0;
  const allowance = campaign.rateLimit - recent;
  if (allowance <= 0) return 0;
  const next = db.orm
    .select()
    .from(campaignMembers)
    .where(pendingMembersWhere(campaignId))
    .orderBy(asc(campaignMembers.id))
    .limit(allowance)
    .all();
  const locale = options.locale ?? 'en';
  const writeOpts = options.writeOptions ?? { actor: campaign.ownerId, origin: 'campaign' };
  let queued = 0;
  let stopped = false;
  for (const member of next) {
    if (stopped) break;
    write(db, () => {
      const fresh = memberRow(db, member.id);
      if (!fresh || fresh.outboxId || fresh.status !== 'targeted' || fresh.lastError) return;
      const contact = db.orm.select().from(contacts).where(eq(contacts.id, fresh.contactId)).get();
      // The snapshot was taken earlier: an opt-out (or a deletion) since then still wins.
      if (!contact || contact.deleted || contact.emailOptOut) {
        mutate(
          db,
          { table: 'campaign_members', op: 'update', id: fresh.id, values: { status: 'opted_out' } },
          writeOpts,
        );
        return;
      }
      const email = fresh.email ?? contact.emails[0]?.value ?? null;
      if (!email) {
        mutate(
          db,
          {
            table: 'campaign_members',
            op: 'update',
            id: fresh.id,
            values: { lastError: translate(locale, 'errors.campaign_member_no_email') },
          },
          writeOpts,
        );
        return;
      }
      try {
        const mail = write(db, () =>
          queueEmail(
            db,
            {
              to: [email],
              templateId: campaign.templateId ?? undefined,
              target: { entityType: 'contacts', entityId: contact.id },
              links: [{ entityType: 'contacts', entityId: contact.id }],
            },
            { actor: campaign.ownerId, locale },
          ),
        );
        mutate(
          db,
          { table: 'campaign_members', op: 'update', id: fresh.id, values: { outboxId: mail.id, queuedAt: now } },
          writeOpts,
        );
        queued++;
      } catch (error) {
        // A field this member cannot fill ({{deal.amount}} without a deal): the others still go.
        if (!(error instanceof CrmError)) throw error;
        // No mail account any more: nobody can be mailed; they wait, unmarked, for the next run.
        if (error.key === 'errors.email_no_account') {
          stopped = true;
          return;
        }
        mutate(
          db,
          {
            table: 'campaign_members',
            op: 'update',
            id: fresh.id,
            values: { lastError: translate(locale, error.key, error.params) },
          },
          writeOpts,
        );
      }
    });
  }
  return queued;
}

/** Members whose mail the outbox has sent become "sent"; a mail that failed for good is noted on the member. */
export function reconcileCampaign(
  db: CrmDb,
  campaignId: string,
  writeOpts: WriteOptions = { origin: 'campaign' },
): void {
  const waiting = db.orm
    .select({ id: campaignMembers.id, outboxId: campaignMembers.outboxId })
    .from(campaignMembers)
    .where(
      and(
        eq(campaignMembers.campaignId, campaignId),
        eq(campaignMembers.status, 'targeted'),
        isNotNull(campaignMembers.outboxId),
        isNull(campaignMembers.lastError),
      ),
    )
    .all();
  if (!waiting.length) return;
  const mails = new Map(
    db.orm
      .select()
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.id,
          waiting.map((w) => w.outboxId!),
        ),
      )
      .all()
      .map((m) => [m.id, m]),
  );
  const batch = waiting.flatMap((w): Mutation[] => {
    const mail = mails.get(w.outboxId!);
    if (mail?.status === 'sent')
      return [{ table: 'campaign_members', op: 'update', id: w.id, values: { status: 'sent', sentAt: mail.sentAt } }];
    if (mail?.status === 'failed')
      return [{ table: 'campaign_members', op: 'update', id: w.id, values: { lastError: mail.lastError ?? 'failed' } }];
    return [];
  });
  if (batch.length) mutate(db, batch, writeOpts);
}

/**
 * Gives members that could not be mailed another chance (on resume): a merge field that can now
 * be filled, an address added, a mail the server refused. A mail that went out is never retried.
 */
export function retryFailed(db: CrmDb, campaignId: string, writeOpts: WriteOptions): void {
  const failed = db.orm
    .select({ id: campaignMembers.id, outboxId: campaignMembers.outboxId, mail: emailOutbox.status })
    .from(campaignMembers)
    .leftJoin(emailOutbox, eq(emailOutbox.id, campaignMembers.outboxId))
    .where(
      and(
        eq(campaignMembers.campaignId, campaignId),
        eq(campaignMembers.status, 'targeted'),
        isNotNull(campaignMembers.lastError),
      ),
    )
    .all()
    .filter((m) => !m.outboxId || m.mail === 'failed');
  if (failed.length)
    mutate(
      db,
      failed.map((m): Mutation => ({
        table: 'campaign_members',
        op: 'update',
        id: m.id,
        values: { lastError: null, outboxId: null, queuedAt: null },
      })),
      writeOpts,
    );
}

/** Done when nobody is left to mail and no mail of the campaign still waits in the outbox. */
function finishIfDone(db: CrmDb, campaign: CampaignRow): void {
  const left =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignMembers)
      .where(pendingMembersWhere(campaign.id))
      .get()?.n ?? 0;
  const inFlight =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignMembers)
      .where(
        and(
          eq(campaignMembers.campaignId, campaign.id),
          eq(campaignMembers.status, 'targeted'),
          isNotNull(campaignMembers.outboxId),
          isNull(campaignMembers.lastError),
        ),
      )
      .get()?.n ?? 0;
  if (!left && !inFlight)
    mutate(
      db,
      { table: 'campaigns', op: 'update', id: campaign.id, values: { status: 'completed' } },
      { origin: 'campaign' },
    );
}

/** One pass of the sender over every active campaign this device sends: note what went, queue what is due. */
export function runCampaignSender(db: CrmDb, options: { locale?: Locale } = {}): number {
  const active = db.orm
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, 'active'), eq(campaigns.deleted, false), eq(campaigns.senderNode, db.nodeId)))
    .all();
  let queued = 0;
  for (const campaign of active) {
    reconcileCampaign(db, campaign.id);
    queued += queueCampaignBatch(db, campaign.id, options);
    finishIfDone(db, campaign);
  }
  return queued;
}

/**
 * Takes back the campaign's mails still waiting in the outbox; their members are mailed again on
 * resume. A mail already being handed to the server stays: it counts as sent, never as pending.
 */
export function takeBackQueued(db: CrmDb, campaignId: string, writeOpts: WriteOptions): number {
  reconcileCampaign(db, campaignId, writeOpts);
  const waiting = db.orm
    .select({ id: campaignMembers.id, outboxId: campaignMembers.outboxId, status: emailOutbox.status })
    .from(campaignMembers)
    .innerJoin(emailOutbox, eq(emailOutbox.id, campaignMembers.outboxId))
    .where(
      and(
        eq(campaignMembers.campaignId, campaignId),
        eq(campaignMembers.status, 'targeted'),
        eq(emailOutbox.status, 'queued'),
      ),
    )
    .all();
  let taken = 0;
  for (const w of waiting) {
    write(db, () => {
      try {
        cancelEmail(db, w.outboxId!);
      } catch (error) {
        if (error instanceof CrmError) return;
        throw error;
      }
      mutate(
        db,
        { table: 'campaign_members', op: 'update', id: w.id, values: { outboxId: null, queuedAt: null } },
        writeOpts,
      );
      taken++;
    });
  }
  return taken;
}

/** The background sender while the app (or `crm serve`) runs; the activities runner flushes the outbox. */
export function startCampaignSender(db: CrmDb, options: { locale?: Locale; intervalMs?: number } = {}): () => void {
  const tick = () => {
    if (!db.sqlite.open) return;
    try {
      runCampaignSender(db, options);
    } catch (error) {
      console.error('campaign sender failed', error);
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 15_000);
  timer.unref();
  return () => clearInterval(timer);
}

const autoSenders = new WeakMap<CrmDb, () => void>();

/**
 * Keeps a sender running in this process while one of its campaigns is active: started by
 * start and resume, and when the workspace opens (background.ts) so one still active after a
 * restart carries on; stopped once none is left. Timers never keep a CLI process alive.
 */
export function ensureCampaignSender(db: CrmDb, options: { locale?: Locale; intervalMs?: number } = {}): void {
  if (autoSenders.has(db)) return;
  const active = () =>
    db.sqlite.open &&
    !!db.orm
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.status, 'active'), eq(campaigns.deleted, false), eq(campaigns.senderNode, db.nodeId)))
      .get();
  if (!active()) return;
  const timer = setInterval(() => {
    if (!active()) {
      clearInterval(timer);
      autoSenders.delete(db);
      return;
    }
    try {
      runCampaignSender(db, options);
    } catch (error) {
      console.error('campaign sender failed', error);
    }
  }, options.intervalMs ?? 5_000);
  timer.unref();
  autoSenders.set(db, () => clearInterval(timer));
}

/** Stops this process's sender for the book (it is closing); start or resume starts it again. */
export function stopCampaignSender(db: CrmDb): void {
  autoSenders.get(db)?.();
  autoSenders.delete(db);
}
