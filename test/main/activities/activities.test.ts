import { describe, expect, it } from 'vitest';
import { manualClock, tempDb } from '../db/temp-db';
import { DAY, call, expectNothingWritten, refuse } from '../accounts/api';

const T0 = Date.UTC(2026, 2, 2, 9, 0); // Monday 2 March 2026, 09:00 UTC
const HOUR = 3_600_000;

async function book(start = T0) {
  const clock = manualClock(start, 1);
  const db = tempDb({ now: clock.now });
  const ana = await call(db, 'members.create', { name: 'Ana' });
  await call(db, 'members.setCurrent', { id: ana.id });
  const contact = await call(db, 'contacts.create', {
    firstName: 'Lola',
    lastName: 'Flores',
    emails: [{ value: 'lola@example.com' }],
  });
  const company = await call(db, 'companies.create', { name: 'Acme' });
  return { db, clock, ana, contact, company };
}

describe('activities of every kind', () => {
  it('logs a call, a meeting, an email, a task and a note, each linked to several records and on their timelines', async () => {
    const { db, contact, company, ana } = await book();
    const links = [
      { entityType: 'contacts' as const, entityId: contact.id },
      { entityType: 'companies' as const, entityId: company.id },
    ];
    const callAct = await call(db, 'activities.create', {
      type: 'call',
      subject: 'Intro call',
      startAt: T0 - HOUR,
      details: {
        kind: 'call',
        direction: 'outbound',
        durationSeconds: 300,
        outcome: 'connected',
        number: '+34600111222',
      },
      links,
    });
    const meeting = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Demo',
      startAt: T0 + DAY,
      endAt: T0 + DAY + HOUR,
      details: {
        kind: 'meeting',
        location: 'Madrid',
        attendees: [
          { type: 'contact', id: contact.id },
          { type: 'member', id: ana.id },
        ],
        recurrence: 'rrule:freq=weekly;count=4',
        reminders: [15],
      },
      links,
    });
    expect(meeting.details.recurrence).toBe('FREQ=WEEKLY;COUNT=4');
    const email = await call(db, 'activities.create', {
      type: 'email',
      subject: 'Proposal',
      body: 'Attached',
      startAt: T0 - 2 * HOUR,
      details: { kind: 'email', from: 'me@example.com', to: ['lola@example.com'], cc: [], direction: 'outbound' },
      links,
    });
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Send contract',
      dueAt: T0 + 2 * HOUR,
      ownerId: ana.id,
      details: { kind: 'task', priority: 'high', checklist: [{ text: 'Draft', done: false }] },
      links,
    });
    expect(task.details).toMatchObject({ priority: 'high' });
    const note = await call(db, 'activities.create', {
      type: 'note',
      subject: 'Call notes',
      body: `<p><strong>Budget</strong> ok <script>alert(1)</script><a href="javascript:alert(1)">x</a> <span data-type="mention" data-id="${ana.id}" data-label="Ana">@Ana</span></p>`,
      links,
    });
    expect(note.body).not.toContain('script');
    expect(note.body).not.toContain('javascript:');
    expect(note.body).toContain('<strong>Budget</strong>');
    expect(note.details).toMatchObject({ kind: 'note', mentions: [ana.id] });

    for (const record of [contact.id, company.id]) {
      const { items } = await call(db, 'activities.list', { entityId: record });
      expect(new Set(items.map((i) => i.id))).toEqual(new Set([callAct.id, meeting.id, email.id, task.id, note.id]));
      const timeline = await call(db, 'timeline.list', {
        entity: record === contact.id ? 'contacts' : 'companies',
        id: record,
        kinds: ['activity'],
      });
      expect(timeline.items).toHaveLength(5);
    }
  });

  it('refuses bad input with a translated message and writes nothing', async () => {
    const { db, contact } = await book();
    const tables = ['activities', 'activity_links'];
    await expectNothingWritten(db, tables, async () => {
      const rule = await refuse(
        db,
        'activities.create',
        { type: 'meeting', subject: 'x', startAt: T0, details: { kind: 'meeting', recurrence: 'FREQ=SOMETIMES' } },
        'es',
      );
      expect(rule.code).toBe('invalid_input');
      expect(rule.issues?.[0]?.message).toMatch(/regla de repetición no es válida/);
      const order = await refuse(db, 'activities.create', {
        type: 'meeting',
        subject: 'x',
        startAt: T0,
        endAt: T0 - 1,
      });
      expect(order.issues?.[0]).toMatchObject({ path: ['endAt'], message: 'The end must not be before the start.' });
      const kind = await refuse(db, 'activities.create', { type: 'task', subject: 'x', details: { kind: 'call' } });
      expect(kind.issues?.[0]?.path).toEqual(['details', 'kind']);
      const link = await refuse(db, 'activities.create', {
        type: 'task',
        subject: 'x',
        links: [{ entityType: 'deals', entityId: contact.id }],
      });
      expect(link.issues?.[0]?.path).toEqual(['links', 0, 'entityId']);
      const reminder = await refuse(db, 'activities.create', {
        type: 'task',
        subject: 'x',
        details: { kind: 'task', reminders: [-5] },
      });
      expect(reminder.code).toBe('invalid_input');
    });
  });
});

