import { checkDuplicates, duplicateGroups } from '../../services/duplicates';
import { mergeRecords, undoMerge } from '../../services/merge';
import { writeOptions, type HandlerMap } from '../context';

type Methods = 'duplicates.check' | 'duplicates.groups' | 'duplicates.merge' | 'duplicates.undoMerge';

export const duplicatesHandlers: HandlerMap<Methods> = {
  'duplicates.check': ({ entity, ...probe }, ctx) => ({ candidates: checkDuplicates(ctx.db, entity, probe) }),
  'duplicates.groups': (input, ctx) => duplicateGroups(ctx.db, input.entity, input.limit),
  'duplicates.merge': (input, ctx) => mergeRecords(ctx.db, input, writeOptions(ctx)),
  'duplicates.undoMerge': (input, ctx) => ({ restoredIds: undoMerge(ctx.db, input.mergeId, writeOptions(ctx)) }),
};
