import { z } from 'zod';
import { defineMethod } from './define';

export const backupInfoSchema = z.object({
  path: z.string(),
  reason: z.string(),
  size: z.number().int(),
  createdAt: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupMethods = {
  'backup.now': defineMethod({
    summary:
      'Back up the workspace now with SQLite online backup (a consistent copy while the app keeps working), into backups/ next to it.',
    input: z.strictObject({}),
    output: backupInfoSchema,
  }),
  'backup.list': defineMethod({
    summary: 'Backups of this workspace, newest first (daily, weekly, before imports and migrations, by hand).',
    input: z.strictObject({}),
    output: z.object({ items: z.array(backupInfoSchema) }),
  }),
};
