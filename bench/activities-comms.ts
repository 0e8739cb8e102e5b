/**
 * Issue 5's budgets at 1M activities, each next to its reference in the same run:
 *  - a record's timeline page (`timeline.list`, first page of 30) under 30 ms p95, next to the
 *    activity source of it in hand-written SQL;
 *  - a calendar month (`calendar.range`, "only mine" and the whole team) under 50 ms p95 for
 *    each, next to the two index-range SELECTs it makes (the columns an event shows);
 *  - the tasks inbox (`tasks.inbox`, every bucket, mine and the team's) under 30 ms p95, next to
 *    the bucket's page query alone.
 * All through `dispatch`, so contract validation of input and output is included.
 *
 * The book: 20k contacts, 4k companies, 20 members and 1M activities over five years (four past,
 * one ahead) with 1.6M links, a fifth of them on a few busy contacts, and 1,000 repeating
 * meetings; written with plain INSERTs on a connection without the write guard (these are read
 * figures; the write path has its own figure in bench/activities.ts).
 *
 * Run alone with `node bin/tsnode.js bench/activities-comms.ts` (BENCH_ACTIVITIES scales it);
 * `benchActivitiesComms()` is what bench/run.ts can call. Results: bench/results/activities-comms.json.
 */
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../src/main/api/dispatch';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import type { MethodInput, MethodName } from '../src/shared/contract';
import { newId } from '../src/shared/ids';
import { bookPath, removeBenchDir, removeBook } from './lib/books';
import { figures, fmtInt, log, pushLatency } from './lib/figures';
import { markdownTable } from './lib/report';
import { samplePairAsync, summarise, round } from './lib/stats';

const here = dirname(fileURLToPath(import.meta.url));
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const CONTACTS = 20_000;
const COMPANIES = 4_000;
const MEMBERS = 20;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 10);

