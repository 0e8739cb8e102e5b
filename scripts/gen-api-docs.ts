/**
 * `npm run docs:api`: regenerates docs/api.md from the contract. With `--check` it only reports
 * whether the file is up to date (exit code 1 when it is not).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiDocs } from './api-docs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'api.md');
const text = renderApiDocs();
const current = existsSync(target) ? readFileSync(target, 'utf8') : null;

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('docs/api.md is out of date: run "npm run docs:api".');
    process.exitCode = 1;
  }
} else if (current === text) {
  console.log('docs/api.md is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log('Wrote docs/api.md.');
}
