// Backups and restore of the encrypted ledger.
//
// A backup is taken with `VACUUM INTO` on the open connection, not with `db.backup()`:
// SQLite3MultipleCiphers refuses the online backup API when the destination is not keyed with the
// same cipher ("backup is not supported with incompatible source and target databases"), and
// better-sqlite3 opens the destination itself, unkeyed (no URI parameters: SQLITE_USE_URI=0).
// VACUUM INTO is what SQLite3MultipleCiphers recommends instead: it reads one consistent snapshot
// inside a read transaction (other writers carry on under WAL) and writes it encrypted with the
// main database's cipher and key. It is never a copy of a file in use. The snapshot is then
// opened, integrity- and foreign-key-checked and counted before it becomes a backup file.
import { randomBytes } from 'node:crypto';
import {
  closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { LedgerError } from '../../shared/errors';
import {
  type BackupEntry, type BackupHeader, type BackupKind, type BackupSummary, backupFileName, checkBackupFile,
  defaultBackupDir, encodeHeader, forEachChunk, freePathIn, hashBackupData, listBackups, openSummary, readBackupHeader, sealSummary, sha256OfRange,
} from './backup-file';
import { fsyncDir, fsyncFile, writeFileAtomic } from './atomic-file';
import { type KeyFile, parseKeyFile, unlockWithPassword, unlockWithRecoveryKey } from './keyring';
import { lockLedger } from './ledger-lock';
import { type Ledger, keysPathFor, openDatabase, openExistingDatabase, writeKeyFile } from './ledger';
import { SCHEMA_VERSION } from './migrate';
import { ledgerStats } from './stats';

export type BackupInfo = {
  path: string;
  createdAt: string;
  kind: BackupKind;
  ledgerId: string;
  schemaVersion: number;
  bytes: number;
  stats: Record<string, number>;
  counts: Record<string, number>;
  lastAuditId: number;
  createdBy: string;
};

/** How a backup is unlocked: the data key of an open ledger, a password, or the recovery key. */
export type BackupUnlock = { dataKey: Buffer } | { password: string } | { recoveryKey: string };

/** Rows per table, for every table in the ledger (so a new migration's tables count too). */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return out;
}

/** The newest audit entry that changed data: logins, locks and backups themselves change none. */
export function lastAuditId(db: Db): number {
  return (db.prepare("SELECT coalesce(max(id), 0) FROM audit_log WHERE entity NOT IN ('session', 'backup')").pluck().get() as number) ?? 0;
}

/** SQLite's own checks; an empty list means sound. */
export function sqliteProblems(db: Db): string[] {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const fk = (db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>).map(
    (r) => `foreign key: ${r.table} row ${r.rowid} → ${r.parent}`,
  );
  return [...integrity, ...fk];
}

type Snapshot = { stats: Record<string, number>; counts: Record<string, number>; lastAuditId: number; schemaVersion: number };

/** `stats` reads only `ledger.db`: a bare connection to a snapshot serves it as well. */
function snapshotStats(db: Db): Record<string, number> {
  return ledgerStats({ db } as unknown as Ledger);
}

