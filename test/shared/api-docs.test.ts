import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeType, renderApiDocs } from '../../scripts/api-docs';
import { ERROR_CODES, METHOD_NAMES, events } from '../../src/shared/contract';

const docsPath = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

describe('docs/api.md', () => {
  const rendered = renderApiDocs();

  it('is exactly what the contract generates (run "npm run docs:api" after changing the contract)', () => {
    const committed = readFileSync(docsPath, 'utf8');
    if (committed !== rendered) {
      // A short pointer instead of a diff of thousands of lines.
      const a = committed.split('\n');
      const b = rendered.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      expect.fail(
        `docs/api.md is out of date: run "npm run docs:api". First difference at line ${line + 1}:\n` +
          `  file:      ${a[line] ?? '(end of file)'}\n  contract:  ${b[line] ?? '(end of file)'}`,
      );
    }
  });

  it('documents every method, every event and every error code', () => {
    for (const method of METHOD_NAMES) {
      expect(rendered).toContain(`### \`${method}\``);
      expect(rendered).toContain(`POST /api/${method}`);
    }
    for (const event of Object.keys(events)) expect(rendered).toContain(`### \`${event}\``);
    for (const code of ERROR_CODES) expect(rendered).toContain(`| \`${code}\` |`);
  });

  it('shows the input of contacts.create with its required first name', () => {
    const section = rendered.slice(rendered.indexOf('### `contacts.create`'), rendered.indexOf('### `contacts.get`'));
    expect(section).toContain('| `firstName` | string | yes |');
    expect(section).toContain('| `emails` | array of object | no |');
    expect(section).toContain('"additionalProperties": false');
  });

  it('reads JSON Schema types for people', () => {
    expect(describeType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string \\| null');
    expect(describeType({ type: 'array', items: { type: 'string', format: 'email' } })).toBe('array of string (email)');
    expect(describeType({ enum: ['asc', 'desc'] })).toBe('"asc" \\| "desc"');
    expect(describeType({})).toBe('any');
  });
});
