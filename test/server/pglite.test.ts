import { describe } from 'vitest';
import { pgliteBackend } from './harness';
import { defineServerSuite } from './suite';

describe('sync server on PGlite', () => defineServerSuite(() => pgliteBackend()));
