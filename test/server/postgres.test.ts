import { describe } from 'vitest';
import { postgresBackend } from './harness';
import { defineServerSuite } from './suite';

// Starts a real PostgreSQL with initdb/pg_ctl on a loopback port; prints why when it cannot.
describe('sync server on PostgreSQL', () => defineServerSuite(() => postgresBackend()));
