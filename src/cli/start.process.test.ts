/**
 * `regionkraft start` as a real OS process: persistence across restarts, the data-folder lock
 * against a second process, clean shutdown, recovery from a killed process, export/import.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { projectRoot } from '../server/config.ts';

const bin = path.join(projectRoot, 'bin', 'regionkraft.js');
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | string | null> };

function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  // The exit code, or the signal's name when a signal ended the process (shows in a failure).
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => out, exited };
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const proc = run(['start', '--no-build'], { PORT: String(port), REGIONKRAFT_DATA_DIR: dataDir });
  const deadline = Date.now() + 90_000;
  while (!proc.output().includes('Regionkraft is running')) {
    if (proc.child.exitCode !== null) throw new Error(`server exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...proc, url: `http://127.0.0.1:${port}` };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rk-proc-'));

/** Writes a marker value straight into the data folder (no write API exists yet). */
async function writeMarker(dataDir: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await database.migrate();
  await loadReferenceData(database.db, path.join(projectRoot, 'data'), '23');
  await database.db.execute(
    sql`INSERT INTO indicator_values (region_code, indicator_id, area_code, year, sex, value, source)
        VALUES ('23', 'population', '2380', 1850, 'total', 4242, 'marker')`,
  );
  await database.close();
}

async function markerValue(url: string) {
  const res = await fetch(`${url}/api/v1/indicators/population/values?area=2380&from=1850&to=1850`);
  const body = (await res.json()) as { values: { value: number }[] };
  return body.values[0]?.value;
}

describe('regionkraft start', () => {
  it('serves the municipalities, keeps data across a restart and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const first = await startServer(dataDir);
    const res = await fetch(`${first.url}/api/v1/areas?type=municipality`);
    const body = (await res.json()) as {
      total: number;
      items: { code: string; population: { value: number } }[];
    };
    expect(body.total).toBe(8);
    expect(body.items.every((m) => m.population.value > 0)).toBe(true);
    // No users yet: the one-time link for the first administrator is printed, and it works.
    const link = /(http:\/\/\S+)\/installera#token=([\w-]+)/.exec(first.output());
    expect(link).not.toBeNull();
    const setup = await fetch(`${first.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: link?.[2],
        email: 'first@test.example',
        name: 'First',
        password: 'the first password',
      }),
    });
    expect(setup.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Stopped cleanly');
    expect(fs.existsSync(path.join(dataDir, 'regionkraft.lock'))).toBe(false);

    await writeMarker(dataDir);
    const second = await startServer(dataDir);
    expect(await markerValue(second.url)).toBe(4242);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses a second process on the same data folder; the first keeps serving its data', async () => {
    const dataDir = tempDir();
    await writeMarker(dataDir);
    const first = await startServer(dataDir);
    const port = await freePort();
    const second = run(['start', '--no-build'], { PORT: String(port), REGIONKRAFT_DATA_DIR: dataDir });
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`is in use by process ${first.child.pid}`);
    // The first process is unharmed and its data intact.
    expect(first.child.exitCode).toBeNull();
    expect(await markerValue(first.url)).toBe(4242);
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('starts after a process was killed and left its lock behind', async () => {
    const dataDir = tempDir();
    const first = await startServer(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, 'regionkraft.lock'))).toBe(true);
    const second = await startServer(dataDir);
    expect((await fetch(`${second.url}/health/ready`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('releases the database and the lock when the start fails (port in use)', async () => {
    const dataDir = tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const proc = run(['start', '--no-build'], { PORT: String(port), REGIONKRAFT_DATA_DIR: dataDir });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('EADDRINUSE');
    blocker.close();
    expect(fs.existsSync(path.join(dataDir, 'regionkraft.lock'))).toBe(false);
  });

  it('stops cleanly when told to stop while still starting', async () => {
    const dataDir = tempDir();
    const proc = run(['start', '--no-build'], {
      PORT: String(await freePort()),
      REGIONKRAFT_DATA_DIR: dataDir,
    });
    while (!proc.output().includes('Opening the embedded database')) {
      await new Promise((r) => setTimeout(r, 20));
    }
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('Stopped cleanly');
    expect(proc.output()).not.toContain('Regionkraft is running');
    expect(fs.existsSync(path.join(dataDir, 'regionkraft.lock'))).toBe(false);
    // The folder it left is usable.
    const next = await startServer(dataDir);
    expect((await fetch(`${next.url}/health/ready`)).status).toBe(200);
    next.child.kill('SIGTERM');
    await next.exited;
  });

  it('exits with a clear message on a bad configuration', async () => {
    const proc = run(['start', '--no-build'], { PORT: 'eighty', REGIONKRAFT_DATA_DIR: tempDir() });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('PORT="eighty"');
  });
});

describe('regionkraft db export / import', () => {
  it('moves the data to a new data folder', async () => {
    const from = tempDir();
    const to = tempDir();
    await writeMarker(from);
    const file = path.join(tempDir(), 'dump.sql');
    const exported = run(['db', 'export', file], { REGIONKRAFT_DATA_DIR: from });
    expect(await exported.exited).toBe(0);
    expect(exported.output()).toMatch(/Exported \d+ rows/);
    const imported = run(['db', 'import', file], { REGIONKRAFT_DATA_DIR: to });
    expect(await imported.exited).toBe(0);
    const server = await startServer(to);
    expect(await markerValue(server.url)).toBe(4242);
    server.child.kill('SIGTERM');
    await server.exited;

    const bad = run(['db', 'import', path.join(tempDir(), 'nope.sql')], { REGIONKRAFT_DATA_DIR: to });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('No such file');
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['start', '--help'], ['db', 'export', '--help'], ['seed', '--help']]) {
      const proc = run(args, {});
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toContain('Usage: regionkraft');
    }
  });
});
