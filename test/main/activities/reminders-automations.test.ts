import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { startActivityRunners } from '../../../src/main/services/activities-runner';
import { applyRemote } from '../../../src/main/sync/apply';
import { readOutbox, trimOutbox } from '../../../src/main/sync/outbox';
import { tickReminders } from '../../../src/main/services/reminders';
import { newId } from '../../../src/shared/ids';
import { countRows, manualClock, tempDb } from '../db/temp-db';
import { DAY, call, expectNothingWritten, refuse } from '../accounts/api';

const T0 = Date.UTC(2026, 2, 2, 9);
const MIN = 60_000;

async function book() {
  const clock = manualClock(T0, 0);
  const db = tempDb({ now: clock.now });
  const ana = await call(db, 'members.create', { name: 'Ana' });
  await call(db, 'members.setCurrent', { id: ana.id });
  return { db, clock, ana };
}

describe('reminders', () => {
  it('fire once at their offsets, per occurrence of a repeating meeting, and list until dismissed', async () => {
    const { db, clock } = await book();
    tickReminders(db); // the app is running
    const meeting = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Daily',
      startAt: T0 + 60 * MIN,
      endAt: T0 + 75 * MIN,
      details: { kind: 'meeting', recurrence: 'FREQ=DAILY;COUNT=3', reminders: [10, 30] },
    });
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Call back',
      dueAt: T0 + 20 * MIN,
      details: { kind: 'task', reminders: [0] },
    });
    clock.set(T0 + 19 * MIN);
    expect(tickReminders(db)).toEqual([]);
    clock.set(T0 + 30 * MIN);
    expect(tickReminders(db).map((r) => [r.title, r.offsetMinutes])).toEqual([
      ['Call back', 0],
      ['Daily', 30],
    ]);
    clock.set(T0 + 51 * MIN);
    expect(tickReminders(db).map((r) => [r.title, r.offsetMinutes, r.missed])).toEqual([['Daily', 10, false]]);
    expect(tickReminders(db)).toEqual([]); // nothing fires twice
    clock.set(T0 + DAY + 50 * MIN);
    const second = tickReminders(db);
    expect(second.map((r) => r.occurrenceAt)).toEqual([T0 + DAY + 60 * MIN, T0 + DAY + 60 * MIN]);
    expect((await call(db, 'reminders.pending', {})).items).toHaveLength(5);
    await call(db, 'reminders.dismiss', { activityIds: [task.id] });
    expect((await call(db, 'reminders.pending', {})).items.every((r) => r.activityId === meeting.id)).toBe(true);
    await call(db, 'reminders.dismiss', {});
    expect((await call(db, 'reminders.pending', {})).items).toEqual([]);
  });

  it('lists the reminders missed while the app was closed at the next start', async () => {
    const { db, clock } = await book();
    tickReminders(db);
    await call(db, 'activities.create', {
      type: 'task',
      subject: 'Renewal',
      dueAt: T0 + 2 * 3_600_000,
      details: { kind: 'task', reminders: [60] },
    });
    // The app closes; it opens again three hours later.
    clock.set(T0 + 3 * 3_600_000);
    const stop = startActivityRunners(db, { intervalMs: 3_600_000 });
    stop();
    const pending = (await call(db, 'reminders.pending', {})).items;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ title: 'Renewal', missed: true, offsetMinutes: 60 });
  });

  it('do not fire for a completed task', async () => {
    const { db, clock } = await book();
    tickReminders(db);
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Done early',
      dueAt: T0 + 10 * MIN,
      details: { kind: 'task', reminders: [5] },
    });
    await call(db, 'activities.complete', { id: task.id });
    clock.set(T0 + 20 * MIN);
    expect(tickReminders(db)).toEqual([]);
  });
});

