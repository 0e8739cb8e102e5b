#!/usr/bin/env node
// Bundles the Electron side (`npm run build:electron`):
//   src/main/electron/main.ts → dist/electron/main.js     (ESM, the app's "main" in package.json)
//   src/main/preload/preload.ts → dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot be ESM)
// The renderer is built separately by Vite into dist/renderer.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/electron';
const watchFree = { absWorkingDir: root, bundle: true, platform: 'node', sourcemap: true, logLevel: 'warning' };

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });

const [main, preload] = await Promise.all([
  build({
    ...watchFree,
    entryPoints: ['src/main/electron/main.ts'],
    outfile: `${outdir}/main.js`,
    format: 'esm',
    target: 'node22',
    // electron is provided by the runtime; better-sqlite3 has a native binary that must stay a real module.
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS dependencies may call require() for Node builtins; an ESM bundle has none.
    banner: {
      js: "import { createRequire as __crmCreateRequire } from 'node:module';\nconst require = __crmCreateRequire(import.meta.url);",
    },
    metafile: true,
  }),
  build({
    ...watchFree,
    entryPoints: ['src/main/preload/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    metafile: true,
  }),
]);

// A sandboxed preload can require() only 'electron' (and a few polyfilled modules): anything else
// left external would throw when the window opens, so fail the build now instead.
const preloadImports = Object.values(preload.metafile.outputs).flatMap((output) => output.imports);
const stray = preloadImports.filter((i) => i.external && i.path !== 'electron').map((i) => i.path);
if (stray.length) {
  console.error(`preload.cjs must import nothing but electron; it imports: ${[...new Set(stray)].join(', ')}`);
  process.exit(1);
}

for (const result of [main, preload]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) console.log(`${file}  ${(output.bytes / 1024).toFixed(0)} KiB`);
  }
}
