import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Exclusive lock on a PGlite data folder. PGlite has no locking of its own, and two processes
 * writing the same folder silently lose data, so a second process must refuse to start.
 *
 * The lock is a file created with O_EXCL holding the owner's pid, host and start time.
 * A lock whose process no longer runs (on this host) is stale and is taken over.
 */
export type LockOwner = { pid: number; hostname: string; startedAt: string; command: string };

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockFile: string,
    public readonly owner: LockOwner,
  ) {
    super(
      `The data folder ${path.dirname(lockFile)} is in use by process ${owner.pid} on ${owner.hostname} ` +
        `(started ${owner.startedAt}: ${owner.command}). Stop that process first, or set ` +
        'REGIONKRAFT_DATA_DIR to another folder.',
    );
    this.name = 'DataDirLockedError';
  }
}

export type DataDirLock = { lockFile: string; release: () => void };

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? 'unknown'),
      startedAt: String(parsed.startedAt ?? 'unknown'),
      command: String(parsed.command ?? ''),
    };
  } catch {
    return undefined; // missing, half-written or garbage: treated as stale
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'regionkraft.lock');
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      return {
        lockFile,
        release: () => {
          if (released) return;
          released = true;
          // Only remove the file if it is still ours.
          if (readOwner(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockFile);
    const sameHost = owner ? owner.hostname === os.hostname() : true;
    if (owner && (!sameHost || isProcessAlive(owner.pid))) {
      // Another host's lock cannot be checked: refuse rather than risk two writers.
      throw new DataDirLockedError(lockFile, owner);
    }
    // Stale lock (its process is gone): remove it and try again. Renaming first makes the
    // removal atomic, so two processes racing for a stale lock cannot both win.
    const stale = `${lockFile}.stale-${process.pid}`;
    try {
      fs.renameSync(lockFile, stale);
      const moved = readOwner(stale);
      if (moved && moved.pid !== owner?.pid && isProcessAlive(moved.pid)) {
        // A racing process had already replaced the stale lock with its live one: put it back.
        fs.linkSync(stale, lockFile);
      }
      fs.rmSync(stale, { force: true });
    } catch {
      // someone else removed or replaced it; loop and look again
    }
  }
  throw new Error(`Could not take the lock ${lockFile}; try again.`);
}
