import { ESLint, type Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The layering lint of ARCHITECTURE.md, checked through the ESLint API on the project's own
 * config. The snippets are linted as if they were files at the given paths; those files do not
 * exist, so type information (which needs them in a tsconfig program) is switched off here.
 * The layer rules themselves do not use types.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { project: false, projectService: false } },
      rules: tseslint.configs.disableTypeChecked.rules as Linter.RulesRecord,
    },
  });
});

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A parse error would also be "an error"; make sure the file was really linted.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages;
}

const layerErrors = (messages: Linter.LintMessage[]) =>
  messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);

/** Lines (1-based) of the forbidden imports that the rule reported. */
const flaggedLines = (messages: Linter.LintMessage[]) => layerErrors(messages).map((m) => m.line);

describe('layer boundaries', () => {
  it('refuses electron, node builtins and src/main in the renderer', async () => {
    const code = [
      "import { ipcRenderer } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      "import { openDatabase } from '../../main/db/open';",
      "import { join } from 'path';",
      "import Database from 'better-sqlite3';",
      "import { contract } from '../../shared/contract';",
      'export const used = [ipcRenderer, readFileSync, openDatabase, join, Database, contract];',
      '',
    ].join('\n');
    const messages = await lint(code, 'src/renderer/features/x.tsx');
    expect(flaggedLines(messages)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a renderer import of src/server, of src/main by a root-relative path, or of the db schema', async () => {
    const code = [
      "import { serve } from '../../../server/app';",
      "import { dispatch } from 'src/main/api/dispatch';",
      "import { contacts } from '../../../../db/schema';",
      'export const used = [serve, dispatch, contacts];',
      '',
    ].join('\n');
    expect(flaggedLines(await lint(code, 'src/renderer/features/contacts/list.tsx'))).toEqual([1, 2, 3]);
  });

  it('refuses node builtins, electron and the other layers in src/shared', async () => {
    const code = [
      "import { join } from 'node:path';",
      "import { app } from 'electron';",
      "import type { CrmDb } from '../../main/db/open';",
      "import { App } from '../renderer/app';",
      "import { foldText } from '../domain/text';",
      "import { z } from 'zod';",
      'export const used: [unknown, unknown, CrmDb | null, unknown, unknown, unknown] = [join, app, null, App, foldText, z];',
      '',
    ].join('\n');
    expect(flaggedLines(await lint(code, 'src/shared/contract/x.ts'))).toEqual([1, 2, 3, 4]);
  });

  it('refuses electron in the back-end services', async () => {
    const code = "import { app } from 'electron';\nexport const used = app;\n";
    expect(flaggedLines(await lint(code, 'src/main/services/x.ts'))).toEqual([1]);
    expect(flaggedLines(await lint(code, 'src/main/db/x.ts'))).toEqual([1]);
    expect(flaggedLines(await lint(code, 'src/main/api/x.ts'))).toEqual([1]);
  });

  it('lets the Electron shell, the preload and the IPC transport import electron', async () => {
    const code =
      "import { app } from 'electron';\nimport { join } from 'node:path';\nexport const used = [app, join];\n";
    expect(layerErrors(await lint(code, 'src/main/electron/main.ts'))).toEqual([]);
    expect(layerErrors(await lint(code, 'src/main/preload/index.ts'))).toEqual([]);
    expect(layerErrors(await lint(code, 'src/main/transport/ipc.ts'))).toEqual([]);
  });

  it('lets the back end use node builtins and SQLite', async () => {
    const code =
      "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { contract } from '../../shared/contract';\nexport const used = [Database, join, contract];\n";
    expect(layerErrors(await lint(code, 'src/main/services/x.ts'))).toEqual([]);
  });
});