describe('editing an activity', () => {
  it('keeps the details the edit does not touch: a call, a task and an imported meeting', async () => {
    const { db, contact } = await book();
    const callAct = await call(db, 'activities.create', {
      type: 'call',
      subject: 'Intro call',
      startAt: T0,
      details: { kind: 'call', direction: 'inbound', durationSeconds: 300, outcome: 'connected', number: '+34600' },
    });
    // The edit form sends only the reminders it shows: the call keeps its direction, duration, outcome and number.
    const edited = await call(db, 'activities.update', {
      id: callAct.id,
      subject: 'Intro call (edited)',
      details: { kind: 'call', reminders: [10] },
    });
    expect(edited.details).toEqual({
      kind: 'call',
      direction: 'inbound',
      durationSeconds: 300,
      outcome: 'connected',
      number: '+34600',
      reminders: [10],
    });
    // A key sent as null is removed.
    const cleared = await call(db, 'activities.update', {
      id: callAct.id,
      details: { kind: 'call', outcome: null, reminders: null },
    });
    expect(cleared.details).toEqual({ kind: 'call', direction: 'inbound', durationSeconds: 300, number: '+34600' });

    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Send offer',
      dueAt: T0 + DAY,
      details: { kind: 'task', status: 'waiting', priority: 'low', recurrence: 'FREQ=WEEKLY' },
    });
    const anchored = await call(db, 'activities.update', {
      id: task.id,
      details: { kind: 'task', priority: 'high' },
    });
    expect(anchored.details).toMatchObject({ status: 'waiting', priority: 'high', recurrence: 'FREQ=WEEKLY' });

    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:demo-1@example.com',
      'DTSTART:20260310T100000Z',
      'DTEND:20260310T110000Z',
      'SUMMARY:Demo',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await call(db, 'calendar.importIcs', { text: ics });
    const [meeting] = (await call(db, 'activities.list', { types: ['meeting'] })).items;
    await call(db, 'activities.update', {
      id: meeting!.id,
      details: { kind: 'meeting', location: 'Madrid', attendees: [{ type: 'contact', id: contact.id }] },
    });
    // The uid survives the edit, so importing the file again updates the meeting instead of copying it.
    expect(await call(db, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 0, updated: 1 });
    const meetings = (await call(db, 'activities.list', { types: ['meeting'] })).items;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.details).toMatchObject({
      uid: 'demo-1@example.com',
      attendees: [{ type: 'contact', id: contact.id }],
    });
    expect(meetings[0]!.details.location).toBeUndefined();
  });
});

