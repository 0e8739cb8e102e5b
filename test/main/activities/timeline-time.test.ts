import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/main/db/migrate';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { migrationsDir } from '../../../src/main/paths';
import { applyRemote } from '../../../src/main/sync/apply';
import { readOutbox, trimOutbox } from '../../../src/main/sync/outbox';
import { DAY, call } from '../accounts/api';
import { manualClock, tempDb, tempDir, track } from '../db/temp-db';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const HOUR = 3_600_000;

async function titles(db: CrmDb, id: string): Promise<string[]> {
  const { items } = await call(db, 'timeline.list', { entity: 'contacts', id, kinds: ['activity'] });
  return items.map((i) => i.title);
}

async function book() {
  const clock = manualClock(T0, 1);
  const db = tempDb({ now: clock.now });
  const contact = await call(db, 'contacts.create', { firstName: 'Lola', lastName: 'Flores' });
  const links = [{ entityType: 'contacts' as const, entityId: contact.id }];
  return { db, clock, contact, links };
}

describe("a record's timeline follows its activities' times", () => {
  it('moves a rescheduled meeting to its new place, and a task to when it was done', async () => {
    const { db, clock, contact, links } = await book();
    const demo = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Demo',
      startAt: T0 - 3 * HOUR,
      details: { kind: 'meeting' },
      links,
    });
    await call(db, 'activities.create', {
      type: 'call',
      subject: 'Intro call',
      startAt: T0 - 2 * HOUR,
      details: { kind: 'call' },
      links,
    });
    // A task sits when it was created (now), not at its due date next week.
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Send contract',
      dueAt: T0 + 7 * DAY,
      details: { kind: 'task' },
      links,
    });
    expect(await titles(db, contact.id)).toEqual(['Send contract', 'Intro call', 'Demo']);

    // The demo moves to tomorrow: it is now the newest item.
    await call(db, 'activities.update', { id: demo.id, startAt: T0 + DAY, endAt: T0 + DAY + HOUR });
    expect(await titles(db, contact.id)).toEqual(['Demo', 'Send contract', 'Intro call']);

    // Then back to last week: the oldest.
    await call(db, 'activities.update', { id: demo.id, startAt: T0 - 7 * DAY, endAt: T0 - 7 * DAY + HOUR });
    expect(await titles(db, contact.id)).toEqual(['Send contract', 'Intro call', 'Demo']);

    // The task is done two days later: it moves to that moment, ahead of a call logged in between.
    clock.set(T0 + DAY);
    await call(db, 'activities.create', {
      type: 'call',
      subject: 'Follow-up call',
      startAt: T0 + DAY,
      details: { kind: 'call' },
      links,
    });
    clock.set(T0 + 2 * DAY);
    await call(db, 'activities.complete', { id: task.id });
    const { items } = await call(db, 'timeline.list', { entity: 'contacts', id: contact.id, kinds: ['activity'] });
    expect(items.map((i) => i.title)).toEqual(['Send contract', 'Follow-up call', 'Intro call', 'Demo']);
    expect(items[0]!.at).toBe((await call(db, 'activities.get', { id: task.id })).doneAt);
  });

  it('pages a long history newest first, every activity once, across a reschedule between pages', async () => {
    const { db, contact, links } = await book();
    const made: string[] = [];
    for (let i = 0; i < 25; i++) {
      const a = await call(db, 'activities.create', {
        type: 'call',
        subject: `Call ${i}`,
        // Several share a start, so the id decides between them.
        startAt: T0 - Math.floor(i / 3) * HOUR,
        details: { kind: 'call' },
        links,
      });
      made.push(a.id);
    }
    const first = await call(db, 'timeline.list', {
      entity: 'contacts',
      id: contact.id,
      kinds: ['activity'],
      limit: 10,
    });
    expect(first.items).toHaveLength(10);
    // One of the activities not shown yet moves far into the past: it must still come, last.
    const seen = new Set(first.items.map((i) => i.id));
    const moved = made.find((id) => !seen.has(id))!;
    await call(db, 'activities.update', { id: moved, startAt: T0 - 30 * DAY });
    const ids = first.items.map((i) => i.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await call(db, 'timeline.list', {
        entity: 'contacts',
        id: contact.id,
        kinds: ['activity'],
        limit: 10,
        cursor,
      });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(ids)).toEqual(new Set(made));
    expect(ids).toHaveLength(made.length);
    expect(ids.at(-1)).toBe(moved);
  });

  it('places links that sync delivers before their activity, and follows an edit made on another device', async () => {
    const clock = manualClock(T0, 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const ship = (reverse: boolean) => {
      const batch = readOutbox(a);
      // Links first, activities after: the order a page of changes may well arrive in.
      const changes = reverse
        ? [...batch.changes].sort((x, y) => Number(y.table === 'activity_links') - Number(x.table === 'activity_links'))
        : batch.changes;
      applyRemote(b, changes);
      trimOutbox(a, batch.lastSeq);
    };
    const contact = await call(a, 'contacts.create', { firstName: 'Lola' });
    ship(false);
    const links = [{ entityType: 'contacts' as const, entityId: contact.id }];
    // Made first (so the smaller id) but later in time: only the times can put it first.
    await call(a, 'activities.create', {
      type: 'meeting',
      subject: 'Late',
      startAt: T0 - DAY,
      details: { kind: 'meeting' },
      links,
    });
    ship(false); // the activity, then its link
    const early = await call(a, 'activities.create', {
      type: 'meeting',
      subject: 'Early',
      startAt: T0 - 2 * DAY,
      details: { kind: 'meeting' },
      links,
    });
    ship(true); // the link, then its activity
    expect(await titles(b, contact.id)).toEqual(['Late', 'Early']);

    await call(a, 'activities.update', { id: early.id, startAt: T0 + DAY });
    ship(false);
    expect(await titles(b, contact.id)).toEqual(['Early', 'Late']);
    expect(await titles(a, contact.id)).toEqual(['Early', 'Late']);
  });
});

