/**
 * Renders docs/api.md from the contract (src/shared/contract): every method with its summary and
 * the JSON Schema of its input and output, the events, the result envelope and the error codes.
 * Pure: no file system, so test/shared/api-docs.test.ts can compare it with the committed file.
 * scripts/gen-api-docs.ts writes it (`npm run docs:api`).
 */
import { z } from 'zod';
import {
  contract,
  ERROR_CODES,
  events,
  HTTP_STATUS,
  METHOD_NAMES,
  type ErrorCode,
  type MethodName,
} from '../src/shared/contract';

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  default?: unknown;
  [key: string]: unknown;
};

/** What each code means to a caller, and the HTTP status web mode answers it with. */
const ERROR_DOCS: Record<ErrorCode, { meaning: string }> = {
  invalid_input: {
    meaning:
      'The input breaks the contract or a business rule (bad email or phone, unknown field, bad cursor). `issues` says where. Nothing was written.',
  },
  not_found: { meaning: 'No record with that id, or no method with that name.' },
  conflict: {
    meaning: 'The record or the database is not in a state that allows this (e.g. a database from a newer version).',
  },
  forbidden: { meaning: 'The caller may not do this.' },
  unavailable: { meaning: 'The database is busy or locked by another process; retry shortly.' },
  internal: { meaning: 'A bug. Nothing was written; the details are in the log of the process.' },
};

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** A short human reading of a JSON Schema node: `string`, `string | null`, `array of object`, `"asc" | "desc"`. */
export function describeType(node: JsonSchema | undefined): string {
  if (!node || Object.keys(node).length === 0) return 'any';
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const union = node.anyOf ?? node.oneOf;
  if (union) return union.map(describeType).join(' \\| ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  return (
    types
      .map((t) => {
        if (t === 'array') return `array of ${describeType(node.items)}`;
        if (t === 'string' && node.format) return `string (${node.format})`;
        return t;
      })
      .join(' \\| ') || 'any'
  );
}

function fieldTable(schema: JsonSchema, io: 'input' | 'output'): string[] {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) return ['_No fields._', ''];
  const required = new Set(schema.required ?? []);
  const lines = ['| Field | Type | Required |', '| --- | --- | --- |'];
  for (const name of names) {
    const prop = props[name];
    const optional = !required.has(name) ? (io === 'input' ? 'no' : 'may be absent') : 'yes';
    const fallback = prop?.default !== undefined ? ` (default ${JSON.stringify(prop.default)})` : '';
    lines.push(`| \`${name}\` | ${describeType(prop)}${fallback} | ${optional} |`);
  }
  return [...lines, ''];
}

function jsonBlock(schema: JsonSchema, label: string): string[] {
  return [
    '<details>',
    `<summary>${label} JSON Schema</summary>`,
    '',
    '```json',
    JSON.stringify(schema, null, 2),
    '```',
    '',
    '</details>',
    '',
  ];
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function methodSection(name: MethodName): string[] {
  const def = contract[name];
  const input = toJsonSchema(def.input, 'input');
  const output = toJsonSchema(def.output, 'output');
  const [domain, verb] = name.split('.') as [string, string];
  return [
    `### \`${name}\``,
    '',
    def.summary,
    '',
    `IPC: \`window.crm.${domain}.${verb}(input)\` · HTTP: \`POST /api/${name}\` · CLI: \`crm api ${name} '<json>'\``,
    '',
    '**Input**',
    '',
    ...fieldTable(input, 'input'),
    ...jsonBlock(input, 'Input'),
    '**Output** (the `value` of a successful result)',
    '',
    ...fieldTable(output, 'output'),
    ...jsonBlock(output, 'Output'),
  ];
}

function eventSection(name: keyof typeof events): string[] {
  const def = events[name];
  const payload = toJsonSchema(def.payload, 'output');
  return [`### \`${name}\``, '', def.summary, '', ...fieldTable(payload, 'output'), ...jsonBlock(payload, 'Payload')];
}

export function renderApiDocs(): string {
  const domains = [...new Set(METHOD_NAMES.map((m) => m.split('.')[0]))];
  const lines: string[] = [
    '# API reference',
    '',
    '<!-- Generated from src/shared/contract by `npm run docs:api` (scripts/gen-api-docs.ts). Do not edit by hand:',
    '     test/shared/api-docs.test.ts fails when this file and the contract disagree. -->',
    '',
    'Every operation of the workspace is one method of the contract in `src/shared/contract`: a name',
    '`<domain>.<verb>`, a zod schema for its input and one for its output. The same dispatcher answers',
    'through three doors, so a method behaves the same whichever door it is called through.',
    '',
    '## The three doors',
    '',
    '- **Electron IPC** (the desktop app): the sandboxed preload exposes `window.crm`, built from the',
    '  contract. `await window.crm.contacts.create({ firstName: "Ana" })` resolves to a result',
    '  envelope (below); it never rejects for an expected error. `window.crm.on("changes", cb)`',
    '  subscribes to an event and returns the function that unsubscribes.',
    '- **HTTP** (web mode, `crm serve` / `npm run web`): bound to 127.0.0.1 with a fresh random token',
    '  at every start, printed as `#token=…` in the URL on the first line of standard output.',
    '  `POST /api/<method>` with `Authorization: Bearer <token>` and the input as a JSON body; the',
    '  response body is the result envelope, with an HTTP status from the error code (table below).',
    '  A missing or wrong token gets `401` with an empty body. Events arrive as server-sent events at',
    '  `GET /api/events` (same token), `event: <name>` with the payload as JSON `data`. The language',
    '  of messages follows the `X-CRM-Locale` or `Accept-Language` header (`en`, `es`).',
    "- **CLI**: `crm api <method> '<json input>' [--db PATH] [--lang es]` (input `-` reads standard",
    '  input) prints the `value` as JSON, or the error on standard error with a non-zero exit code',
    '  (2 for `invalid_input`, 1 otherwise). The other `crm` commands (`init`, `serve`, `doctor`,',
    '  `seed`, `search`) call the same services.',
    '',
    '## Result envelope',
    '',
    'Nothing throws across a door. Every call answers with one of:',
    '',
    '```ts',
    '{ ok: true, value: Output }',
    '{ ok: false, error: { code, key, params?, message, issues?: [{ path, key, params?, message }] } }',
    '```',
    '',
    '- `code`: one of the closed list below.',
    '- `key` and `params`: a message key of the shared catalogue (`src/shared/i18n`) for the caller to',
    "  translate itself; `message` is already translated in the caller's language.",
    '- `issues` (for `invalid_input`): one per problem, `path` pointing into the input',
    '  (`["emails", 0, "value"]`).',
    '',
    '## Error codes',
    '',
    '| Code | HTTP | Meaning |',
    '| --- | --- | --- |',
    ...ERROR_CODES.map((code) => `| \`${code}\` | ${HTTP_STATUS[code]} | ${ERROR_DOCS[code].meaning} |`),
    '',
    '## Methods',
    '',
    ...domains.flatMap((domain) => [
      `- **${domain}**: ${METHOD_NAMES.filter((m) => m.startsWith(`${domain}.`))
        .map((m) => `[\`${m}\`](#${anchor(m)})`)
        .join(', ')}`,
    ]),
    '',
    ...domains.flatMap((domain) => [
      `## ${domain}`,
      '',
      ...METHOD_NAMES.filter((m) => m.startsWith(`${domain}.`)).flatMap(methodSection),
    ]),
    '## Events',
    '',
    ...(Object.keys(events) as (keyof typeof events)[]).flatMap(eventSection),
  ];
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