describe('tasks inbox', () => {
  it("sorts tasks into overdue, today, upcoming, no date and done; mine or the team's; complete and snooze", async () => {
    const { db, ana, clock } = await book();
    const bob = await call(db, 'members.create', { name: 'Bob' });
    const mk = (subject: string, dueAt: number | null, ownerId = ana.id) =>
      call(db, 'activities.create', { type: 'task', subject, dueAt, ownerId });
    const late = await mk('Late', T0 - DAY);
    const today = await mk('Today', T0 + 3 * HOUR);
    const soon = await mk('Soon', T0 + 3 * DAY);
    const undated = await mk('Whenever', null);
    await mk('Bob late', T0 - HOUR, bob.id);
    const dayStart = Date.UTC(2026, 2, 2);
    const dayEnd = dayStart + DAY;
    const inbox = (bucket: 'overdue' | 'today' | 'upcoming' | 'nodate' | 'done', scope: 'mine' | 'team' = 'mine') =>
      call(db, 'tasks.inbox', { bucket, scope, dayStart, dayEnd });

    const overdue = await inbox('overdue');
    expect(overdue.items.map((t) => t.subject)).toEqual(['Late']);
    expect(overdue.counts).toEqual({ overdue: 1, today: 1, upcoming: 1, nodate: 1, done: 0 });
    expect((await inbox('overdue', 'team')).items.map((t) => t.subject)).toEqual(['Late', 'Bob late']);
    expect((await inbox('today')).items.map((t) => t.id)).toEqual([today.id]);
    expect((await inbox('upcoming')).items.map((t) => t.id)).toEqual([soon.id]);
    expect((await inbox('nodate')).items.map((t) => t.id)).toEqual([undated.id]);

    const done = await call(db, 'activities.complete', { id: late.id });
    expect(done.task.doneAt).not.toBeNull();
    expect(done.task.details.status).toBe('done');
    expect((await inbox('done')).items.map((t) => t.id)).toEqual([late.id]);
    expect((await inbox('overdue')).counts.overdue).toBe(0);
    await call(db, 'activities.complete', { id: late.id, done: false });
    expect((await inbox('overdue')).items.map((t) => t.id)).toEqual([late.id]);

    const snoozed = await call(db, 'activities.snooze', { id: late.id, until: T0 + 2 * DAY });
    expect(snoozed.dueAt).toBe(T0 + 2 * DAY);
    expect((await inbox('upcoming')).items.map((t) => t.id)).toEqual([snoozed.id, soon.id]);

    const past = await refuse(db, 'activities.snooze', { id: late.id, until: T0 - DAY }, 'es');
    expect(past.code).toBe('invalid_input');
    const meeting = await call(db, 'activities.create', { type: 'meeting', subject: 'M', startAt: T0 });
    const notTask = await refuse(db, 'activities.complete', { id: meeting.id }, 'es');
    expect(notTask.message).toBe('Solo las tareas se pueden completar o posponer.');
    clock.set(T0 + 10 * DAY);
  });

  it('completing a repeating task schedules the next one with the same links and a fresh checklist', async () => {
    const { db, contact } = await book();
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Weekly report',
      dueAt: T0,
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY', checklist: [{ text: 'Numbers', done: true }] },
      links: [{ entityType: 'contacts', entityId: contact.id }],
    });
    const { task: done, next } = await call(db, 'activities.complete', { id: task.id });
    expect(done.details.recurrence).toBeUndefined();
    expect(next).not.toBeNull();
    expect(next!.dueAt).toBe(T0 + 7 * DAY);
    expect(next!.doneAt).toBeNull();
    expect(next!.details).toMatchObject({ recurrence: 'FREQ=WEEKLY', checklist: [{ text: 'Numbers', done: false }] });
    expect(next!.links).toEqual([{ entityType: 'contacts', entityId: contact.id }]);
    // Completing twice does not make a second copy.
    const again = await call(db, 'activities.complete', { id: task.id });
    expect(again.next).toBeNull();
  });
});

