#!/usr/bin/env node
// Entry point of the `regionkraft` command. The sources are TypeScript, run directly through
// tsx so that no separate compile step is needed before `npm start`.

// Vite 8 and tsx's ESM hooks need Node 20.19+: say so plainly instead of failing obscurely.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[regionkraft] Node.js 20.19 or newer is required; this is ${process.versions.node}.`);
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/regionkraft.ts');
