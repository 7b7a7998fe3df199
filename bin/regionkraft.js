#!/usr/bin/env node
// Entry point of the `regionkraft` command. The sources are TypeScript, run directly through
// tsx so that no separate compile step is needed before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/regionkraft.ts');
