/**
 * `regionkraft start` with DATABASE_URL: the same server on PostgreSQL. Runs in the PostgreSQL
 * pass (`npm run test:postgres`, which CI runs with TEST_DATABASE_URL); without a PostgreSQL
 * server it is reported as skipped.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../server/config.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('regionkraft start on PostgreSQL (DATABASE_URL)', () => {
  it('migrates, loads the reference data, serves, and two servers can share the database', async () => {
    const name = `rk_start_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    const children = [3301, 3302].map((offset) => {
      const port = 20000 + Math.floor(Math.random() * 20000) + offset;
      const child = spawn(
        process.execPath,
        [path.join(projectRoot, 'bin', 'regionkraft.js'), 'start', '--no-build'],
        {
          cwd: projectRoot,
          env: {
            ...process.env,
            DATABASE_URL: url.toString(),
            PORT: String(port),
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      return { child, port, output: () => out };
    });
    try {
      for (const c of children) {
        const deadline = Date.now() + 90_000;
        while (!c.output().includes('Regionkraft is running')) {
          if (c.child.exitCode !== null || Date.now() > deadline) throw new Error(c.output());
          await new Promise((r) => setTimeout(r, 100));
        }
        const res = await fetch(`http://127.0.0.1:${c.port}/api/v1/areas?type=municipality`);
        expect(((await res.json()) as { total: number }).total).toBe(8);
        const ready = (await (await fetch(`http://127.0.0.1:${c.port}/health/ready`)).json()) as {
          database: string;
        };
        expect(ready.database).toBe('postgres');
      }
      // Each migration was recorded once although two servers started together.
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      await check.end();
      const journal = JSON.parse(
        fs.readFileSync(path.join(projectRoot, 'src', 'db', 'migrations', 'meta', '_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      expect(rows[0].n).toBe(journal.entries.length);
    } finally {
      for (const c of children) {
        if (c.child.exitCode === null && c.child.signalCode === null) {
          c.child.kill('SIGTERM');
          await new Promise((r) => c.child.once('exit', r));
        }
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
