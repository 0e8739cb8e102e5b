// ESLint flat config. Besides the usual checks it enforces the layers of ARCHITECTURE.md:
// what src/shared, src/renderer and the electron-free parts of src/main may import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** Node's builtins by bare name ("fs", "fs/promises", ...); the `node:` form is caught by a regex below. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));

const builtinsBan = {
  paths: NODE_BUILTINS.map((name) => ({
    name,
    message: 'Node builtins are not available here (see ARCHITECTURE.md, Layers).',
  })),
  patterns: [{ regex: '^node:', message: 'Node builtins are not available here (see ARCHITECTURE.md, Layers).' }],
};

const packageBan = (names, message) => names.map((name) => ({ name, message }));

/**
 * A relative import that climbs out of its folder into another top-level folder of src/
 * ("../../main/db/open"), or names it from the root ("src/main/..."). Relative paths are not
 * resolved by the rule, so this assumes no folder inside src/shared or src/renderer is itself
 * called main, server or renderer.
 */
const layerPattern = (layers, message) => [
  { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message },
  { regex: `(^|/)src/(${layers.join('|')})(/|$)`, message },
];

const ELECTRON_MESSAGE =
  'Only src/main/electron, src/main/preload and src/main/transport/ipc.ts import electron, so the back end runs under plain Node.';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'playwright-report/**',
      'test-results/**',
      'coverage/**',
      'db/migrations/**',
      'bench/results/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // A few type-aware rules that catch real bugs in async IPC/HTTP code (a forgotten await
  // drops an error on the floor). The full type-checked preset is too slow for 2 cores.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Playwright reads fixture names from the destructured first parameter: `async ({}, use) => ...`.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/server/**/*.ts',
      'test/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },

  // ---- Layers (ARCHITECTURE.md). One block per folder: a later block would replace, not
  // extend, the options of an earlier no-restricted-imports.
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinsBan.paths,
            ...packageBan(['electron', 'better-sqlite3'], 'src/shared is pure TypeScript: no electron, no SQLite.'),
          ],
          patterns: [
            ...builtinsBan.patterns,
            { regex: '^((electron|better-sqlite3)/|drizzle-orm(/|$))', message: 'src/shared is pure TypeScript.' },
            ...layerPattern(['main', 'server', 'renderer'], 'src/shared imports nothing of main, server or renderer.'),
            { regex: '^(\\.\\./)+db/', message: 'The drizzle schema (db/) belongs to the Node side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinsBan.paths,
            ...packageBan(
              ['electron', 'better-sqlite3'],
              'The renderer talks to the back end only through window.crm / the web client (src/shared/contract).',
            ),
          ],
          patterns: [
            ...builtinsBan.patterns,
            {
              regex: '^((electron|better-sqlite3)/|drizzle-orm(/|$))',
              message: 'The renderer imports src/shared only.',
            },
            ...layerPattern(['main', 'server'], 'The renderer imports src/shared only, never src/main or src/server.'),
            { regex: '^(\\.\\./)+db/', message: 'The drizzle schema (db/) belongs to the Node side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/preload/**', 'src/main/transport/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packageBan(['electron'], ELECTRON_MESSAGE),
          patterns: [{ regex: '^electron/', message: ELECTRON_MESSAGE }],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packageBan(['electron'], 'The sync server runs under plain Node.'),
          patterns: [
            { regex: '^electron/', message: 'The sync server runs under plain Node.' },
            ...layerPattern(['renderer'], 'The sync server shares src/shared with the client, never the UI.'),
          ],
        },
      ],
    },
  },
);