describe('calendar', () => {
  it('shows meetings, calls and task due dates in a range, repeating ones expanded, and follows a drag', async () => {
    const { db } = await book();
    const weekly = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Standup',
      startAt: T0,
      endAt: T0 + HOUR / 4,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;COUNT=10' },
    });
    await call(db, 'activities.create', { type: 'call', subject: 'Call', startAt: T0 + 2 * DAY });
    await call(db, 'activities.create', { type: 'task', subject: 'Due', dueAt: T0 + 3 * DAY });
    await call(db, 'activities.create', { type: 'meeting', subject: 'Next month', startAt: T0 + 40 * DAY });
    const from = Date.UTC(2026, 2, 1);
    const to = Date.UTC(2026, 3, 1);
    const { events } = await call(db, 'calendar.range', { from, to });
    expect(events.filter((e) => e.activityId === weekly.id).map((e) => e.start)).toEqual([
      T0,
      T0 + 7 * DAY,
      T0 + 14 * DAY,
      T0 + 21 * DAY,
      T0 + 28 * DAY,
    ]);
    expect(events.find((e) => e.title === 'Due')).toMatchObject({ type: 'task', start: T0 + 3 * DAY, end: null });
    expect(events.find((e) => e.title === 'Call')).toBeDefined();
    expect(events.find((e) => e.title === 'Next month')).toBeUndefined();
    expect((await call(db, 'calendar.range', { from, to, types: ['task'] })).events.map((e) => e.title)).toEqual([
      'Due',
    ]);

    // Dragging the call to another day is an update of its start and end.
    const dragged = events.find((e) => e.title === 'Call')!;
    await call(db, 'activities.update', { id: dragged.activityId, startAt: T0 + 5 * DAY, endAt: T0 + 5 * DAY + HOUR });
    const after = await call(db, 'calendar.range', { from, to, types: ['call'] });
    expect(after.events.map((e) => e.start)).toEqual([T0 + 5 * DAY]);

    const bad = await refuse(db, 'calendar.range', { from: to, to: from }, 'es');
    expect(bad.issues?.[0]?.message).toBe('El final debe ser posterior al inicio.');
  });
});

describe('recurrence', () => {
  it('expands a long-running rule the same from its start as from a page years later', async () => {
    const { occurrencesBetween } = await import('../../../src/main/services/recurrence');
    const start = Date.UTC(2020, 0, 6, 9); // a Monday
    const from = Date.UTC(2026, 2, 1);
    const to = Date.UTC(2026, 3, 1);
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=20260320T000000Z',
    ]) {
      const fast = occurrencesBetween(rule, start, from, to, HOUR);
      const rrule = await import('rrule');
      const lib = ((rrule as unknown as { default?: typeof rrule }).default ?? rrule) as typeof rrule;
      const slow = lib
        .rrulestr(`RRULE:${rule}`, { dtstart: new Date(start) })
        .between(new Date(from - HOUR), new Date(to - 1), true)
        .map((d) => d.getTime())
        .filter((t) => t + HOUR > from);
      expect(fast).toEqual(slow);
      expect(fast.length).toBeGreaterThan(0);
    }
  });
});

describe('rich-text notes', () => {
  it('keep bold, lists, links and mentions, drop script, and are found by their words', async () => {
    const { db, contact, ana } = await book();
    const note = await call(db, 'notes.create', {
      entityType: 'contacts',
      entityId: contact.id,
      body: `<p>Call <strong>tomorrow</strong> <img src=x onerror=alert(1)><a href="https://example.com" onclick="x()">site</a></p><ul><li>pricing</li></ul><span data-type="mention" data-id="${ana.id}" data-label="Ana">@Ana</span>`,
    });
    expect(note.body).toBe(
      `<p>Call <strong>tomorrow</strong> <a href="https://example.com" target="_blank" rel="noopener noreferrer">site</a></p><ul><li>pricing</li></ul><span data-type="mention" data-id="${ana.id}" data-label="Ana">@Ana</span>`,
    );
    const hits = await call(db, 'search.query', { query: 'pricing' });
    expect(hits.hits.map((h) => h.id)).toContain(note.id);
    const tags = await call(db, 'search.query', { query: 'strong' });
    expect(tags.hits.map((h) => h.id)).not.toContain(note.id);
    // Plain text stays as typed.
    const plain = await call(db, 'notes.create', { entityType: 'contacts', entityId: contact.id, body: 'a < b & c' });
    expect(plain.body).toBe('a < b & c');
  });
});
