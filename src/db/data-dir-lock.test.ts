import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  isProcessAlive,
  isStaleLock,
  type LockOwner,
  processStartTime,
} from './data-dir-lock.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rk-lock-'));

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const pid = Number(child.stdout.toString());
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

describe('acquireDataDirLock', () => {
  it('creates the folder and a lock file with our pid, removed on release', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(false);
  });

  it('refuses a second lock while the first is held, naming the holder', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`in use by process ${process.pid}`);
      // The failed attempt must not have removed the holder's lock.
      expect(fs.existsSync(lock.lockFile)).toBe(true);
    } finally {
      lock.release();
    }
    acquireDataDirLock(dir).release();
  });

  it('takes over a stale lock left by a process that no longer runs', () => {
    const dir = tempDir();
    const lockFile = path.join(dir, 'regionkraft.lock');
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), hostname: os.hostname(), startedAt: 'then', command: 'x' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a garbage lock file (a real lock never exists without its content)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'regionkraft.lock'), '{"pid": 12');
    acquireDataDirLock(dir).release();
  });

  it('refuses a lock held on another host, since it cannot be checked', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'regionkraft.lock'),
      JSON.stringify({ pid: deadPid(), hostname: 'some-other-host', startedAt: 'then', command: 'x' }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow('on some-other-host');
    expect(() => acquireDataDirLock(dir)).toThrow('delete ');
  });

  it('takes over a lock with our own pid from an earlier life (e.g. a restarted container)', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'regionkraft.lock'),
      JSON.stringify({
        pid: process.pid,
        hostname: os.hostname(),
        startedAt: '2020-01-01T00:00:00Z',
        command: 'x',
      }),
    );
    acquireDataDirLock(dir).release();
  });

  it('leaves no temporary files behind', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(fs.readdirSync(dir)).toEqual(['regionkraft.lock']);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('release does not remove a lock that another process has since taken', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(lock.lockFile, JSON.stringify({ pid: 1, hostname: os.hostname() }));
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(true);
  });
});

describe('isStaleLock', () => {
  const here = { hostname: 'h', pid: 100 };
  const owner = (o: Partial<LockOwner>): LockOwner => ({
    pid: 200,
    hostname: 'h',
    startedAt: '2026-01-01T10:00:00.000Z',
    command: 'x',
    ...o,
  });
  const lockTime = Date.parse('2026-01-01T10:00:00.000Z');
  const probe = (alive: boolean, startedAt?: number) => ({ alive: () => alive, startedAt: () => startedAt });

  it('keeps the lock of a live process that started before it wrote the lock', () => {
    expect(isStaleLock(owner({}), here, probe(true, lockTime - 500))).toBe(false);
  });
  it('keeps a live lock when the start time cannot be read', () => {
    expect(isStaleLock(owner({}), here, probe(true, undefined))).toBe(false);
  });
  it('takes over when the pid now belongs to a process started later (pid reuse)', () => {
    expect(isStaleLock(owner({}), here, probe(true, lockTime + 60_000))).toBe(true);
  });
  it('takes over when the process is gone, or the file is unreadable', () => {
    expect(isStaleLock(owner({}), here, probe(false))).toBe(true);
    expect(isStaleLock(undefined, here, probe(true))).toBe(true);
  });
  it("never takes over another host's lock", () => {
    expect(isStaleLock(owner({ hostname: 'other' }), here, probe(false))).toBe(false);
  });
});

describe('processStartTime', () => {
  it("reads this process's start time (Linux)", () => {
    const started = processStartTime(process.pid);
    if (process.platform !== 'linux') return expect(started).toBeUndefined();
    expect(started).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 5000);
    expect(started).toBeLessThanOrEqual(Date.now());
  });
});
