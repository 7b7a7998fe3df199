import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, isProcessAlive } from './data-dir-lock.ts';

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

  it('takes over an unreadable (half-written) lock file', () => {
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
  });

  it('release does not remove a lock that another process has since taken', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(lock.lockFile, JSON.stringify({ pid: 1, hostname: os.hostname() }));
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(true);
  });
});
