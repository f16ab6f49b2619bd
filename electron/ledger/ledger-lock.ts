// One process per ledger. While a ledger is open its `<ledger>.lock` exists, created with an
// exclusive open (O_CREAT|O_EXCL: atomic on Windows and Linux, no package needed) and holding who
// holds it. A second program is refused and told who. A lock left by a crash is stale when it
// names this computer and a process that no longer runs: it is then removed and taken. A lock
// from another computer (a ledger on a shared drive) is never guessed stale: the message says to
// close that program, or delete the .lock file if it is certain no program has the ledger open.
// Within one process the lock is counted, so the app may reopen what it already holds.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { LedgerError } from '../../shared/errors';
import { formatLocal } from './backup-file';

export type LockHolder = { pid: number; host: string; user: string; program: string; since: string };

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

const held = new Map<string, { fd: number; count: number }>();

function readHolder(path: string): LockHolder | null {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof j.pid === 'number' && typeof j.host === 'string' ? (j as LockHolder) : null;
  } catch {
    return null;
  }
}

export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Which program this is, in words: for the lock file and the audit log. */
export function programName(): string {
  if (process.versions.electron) return '党建台帐';
  const script = process.argv[1] ?? '';
  if (/demo/.test(script)) return '演示服务（npm run demo）';
  if (/cli/.test(script)) return '命令行（npm run ledger）';
  return `Node 程序 ${script}`.trim();
}

function describe(h: LockHolder | null): string {
  if (!h) return '另一个程序正在打开或关闭它';
  const since = Number.isNaN(Date.parse(h.since)) ? '' : `，${formatLocal(new Date(h.since), true)}起`;
  return `${h.program || '程序'}，电脑 ${h.host}，用户 ${h.user || '?'}，进程号 ${h.pid}${since}`;
}

function tryCreate(path: string): number | null {
  try {
    return openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return null;
    throw e;
  }
}

/** Takes the ledger's lock or throws LEDGER_IN_USE naming the holder. Returns the release. */
export function lockLedger(dbPath: string): () => void {
  const path = lockPathFor(dbPath);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
  } else {
    let fd = tryCreate(path);
    if (fd === null) {
      const holder = readHolder(path);
      const stale = holder !== null && holder.host === hostname() && holder.pid !== process.pid && !processRuns(holder.pid);
      if (stale) {
        rmSync(path, { force: true });
        fd = tryCreate(path);
      }
      if (fd === null) {
        const now = readHolder(path);
        throw new LedgerError('LEDGER_IN_USE', `台帐正在被另一个程序使用（${describe(now)}）。请先关闭那个程序再试；如果确定没有程序在用它，可以删除文件「${path}」。`, { holder: now, lockFile: path });
      }
    }
    const me: LockHolder = { pid: process.pid, host: hostname(), user: safeUser(), program: programName(), since: new Date().toISOString() };
    try {
      writeSync(fd, JSON.stringify(me));
    } catch (e) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw e;
    }
    held.set(path, { fd, count: 1 });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const entry = held.get(path);
    if (!entry || --entry.count > 0) return;
    held.delete(path);
    closeSync(entry.fd);
    rmSync(path, { force: true });
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
