import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Exclusive lock on a PGlite data folder. PGlite has no locking of its own, and two processes
 * writing the same folder silently lose data, so a second process must refuse to start.
 *
 * The lock is a file holding the owner's pid, host and start time. It is written to a temporary
 * file first and then hard-linked into place, which is atomic and fails if a lock exists: the
 * lock file never exists without its content. A lock whose process is gone is stale and is
 * taken over; so is one whose pid now belongs to a process started after the lock was written
 * (pid reuse, as after a container restart).
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
        `REGIONKRAFT_DATA_DIR to another folder. If you are sure no such process runs, delete ${lockFile}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export type DataDirLock = { lockFile: string; release: () => void };

/** Lock files this process holds (a second acquire in the same process must be refused too). */
const heldByThisProcess = new Set<string>();

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

/** When a process started (ms since epoch), from /proc on Linux; undefined elsewhere. */
export function processStartTime(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks since boot) comes after the ")" that ends the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const bootLine = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('btime '));
    const bootSeconds = Number(bootLine?.split(' ')[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return undefined;
    return (bootSeconds + ticks / 100) * 1000; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Pure decision: may the lock described by `owner` be taken over? */
export function isStaleLock(
  owner: LockOwner | undefined,
  here: { hostname: string; pid: number },
  probe: { alive: (pid: number) => boolean; startedAt: (pid: number) => number | undefined },
): boolean {
  if (!owner) return true; // unreadable: never a real lock, since locks appear with their content
  if (owner.hostname !== here.hostname) return false; // cannot check another host's processes
  if (owner.pid === here.pid) return true; // an earlier life of this pid (held locks are checked first)
  if (!probe.alive(owner.pid)) return true;
  const lockWritten = Date.parse(owner.startedAt);
  const processStarted = probe.startedAt(owner.pid);
  // The pid was reused by a process that started after the lock was written (2 s for clock granularity).
  return processStarted !== undefined && Number.isFinite(lockWritten) && processStarted > lockWritten + 2000;
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
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'regionkraft.lock');
  const here = { hostname: os.hostname(), pid: process.pid };
  const me: LockOwner = {
    ...here,
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  if (heldByThisProcess.has(lockFile)) throw new DataDirLockedError(lockFile, readOwner(lockFile) ?? me);

  const tmp = `${lockFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(tmp, lockFile);
        heldByThisProcess.add(lockFile);
        let released = false;
        return {
          lockFile,
          release: () => {
            if (released) return;
            released = true;
            heldByThisProcess.delete(lockFile);
            // Only remove the file if it is still ours.
            const owner = readOwner(lockFile);
            if (owner?.pid === process.pid && owner.startedAt === me.startedAt)
              fs.rmSync(lockFile, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(lockFile);
      if (!isStaleLock(owner, here, { alive: isProcessAlive, startedAt: processStartTime })) {
        throw new DataDirLockedError(lockFile, owner as LockOwner);
      }
      // Stale: move it aside (atomic), and put it back if a racing process had meanwhile
      // replaced it with a live lock of its own.
      const aside = `${lockFile}.stale-${process.pid}`;
      try {
        fs.renameSync(lockFile, aside);
        const moved = readOwner(aside);
        if (moved && moved.startedAt !== owner?.startedAt && isProcessAlive(moved.pid))
          fs.linkSync(aside, lockFile);
        fs.rmSync(aside, { force: true });
      } catch {
        // someone else removed or replaced it; look again
      }
    }
    throw new Error(`Could not take the lock ${lockFile}; try again.`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