/** Opens a snapshot file read-only with the key and proves it whole. */
function verifySnapshot(path: string, dataKey: Buffer, failCode: string, failMessage: string): Snapshot {
  let db: Db | undefined;
  try {
    db = openDatabase(path, dataKey, { readonly: true });
    const problems = sqliteProblems(db);
    if (problems.length) throw new LedgerError(failCode, failMessage, { problems: problems.slice(0, 10) });
    return { stats: snapshotStats(db), counts: tableCounts(db), lastAuditId: lastAuditId(db), schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    if (e instanceof LedgerError && e.code === failCode) throw e;
    throw new LedgerError(failCode, failMessage, { cause: String((e as Error)?.message ?? e) });
  } finally {
    db?.close();
  }
}

function tempBeside(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Copies `length` bytes of `from` (at `fromOffset`) to the end of an open fd. */
function appendBytes(toFd: number, from: string, fromOffset: number, length: number): void {
  forEachChunk(from, fromOffset, length, (chunk) => writeSync(toFd, chunk));
}

type Source = { db: Db; dataKey: Buffer; keys: KeyFile; createdBy: string };

/** The core of every backup: snapshot → verify → container, written atomically to `out`. */
function writeBackup(src: Source, out: string, kind: BackupKind, createdAt: Date, overwrite: boolean): BackupInfo {
  if (src.db.inTransaction) throw new LedgerError('BACKUP_BUSY', '正在保存其他修改，暂时不能备份。请稍后再试。');
  if (existsSync(out) && !overwrite) throw new LedgerError('BACKUP_EXISTS', `文件已存在，不会覆盖：${out}`, { path: out });
  mkdirSync(dirname(out), { recursive: true });
  const snapshot = tempBeside(out, 'snapshot');
  const part = tempBeside(out, 'part');
  try {
    src.db.prepare('VACUUM INTO ?').run(snapshot);
    fsyncFile(snapshot);
    const checked = verifySnapshot(snapshot, src.dataKey, 'BACKUP_FAILED', '备份没有通过检查，已放弃这次备份。请运行“检查台帐”，或联系管理员。');
    const dbBytes = statSync(snapshot).size;
    const dbSha256 = sha256OfRange(snapshot, 0, dbBytes);
    const summary: BackupSummary = { stats: checked.stats, counts: checked.counts, lastAuditId: checked.lastAuditId, createdBy: src.createdBy };
    const header: BackupHeader = {
      format: 'dangjian-ledger-backup',
      version: 1,
      createdAt: createdAt.toISOString(),
      kind,
      ledgerId: src.keys.ledgerId,
      schemaVersion: checked.schemaVersion,
      dbBytes,
      dbSha256,
      keys: src.keys,
      summary: sealSummary(src.dataKey, src.keys.ledgerId, dbSha256, summary),
    };
    const fd = openSync(part, 'w', 0o600);
    try {
      writeSync(fd, encodeHeader(header));
      appendBytes(fd, snapshot, 0, dbBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Read back what landed on disk: a backup nobody has re-read is a hope, not a backup.
    if (hashBackupData(readBackupHeader(part)) !== dbSha256) throw new LedgerError('BACKUP_FAILED', '备份文件写入后校验不符，已放弃这次备份。请检查磁盘或换一个位置。');
    renameSync(part, out);
    fsyncDir(dirname(out));
    return { path: out, createdAt: header.createdAt, kind, ledgerId: header.ledgerId, schemaVersion: header.schemaVersion, bytes: dbBytes, ...summary };
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC') throw new LedgerError('BACKUP_FAILED', `备份位置「${dirname(out)}」空间不足，备份没有完成。请清理磁盘或换一个位置。`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new LedgerError('BACKUP_FAILED', `没有权限写入「${dirname(out)}」，备份没有完成。请换一个位置。`);
    if (code === 'ENOENT') throw new LedgerError('BACKUP_FAILED', `找不到备份位置「${dirname(out)}」（U盘是否已拔出？），备份没有完成。`);
    throw e;
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(part, { force: true });
  }
}

/** A backup of an open ledger to `out` (manual: a file the person chose; auto: the folder). */
export function createBackup(ledger: Ledger, out: string, opts: { kind?: BackupKind; now?: Date; overwrite?: boolean } = {}): BackupInfo {
  return writeBackup(
    { db: ledger.db, dataKey: ledger.key, keys: ledger.keys, createdBy: ledger.actor.name },
    out, opts.kind ?? 'manual', opts.now ?? new Date(), opts.overwrite ?? false,
  );
}

/** A backup someone asked for is recorded (before it is taken, so the backup holds the entry). */
export function auditBackup(ledger: Ledger): void {
  ledger.tx(() => ledger.audit({ action: 'backup', entity: 'backup', summary: '手动备份' }));
}

/** A backup into the ledger's own backup folder, named by time and kind. */
export function backupToFolder(ledger: Ledger, dir: string, kind: BackupKind, now: Date = new Date()): BackupInfo {
  return createBackup(ledger, freePathIn(dir, backupFileName(ledger.path, now, kind)), { kind, now });
}

function readKeysIfAny(dbPath: string): KeyFile | null {
  try {
    return parseKeyFile(readFileSync(keysPathFor(dbPath), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The data key of a backup. A password is tried on the backup's own key slots (as they were
 * when it was made) and then on the current ledger's (the password may have changed since: the
 * data key never does).
 */
export async function unlockBackup(entry: BackupEntry, unlock: BackupUnlock, currentDbPath?: string): Promise<Buffer> {
  const current = currentDbPath ? readKeysIfAny(currentDbPath) : null;
  const slotFiles = [entry.header.keys, ...(current && current.ledgerId === entry.header.ledgerId ? [current] : [])];
  const fits = (key: Buffer | null | undefined): key is Buffer => !!key && openSummary(entry.header, key) !== null;
  if ('dataKey' in unlock) {
    if (fits(unlock.dataKey)) return unlock.dataKey;
    throw new LedgerError('BACKUP_OTHER_LEDGER', '这个备份属于另一个台帐，不能用当前台帐的密钥打开。请输入那个台帐的密码或恢复密钥。');
  }
  if ('password' in unlock) {
    for (const keys of slotFiles) {
      const key = (await unlockWithPassword(keys, unlock.password))?.dataKey;
      if (fits(key)) return key;
    }
    throw new LedgerError('WRONG_PASSWORD', '密码打不开这个备份。备份使用的是备份当时的密码；也可以用台帐的恢复密钥。');
  }
  for (const keys of slotFiles) {
    const key = unlockWithRecoveryKey(keys, unlock.recoveryKey);
    if (fits(key)) return key;
  }
  throw new LedgerError('WRONG_RECOVERY_KEY', '恢复密钥打不开这个备份。请核对恢复密钥（共 32 个字符，可不输入短横线）。');
}

function infoOf(entry: BackupEntry, summary: BackupSummary): BackupInfo {
  const h = entry.header;
  return { path: entry.path, createdAt: h.createdAt, kind: h.kind, ledgerId: h.ledgerId, schemaVersion: h.schemaVersion, bytes: h.dbBytes, ...summary };
}

/** What a backup holds (date, counts), after checking the file is whole. Changes nothing. */
export async function inspectBackup(file: string, unlock: BackupUnlock, currentDbPath?: string): Promise<BackupInfo> {
  const entry = checkBackupFile(file);
  const key = await unlockBackup(entry, unlock, currentDbPath);
  return infoOf(entry, openSummary(entry.header, key)!);
}

/** Backups of this ledger in a folder, newest first, with what each holds. */
export function describeBackups(dir: string, ledgerId: string, dataKey: Buffer): Array<BackupInfo & { ok: boolean }> {
  return listBackups(dir, ledgerId).map((entry) => {
    const summary = openSummary(entry.header, dataKey);
    let ok = summary !== null;
    try {
      ok = ok && hashBackupData(entry) === entry.header.dbSha256;
    } catch {
      ok = false;
    }
    return { ...infoOf(entry, summary ?? { stats: {}, counts: {}, lastAuditId: 0, createdBy: '' }), ok };
  });
}

export type RestoreResult = {
  restored: BackupInfo;
  /** The ledger as it was just before, kept as a backup (when it could still be read). */
  previousBackup: string | null;
  /** Files of a ledger that could not be read (damaged, or another ledger), renamed aside, still encrypted. */
  setAside: string[];
};

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/**
 * Replaces the ledger at `dbPath` with a backup. The ledger must be closed (the app locks it
 * first). The current ledger is kept first: as a "恢复前" backup when it can be read, otherwise
 * its files are renamed aside. Nothing is deleted.
 */
export async function restoreBackup(opts: {
  dbPath: string;
  from: string;
  unlock: BackupUnlock;
  now?: Date;
  backupDir?: string;
}): Promise<RestoreResult> {
  mkdirSync(dirname(opts.dbPath), { recursive: true }); // a new PC: the folder comes with the restore
  const release = lockLedger(opts.dbPath);
  try {
    return await restoreLocked(opts);
  } finally {
    release();
  }
}

async function restoreLocked(opts: Parameters<typeof restoreBackup>[0]): Promise<RestoreResult> {
  const { dbPath, from } = opts;
  const now = opts.now ?? new Date();
  const entry = checkBackupFile(from);
  const dataKey = await unlockBackup(entry, opts.unlock, dbPath);
  if (entry.header.schemaVersion > SCHEMA_VERSION) {
    throw new LedgerError('LEDGER_TOO_NEW', `这个备份由更新版本的程序创建（结构版本 ${entry.header.schemaVersion}，本程序支持到 ${SCHEMA_VERSION}）。请先升级本程序再恢复。`);
  }
  mkdirSync(dirname(dbPath), { recursive: true });
  const incoming = tempBeside(dbPath, 'restore');
  try {
    const fd = openSync(incoming, 'w', 0o600);
    try {
      appendBytes(fd, from, entry.dataOffset, entry.header.dbBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (sha256OfRange(incoming, 0, entry.header.dbBytes) !== entry.header.dbSha256) {
      throw new LedgerError('BACKUP_INVALID', '读取备份时出错（校验值不符），没有做任何改动。请换一个备份文件。');
    }
    verifySnapshot(incoming, dataKey, 'BACKUP_INVALID', '这个备份没有通过完整性检查，没有做任何改动。请换一个更早的备份。');

    const keysPath = keysPathFor(dbPath);
    const currentKeys = readKeysIfAny(dbPath);
    const sameLedger = currentKeys?.ledgerId === entry.header.ledgerId;
    let previousBackup: string | null = null;
    const setAside: string[] = [];
    if (existsSync(dbPath)) {
      if (sameLedger) {
        try {
          const db = openExistingDatabase(dbPath, dataKey);
          try {
            const dir = opts.backupDir ?? defaultBackupDir(dbPath);
            const out = freePathIn(dir, backupFileName(dbPath, now, 'beforeRestore'));
            previousBackup = writeBackup({ db, dataKey, keys: currentKeys!, createdBy: '恢复前自动保留' }, out, 'beforeRestore', now, false).path;
          } finally {
            db.close();
          }
        } catch (e) {
          if (!(e instanceof LedgerError) || e.code !== 'LEDGER_CORRUPT') throw e;
        }
      }
      if (!previousBackup) {
        // Damaged, or a different ledger: keep its files as they are, under a new name.
        const aside = `${dbPath}.replaced-${stamp(now)}`;
        for (const suffix of ['', '-wal', '-shm']) {
          if (existsSync(dbPath + suffix)) {
            renameSync(dbPath + suffix, aside + suffix);
            setAside.push(aside + suffix);
          }
        }
        if (currentKeys || existsSync(keysPath)) {
          writeFileAtomic(`${aside}.keys`, readFileSync(keysPath, 'utf8'));
          setAside.push(`${aside}.keys`);
        }
      }
    }
    // A WAL left beside the old file would be replayed onto the restored one: it is in the
    // "恢复前" backup (or set aside) already, so it goes.
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    // Same ledger and data key: keep today's key slots, so today's passwords keep working.
    // Another ledger, or a backup from before a data-key rotation: today's slots cannot open it,
    // so its own slots (as they were then) come with it — written before the file is moved in
    // (the old file is already set aside), so a crash between leaves "no ledger, restore again",
    // never a ledger whose slots do not fit and that says the password is wrong.
    if (!sameLedger || currentKeys?.dataKeyId !== entry.header.keys.dataKeyId) writeKeyFile(dbPath, entry.header.keys);
    renameSync(incoming, dbPath);
    fsyncDir(dirname(dbPath));
    return { restored: infoOf(entry, openSummary(entry.header, dataKey)!), previousBackup, setAside };
  } finally {
    rmSync(incoming, { force: true });
  }
}
