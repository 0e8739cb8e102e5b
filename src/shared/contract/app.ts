import { z } from 'zod';
import { defineMethod } from './define';

export const appMethods = {
  'app.info': defineMethod({
    summary: 'What this workspace is: app version, database file, schema version and settings that shape input.',
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      nodeId: z.string(),
      defaultCountry: z.string(),
    }),
  }),
};
