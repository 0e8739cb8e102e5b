#!/usr/bin/env node
// The `crm` command. The CLI is TypeScript run through tsx's loader, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