interface Journal {
  entries: { idx: number; tag: string }[];
}

describe('older books', () => {
  it('get every link set to its activity time when opened, so their timelines sort the same way', () => {
    const journal = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as Journal;
    const upTo = journal.entries.findIndex((e) => e.tag.includes('activity_links_timeline'));
    expect(upTo).toBeGreaterThan(0);
    // A book made by the build before it: only the migrations before this one.
    const migrations = join(tempDir(), 'migrations');
    mkdirSync(join(migrations, 'meta'), { recursive: true });
    const entries = journal.entries.slice(0, upTo);
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(join(migrationsDir(), `${e.tag}.sql`), join(migrations, `${e.tag}.sql`));
    const path = join(tempDir(), 'crm.sqlite');
    const old = new Database(path);
    migrateDatabase(old, path, migrations);
    const activity = old.prepare(
      'INSERT INTO activities (id, created_at, updated_at, type, subject, start_at, due_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // A meeting linked before it was moved, an open task linked at its due date, one from sync (0).
    activity.run('meeting', T0, T0, 'meeting', 'Moved meeting', T0 + DAY, null, null);
    activity.run('task', T0 - DAY, T0 - DAY, 'task', 'Open task', null, T0 + 9 * DAY, null);
    activity.run('call', T0, T0, 'call', 'Synced call', T0 - HOUR, null, null);
    const link = old.prepare(
      "INSERT INTO activity_links (id, created_at, updated_at, activity_id, entity_type, entity_id, at) VALUES (?, 1, 1, ?, 'contacts', 'c1', ?)",
    );
    link.run('l1', 'meeting', T0 - DAY);
    link.run('l2', 'task', T0 + 9 * DAY);
    link.run('l3', 'call', 0);
    old.close();

    const db = track(openDatabase({ path }));
    const at = db.sqlite.prepare('SELECT activity_id AS id, at FROM activity_links ORDER BY activity_id').all();
    expect(at).toEqual([
      { id: 'call', at: T0 - HOUR },
      { id: 'meeting', at: T0 + DAY },
      { id: 'task', at: T0 - DAY },
    ]);
    db.close();
  });
});