/** A small deterministic generator, so every run measures the same book. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildBook(path: string): { members: string[]; busy: string[]; ordinary: string[] } {
  openDatabase({ path, create: true }).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rand = rng(5);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const members = Array.from({ length: MEMBERS }, () => newId());
  const companies = Array.from({ length: COMPANIES }, () => newId());
  const contacts = Array.from({ length: CONTACTS }, () => newId());
  const insertMember = db.prepare(
    'INSERT INTO members (id, created_at, updated_at, name, role) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCompany = db.prepare(
    'INSERT INTO companies (id, created_at, updated_at, name, name_sort) VALUES (?, ?, ?, ?, ?)',
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, created_at, updated_at, first_name, last_name, name_sort) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    members.forEach((id, i) => insertMember.run(id, NOW, NOW, `Member ${i}`, 'member'));
    companies.forEach((id, i) => insertCompany.run(id, NOW, NOW, `Company ${i}`, `company ${i}`));
    contacts.forEach((id, i) => insertContact.run(id, NOW, NOW, `First${i}`, `Last${i}`, `first${i} last${i}`));
  })();
  const insertActivity = db.prepare(
    `INSERT INTO activities (id, created_at, updated_at, created_by, type, subject, body, start_at, end_at, due_at, all_day, done_at, owner_id, details, recurs)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    'INSERT INTO activity_links (id, created_at, updated_at, activity_id, entity_type, entity_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const busy = contacts.slice(0, 10);
  const TYPES = ['task', 'task', 'task', 'meeting', 'meeting', 'call', 'call', 'email', 'email', 'note'] as const;
  const span = 5 * 365 * DAY;
  const first = NOW - 4 * 365 * DAY;
  for (let done = 0; done < ACTIVITIES;) {
    const n = Math.min(50_000, ACTIVITIES - done);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const id = newId();
        const type = pick([...TYPES]);
        const at = first + Math.floor(rand() * span);
        const owner = pick(members);
        const recurring = type === 'meeting' && done + i < 1000;
        const details = JSON.stringify(
          recurring ? { kind: type, recurrence: 'FREQ=WEEKLY;BYDAY=MO', reminders: [15] } : { kind: type },
        );
        const isTask = type === 'task';
        const startAt = isTask ? null : at;
        const endAt = type === 'meeting' || type === 'call' ? at + 1_800_000 : null;
        const dueAt = isTask && rand() > 0.05 ? at : null;
        const doneAt = isTask ? (at < NOW && rand() < 0.85 ? at + DAY : null) : at;
        insertActivity.run(
          id,
          Math.min(at, NOW),
          Math.min(at, NOW),
          owner,
          type,
          `${type} ${done + i}`,
          startAt,
          endAt,
          dueAt,
          doneAt,
          owner,
          details,
          recurring ? 1 : 0,
        );
        const contact = rand() < 0.2 ? pick(busy) : pick(contacts);
        const timelineAt = isTask ? (doneAt ?? Math.min(at, NOW)) : at;
        insertLink.run(newId(), NOW, NOW, id, 'contacts', contact, timelineAt);
        if (rand() < 0.6) insertLink.run(newId(), NOW, NOW, id, 'companies', pick(companies), timelineAt);
      }
    })();
    done += n;
    if (done % 200_000 === 0) log(`  ${fmtInt(done)} activities`);
  }
  db.pragma('optimize');
  db.close();
  return { members, busy, ordinary: contacts.slice(1000, 1030) };
}

async function call(db: CrmDb, actor: string, method: MethodName, input: unknown): Promise<void> {
  const result = await dispatch(method, input as MethodInput<typeof method>, {
    db,
    locale: 'en',
    actor,
    origin: 'bench',
  });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
}

export async function benchActivitiesComms(): Promise<void> {
  const path = bookPath('activities-comms');
  log(`activities: building a book of ${fmtInt(ACTIVITIES)} activities...`);
  const started = performance.now();
  const { members, busy, ordinary } = buildBook(path);
  log(`  built in ${round((performance.now() - started) / 1000, 1)} s`);
  const db = openDatabase({ path, now: () => NOW });
  const me = members[0]!;
  try {
    // Timeline page of a record.
    const records = [...busy, ...ordinary];
    let r = 0;
    const timelineRef = db.sqlite.prepare(
      `SELECT a.* FROM activity_links l JOIN activities a ON a.id = l.activity_id
        WHERE l.entity_id = ? AND l.deleted = 0 AND a.deleted = 0 ORDER BY l.at DESC, a.id DESC LIMIT 31`,
    );
    const [tl, tlRef] = await samplePairAsync(
      () => call(db, me, 'timeline.list', { entity: 'contacts', id: records[r++ % records.length]!, limit: 30 }),
      async () => void timelineRef.all(records[r++ % records.length]!),
      200,
    );
    pushLatency(
      'act-timeline',
      `timeline.list first page (30) of a contact, ${fmtInt(ACTIVITIES)} activities, 10 busy + 30 ordinary contacts`,
      summarise(tl),
      summarise(tlRef),
      30,
    );

    // A calendar month: mine and the whole team, each under the budget.
    const months = Array.from({ length: 12 }, (_, i) => [Date.UTC(2026, i, 1), Date.UTC(2026, i + 1, 1)] as const);
    let m = 0;
    // Repeating rows are read apart and expanded (as calendar.range does): `recurs = 0` also lets
    // the meetings and calls come from their partial index, an index range like the due times.
    // The reference reads the columns an event shows, as the service does, and no look-back.
    const EVENT = 'id, type, subject, start_at, end_at, all_day, done_at, owner_id';
    const TASK = 'id, type, subject, due_at, NULL, all_day, done_at, owner_id';
    const monthRef = db.sqlite
      .prepare(
        `SELECT ${EVENT} FROM activities WHERE owner_id = @owner AND deleted = 0 AND recurs = 0 AND start_at >= @from AND start_at < @to AND type IN ('meeting', 'call')
       UNION ALL SELECT ${TASK} FROM activities WHERE owner_id = @owner AND type = 'task' AND deleted = 0 AND recurs = 0 AND due_at >= @from AND due_at < @to`,
      )
      .raw();
    const [cal, calRef] = await samplePairAsync(
      () => {
        const [from, to] = months[m++ % 12]!;
        return call(db, me, 'calendar.range', { from, to, mine: true });
      },
      async () => {
        const [from, to] = months[m++ % 12]!;
        void monthRef.all({ owner: me, from, to });
      },
      120,
    );
    const [fromS, toS] = months[5]!;
    const perMonth = db.sqlite
      .prepare(
        `SELECT count(*) FROM activities WHERE owner_id = ? AND ((start_at >= ? AND start_at < ? AND type IN ('meeting','call')) OR (due_at >= ? AND due_at < ? AND type = 'task'))`,
      )
      .pluck()
      .get(me, fromS, toS, fromS, toS) as number;
    pushLatency(
      'act-calendar-mine',
      `calendar.range, one month, "only mine" (${fmtInt(perMonth)} events a month + repeating ones), ${fmtInt(ACTIVITIES)} activities`,
      summarise(cal),
      summarise(calRef),
      50,
    );
    const teamRef = db.sqlite
      .prepare(
        `SELECT ${EVENT} FROM activities WHERE deleted = 0 AND recurs = 0 AND start_at >= @from AND start_at < @to AND type IN ('meeting', 'call')
       UNION ALL SELECT ${TASK} FROM activities WHERE type = 'task' AND deleted = 0 AND recurs = 0 AND due_at >= @from AND due_at < @to`,
      )
      .raw();
    const [team, teamRefS] = await samplePairAsync(
      () => {
        const [from, to] = months[m++ % 12]!;
        return call(db, me, 'calendar.range', { from, to });
      },
      async () => {
        const [from, to] = months[m++ % 12]!;
        void teamRef.all({ from, to });
      },
      36,
      3,
    );
    pushLatency(
      'act-calendar-team',
      `calendar.range, one month, whole team (${MEMBERS} members), ${fmtInt(ACTIVITIES)} activities`,
      summarise(team),
      summarise(teamRefS),
      50,
    );

    // The tasks inbox: every bucket, mine and the team's.
    const dayStart = Date.UTC(2026, 5, 15);
    const dayEnd = dayStart + DAY;
    const variants = (['overdue', 'today', 'upcoming', 'nodate', 'done'] as const).flatMap((bucket) =>
      (['mine', 'team'] as const).map((scope) => ({ bucket, scope })),
    );
    let v = 0;
    const inboxRef = db.sqlite.prepare(
      `SELECT * FROM activities WHERE owner_id = ? AND type = 'task' AND deleted = 0 AND done_at IS NULL AND due_at < ? ORDER BY due_at LIMIT 100`,
    );
    const [inbox, inboxRefS] = await samplePairAsync(
      () => call(db, me, 'tasks.inbox', { ...variants[v++ % variants.length]!, dayStart, dayEnd }),
      async () => void inboxRef.all(me, NOW),
      200,
    );
    pushLatency(
      'act-inbox',
      `tasks.inbox (page of 100 + capped counts of all five buckets), every bucket, mine and team, ${fmtInt(ACTIVITIES)} activities`,
      summarise(inbox),
      summarise(inboxRefS),
      30,
    );
  } finally {
    db.close();
    removeBook(path);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchActivitiesComms();
  const results = join(here, 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, 'activities-comms.json'),
    JSON.stringify({ date: new Date().toISOString(), activities: ACTIVITIES, figures }, null, 2),
  );
  process.stdout.write(markdownTable(figures) + '\n');
  removeBenchDir();
}
