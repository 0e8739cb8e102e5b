import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID } from '../../../src/main/services/pipelines';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { tempDb } from '../db/temp-db';

describe('pipelines', () => {
  it('gives a new workspace the default "New business" pipeline, in the caller\'s language', async () => {
    const db = tempDb();
    const { items } = await call(db, 'pipelines.list', {}, 'es');
    expect(items).toHaveLength(1);
    expect(items[0]!.id).toBe(DEFAULT_PIPELINE_ID);
    expect(items[0]!.name).toBe('Nuevo negocio');
    expect(items[0]!.stages.map((s) => [s.name, s.kind, s.probability])).toEqual([
      ['Prospección', 'open', 10],
      ['Cualificada', 'open', 25],
      ['Propuesta', 'open', 50],
      ['Negociación', 'open', 75],
      ['Ganada', 'won', 100],
      ['Perdida', 'lost', 0],
    ]);
    // Asking again does not make a second one.
    expect((await call(db, 'pipelines.list', {})).items).toHaveLength(1);
  });

  it('creates, renames, reorders and adds stages', async () => {
    const db = tempDb();
    const p = await call(db, 'pipelines.create', {
      name: 'Renewals',
      stages: [
        { name: 'Due', probability: 50, rottingDays: 10 },
        { name: 'Renewed', kind: 'won' },
        { name: 'Churned', kind: 'lost' },
      ],
    });
    expect(p.stages.map((s) => s.name)).toEqual(['Due', 'Renewed', 'Churned']);
    expect(p.stages[1]!.probability).toBe(100);

    const renamed = await call(db, 'pipelines.update', { id: p.id, name: 'Renewals 2027' });
    expect(renamed.name).toBe('Renewals 2027');

    const added = await call(db, 'pipelines.addStage', {
      pipelineId: p.id,
      name: 'Contacted',
      probability: 30,
      index: 1,
    });
    expect(added.stages.map((s) => s.name)).toEqual(['Due', 'Contacted', 'Renewed', 'Churned']);

    const ids = added.stages.map((s) => s.id);
    const reordered = await call(db, 'pipelines.reorderStages', {
      pipelineId: p.id,
      stageIds: [ids[1]!, ids[0]!, ids[2]!, ids[3]!],
    });
    expect(reordered.stages.map((s) => s.name)).toEqual(['Contacted', 'Due', 'Renewed', 'Churned']);

    const updated = await call(db, 'pipelines.updateStage', { id: ids[0]!, name: 'Due soon', rottingDays: null });
    expect(updated.stages.find((s) => s.id === ids[0])).toMatchObject({ name: 'Due soon', rottingDays: null });
  });

  it('archives a stage and moves its deals to the chosen stage, with their history', async () => {
    const db = tempDb();
    const p = await call(db, 'pipelines.create', { name: 'Sales' });
    const [first, second] = p.stages;
    const a = await call(db, 'deals.create', { title: 'A', pipelineId: p.id, stageId: first!.id });
    const b = await call(db, 'deals.create', { title: 'B', pipelineId: p.id, stageId: first!.id });
    const result = await call(db, 'pipelines.archiveStage', { id: first!.id, moveTo: second!.id });
    expect(result.moved).toBe(2);
    expect(result.pipeline.stages.find((s) => s.id === first!.id)!.archived).toBe(true);
    expect((await call(db, 'pipelines.get', { id: p.id })).stages).toHaveLength(6);
    expect((await call(db, 'pipelines.list', {})).items.find((x) => x.id === p.id)!.stages).toHaveLength(5);
    for (const d of [a, b]) {
      expect((await call(db, 'deals.get', { id: d.id })).stageId).toBe(second!.id);
      const history = (await call(db, 'deals.history', { id: d.id })).items;
      expect(history.map((h) => h.stageId)).toEqual([first!.id, second!.id]);
      expect(history[0]!.leftAt).not.toBeNull();
    }
    // New deals cannot go to an archived stage.
    const error = await refuse(db, 'deals.create', { title: 'C', pipelineId: p.id, stageId: first!.id });
    expect(error.issues?.[0]?.message).toContain('archived');
  });

  it('refuses bad stage changes with a clear message and changes nothing', async () => {
    const db = tempDb();
    const p = await call(db, 'pipelines.create', { name: 'Sales' });
    const other = await call(db, 'pipelines.create', { name: 'Partners' });
    const stageIds = p.stages.map((s) => s.id);
    await expectNothingWritten(db, ['stages', 'deals', 'sync_outbox'], async () => {
      const cross = await refuse(db, 'pipelines.archiveStage', { id: stageIds[0]!, moveTo: other.stages[0]!.id });
      expect(cross.issues?.[0]?.message).toBe('This stage belongs to another pipeline. Pick a stage of "Sales".');
      const self = await refuse(db, 'pipelines.archiveStage', { id: stageIds[0]!, moveTo: stageIds[0]! }, 'es');
      expect(self.issues?.[0]?.message).toBe('Elige otra etapa a la que mover sus oportunidades.');
      const missing = await refuse(db, 'pipelines.reorderStages', { pipelineId: p.id, stageIds: stageIds.slice(1) });
      expect(missing.issues?.[0]?.key).toBe('validation.stage_order');
      const badProbability = await refuse(db, 'pipelines.addStage', { pipelineId: p.id, name: 'X', probability: 140 });
      expect(badProbability.issues?.[0]?.path).toEqual(['probability']);
      const noName = await refuse(db, 'pipelines.create', { name: '  ' });
      expect(noName.issues?.[0]?.key).toBe('validation.required');
    });
    expect((await call(db, 'pipelines.get', { id: p.id })).stages.map((s) => s.id)).toEqual(stageIds);
  });

  it('refuses to make deals lost without a reason, by archive or by kind, and writes nothing', async () => {
    const db = tempDb();
    const p = await call(db, 'pipelines.create', { name: 'Sales' });
    const open = p.stages[0]!;
    const lost = p.stages.find((s) => s.kind === 'lost')!;
    const a = await call(db, 'deals.create', { title: 'A', pipelineId: p.id, stageId: open.id });
    await expectNothingWritten(db, ['stages', 'deals', 'deal_stage_history', 'sync_outbox'], async () => {
      const archive = await refuse(db, 'pipelines.archiveStage', { id: open.id, moveTo: lost.id });
      expect(archive.issues?.[0]).toMatchObject({
        path: ['lostReason'],
        message: 'The deals moved to a lost stage need a reason: say why they were lost.',
      });
      const blank = await refuse(
        db,
        'pipelines.archiveStage',
        { id: open.id, moveTo: lost.id, lostReason: '  ' },
        'es',
      );
      expect(blank.issues?.[0]?.message).toBe(
        'Las oportunidades que pasan a una etapa perdida necesitan un motivo: indica por qué se perdieron.',
      );
      const kind = await refuse(db, 'pipelines.updateStage', { id: open.id, kind: 'lost' });
      expect(kind.issues?.[0]?.path).toEqual(['kind']);
      expect(kind.issues?.[0]?.message).toContain('no lost reason');
    });
    const stayed = await call(db, 'deals.get', { id: a.id });
    expect(stayed).toMatchObject({ stageId: open.id, status: 'open', lostReason: null });
    const stage = (await call(db, 'pipelines.get', { id: p.id })).stages.find((s) => s.id === open.id)!;
    expect(stage).toMatchObject({ archived: false, kind: 'open' });

    // With a reason the archive goes through and every moved deal carries it.
    const done = await call(db, 'pipelines.archiveStage', { id: open.id, moveTo: lost.id, lostReason: 'Budget cut' });
    expect(done.moved).toBe(1);
    expect(await call(db, 'deals.get', { id: a.id })).toMatchObject({
      stageId: lost.id,
      status: 'lost',
      lostReason: 'Budget cut',
    });
    // An empty stage may become lost.
    const empty = p.stages[1]!;
    const changed = await call(db, 'pipelines.updateStage', { id: empty.id, kind: 'lost' });
    expect(changed.stages.find((s) => s.id === empty.id)!.kind).toBe('lost');
  });
});