describe('automations', () => {
  it('send a template to new contacts of a source, once each, and log every run', async () => {
    const { db, clock } = await book();
    await call(db, 'email.saveAccount', { host: '127.0.0.1', port: 9, security: 'none', fromAddress: 'ana@acme.test' });
    const template = await call(db, 'templates.create', {
      name: 'Welcome',
      subject: 'Welcome {{contact.first_name}}',
      body: 'Hi',
    });
    await call(db, 'contacts.create', { firstName: 'Before', leadSource: 'web', emails: [{ value: 'b@example.com' }] });
    clock.set(T0 + MIN);
    const rule = await call(db, 'automations.create', {
      name: 'Welcome web leads',
      trigger: { type: 'contact_created', source: 'web' },
      action: { type: 'send_template', templateId: template.id },
    });
    clock.set(T0 + 2 * MIN);
    await call(db, 'automations.runNow', {}); // starts the cursor
    const web = await call(db, 'contacts.create', {
      firstName: 'Web',
      leadSource: 'Web',
      emails: [{ value: 'w@example.com' }],
    });
    await call(db, 'contacts.create', { firstName: 'Fair', leadSource: 'fair', emails: [{ value: 'f@example.com' }] });
    await call(db, 'contacts.create', { firstName: 'NoMail', leadSource: 'web' });
    expect((await call(db, 'automations.runNow', {})).runs).toBe(2);
    expect((await call(db, 'automations.runNow', {})).runs).toBe(0);
    const outbox = (await call(db, 'email.outbox', {})).items;
    expect(outbox.map((o) => [o.subject, o.to])).toEqual([['Welcome Web', ['w@example.com']]]);
    const runs = (await call(db, 'automations.runs', { automationId: rule.id })).items;
    expect(runs.map((r) => [r.outcome, r.entityId === web.id])).toEqual([
      ['skipped', false],
      ['done', true],
    ]);

    // Switched off, it does nothing.
    await call(db, 'automations.update', { id: rule.id, enabled: false });
    await call(db, 'contacts.create', { firstName: 'Later', leadSource: 'web', emails: [{ value: 'l@example.com' }] });
    expect((await call(db, 'automations.runNow', {})).runs).toBe(0);
  });

  it('create a task due in N days when a deal enters a stage', async () => {
    const { db, clock } = await book();
    const pipelineId = newId();
    const won = newId();
    const lead = newId();
    mutate(db, [
      { table: 'pipelines', op: 'insert', id: pipelineId, values: { name: 'Sales' } },
      { table: 'stages', op: 'insert', id: lead, values: { pipelineId, name: 'Lead' } },
      { table: 'stages', op: 'insert', id: won, values: { pipelineId, name: 'Proposal' } },
    ]);
    await call(db, 'automations.create', {
      name: 'Follow proposals',
      trigger: { type: 'deal_stage', stageId: won },
      action: { type: 'create_task', subject: 'Follow up the proposal', dueInDays: 3 },
    });
    await call(db, 'automations.runNow', {});
    const dealId = newId();
    mutate(db, { table: 'deals', op: 'insert', id: dealId, values: { title: 'Deal', stageId: lead, pipelineId } });
    mutate(db, { table: 'deals', op: 'update', id: dealId, values: { stageId: won } });
    clock.set(T0 + MIN);
    expect((await call(db, 'automations.runNow', {})).runs).toBe(1);
    expect((await call(db, 'automations.runNow', {})).runs).toBe(0);
    const tasks = (await call(db, 'activities.list', { entityId: dealId, types: ['task'] })).items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ subject: 'Follow up the proposal', dueAt: T0 + MIN + 3 * DAY });
  });

  it('notify the assignee when a task becomes overdue, once per due time', async () => {
    const { db, clock, ana } = await book();
    await call(db, 'automations.create', {
      name: 'Overdue',
      trigger: { type: 'task_overdue' },
      action: { type: 'notify_assignee' },
    });
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Quote',
      dueAt: T0 + MIN,
      ownerId: ana.id,
    });
    expect((await call(db, 'automations.runNow', {})).runs).toBe(0);
    clock.set(T0 + 2 * MIN);
    expect((await call(db, 'automations.runNow', {})).runs).toBe(1);
    expect((await call(db, 'automations.runNow', {})).runs).toBe(0);
    const pending = (await call(db, 'reminders.pending', {})).items;
    expect(pending).toMatchObject([{ activityId: task.id, offsetMinutes: -1 }]);
  });

  it('refuse a rule pointing at nothing, with nothing saved', async () => {
    const { db } = await book();
    await expectNothingWritten(db, ['automations'], async () => {
      const error = await refuse(
        db,
        'automations.create',
        { name: 'x', trigger: { type: 'contact_created' }, action: { type: 'send_template', templateId: newId() } },
        'es',
      );
      expect(error.issues?.[0]?.path).toEqual(['action', 'templateId']);
      expect(error.issues?.[0]?.message).toMatch(/Plantilla/);
      const bad = await refuse(db, 'automations.create', {
        name: 'x',
        trigger: { type: 'when_pigs_fly' },
        action: { type: 'notify_assignee' },
      });
      expect(bad.code).toBe('invalid_input');
      const mismatch = await refuse(db, 'automations.create', {
        name: 'x',
        trigger: { type: 'contact_created' },
        action: { type: 'notify_assignee' },
      });
      expect(mismatch.issues?.[0]?.path).toEqual(['action', 'type']);
    });
    expect(countRows(db, 'automation_runs')).toBe(0);
  });

  it('act once across synced devices: only the device where the change was made runs the rule', async () => {
    const clock = manualClock(T0, 0);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const ship = (from: CrmDb, to: CrmDb) => {
      const batch = readOutbox(from);
      applyRemote(to, batch.changes);
      trimOutbox(from, batch.lastSeq);
    };
    const pipelineId = newId();
    const lead = newId();
    const proposal = newId();
    mutate(a, [
      { table: 'pipelines', op: 'insert', id: pipelineId, values: { name: 'Sales' } },
      { table: 'stages', op: 'insert', id: lead, values: { pipelineId, name: 'Lead' } },
      { table: 'stages', op: 'insert', id: proposal, values: { pipelineId, name: 'Proposal' } },
    ]);
    await call(a, 'automations.create', {
      name: 'Follow proposals',
      trigger: { type: 'deal_stage', stageId: proposal },
      action: { type: 'create_task', subject: 'Follow up the proposal', dueInDays: 3 },
    });
    ship(a, b);
    // The rule syncs: it is on in both devices.
    expect((await call(b, 'automations.list', {})).items.map((r) => r.enabled)).toEqual([true]);
    for (const db of [a, b]) await call(db, 'automations.runNow', {});
    clock.set(T0 + MIN);
    const dealId = newId();
    mutate(a, { table: 'deals', op: 'insert', id: dealId, values: { title: 'Deal', stageId: lead, pipelineId } });
    mutate(a, { table: 'deals', op: 'update', id: dealId, values: { stageId: proposal } });
    expect((await call(a, 'automations.runNow', {})).runs).toBe(1);
    // B receives the move and A's task: its own rule does not make a second task.
    ship(a, b);
    expect((await call(b, 'automations.runNow', {})).runs).toBe(0);
    ship(b, a);
    for (const db of [a, b]) {
      const tasks = (await call(db, 'activities.list', { entityId: dealId, types: ['task'] })).items;
      expect(tasks.map((t) => t.subject)).toEqual(['Follow up the proposal']);
    }
    // A move made on B is B's to act on, and A does not act again.
    const won = newId();
    mutate(b, { table: 'stages', op: 'insert', id: won, values: { pipelineId, name: 'Won' } });
    mutate(b, { table: 'deals', op: 'update', id: dealId, values: { stageId: won } });
    mutate(b, { table: 'deals', op: 'update', id: dealId, values: { stageId: proposal } });
    expect((await call(b, 'automations.runNow', {})).runs).toBe(1);
    ship(b, a);
    expect((await call(a, 'automations.runNow', {})).runs).toBe(0);
    expect((await call(a, 'activities.list', { entityId: dealId, types: ['task'] })).items).toHaveLength(2);
  });
});
