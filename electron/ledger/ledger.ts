// The encrypted ledger: one SQLCipher file plus its key slots in `<file>.keys`.
// The database is keyed with the random data key (raw hex key: no SQLCipher PBKDF2 on every
// open); people unlock it with a password or the recovery key, which only unwrap that key.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import {
  type KeyFile, type KdfParams, DEFAULT_KDF, newRecoveryKey, parseKeyFile, passwordSlot, recoverySlot, keyFileChecksum, normalizeUserName, passwordSlotCount, serializeKeyFile, userTag,
  unlockWithRecoveryKey,
} from './keyring';
import { migrate } from './migrate';
import { writeFileAtomic } from './atomic-file';
import { withBackupHint } from './backup-file';
import { clearAttempts, throttledUnlock } from './unlock-throttle';
import { lockLedger, processRuns, programName } from './ledger-lock';
import { validatePassword } from './password-policy';
import { appendAudit, currentAnchor } from './audit-chain';
import { settleRotation } from './rotation-files';

export type Actor = { id: number | null; name: string; role: 'admin' | 'clerk' | 'system' };

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
};

/** `<ledger>.creating-<pid>`: a ledger being made by `create`, renamed into place when whole. */
export const CREATING = '.creating-';

export function keysPathFor(dbPath: string): string {
  return `${dbPath}.keys`;
}

/** Opens the SQLCipher file with a raw data key; throws LedgerError on a damaged file. */
export function openDatabase(path: string, dataKey: Buffer, opts: { readonly?: boolean } = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // The first read proves the key and the file: SQLITE_NOTADB when either is wrong.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Sorts and temporary tables stay in memory: SQLite's temp files are not encrypted.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof LedgerError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new LedgerError('LEDGER_CORRUPT', '台帐文件已损坏或不是本程序的台帐，无法打开。请从最近的备份恢复。', { path });
    }
    if (code === 'SQLITE_CANTOPEN') {
      throw new LedgerError('LEDGER_NOT_FOUND', `找不到台帐文件：${path}`, { path });
    }
    throw e;
  }
}

/**
 * Opens an existing ledger and proves the whole file is readable. quick_check costs ~5 ms per MB;
 * without it a damaged page shows up later as a stack trace in the middle of someone's work.
 */
export function openExistingDatabase(path: string, dataKey: Buffer): Db {
  // SQLite treats an empty file as a new database: a ledger emptied by a failed copy would be
  // silently re-created (and written to) instead of reported. A real ledger holds ≥ 1 page.
  if (existsSync(path) && statSync(path).size < 512) {
    throw new LedgerError('LEDGER_CORRUPT', '台帐文件是空的或不完整，无法打开。请从最近的备份恢复。', { path });
  }
  const db = openDatabase(path, dataKey);
  let problems: string[] = [];
  try {
    problems = (db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (e) {
    problems = [String((e as Error).message)];
  }
  if (problems.length > 0) {
    db.close();
    throw new LedgerError('LEDGER_CORRUPT', '台帐文件已损坏，无法打开。请从最近的备份恢复。', { path, problems: problems.slice(0, 5) });
  }
  return db;
}

export function readKeyFile(dbPath: string): KeyFile {
  const kp = keysPathFor(dbPath);
  if (!existsSync(dbPath)) throw new LedgerError('LEDGER_NOT_FOUND', `找不到台帐文件：${dbPath}`);
  if (!existsSync(kp)) throw new LedgerError('KEYS_MISSING', `找不到台帐的密钥文件（${kp}）。台帐文件和同名的 .keys 文件必须放在一起。`);
  return parseKeyFile(readFileSync(kp, 'utf8'));
}

export function writeKeyFile(dbPath: string, file: KeyFile): void {
  writeFileAtomic(keysPathFor(dbPath), serializeKeyFile(file));
}

/**
 * Temp files a crash left beside the ledger (atomic writes, a half-made `create`), by processes
 * that no longer run. Under the ledger's lock, so no live writer's file is touched.
 */
function removeStaleTemps(dbPath: string): void {
  const dir = dirname(dbPath);
  const base = basename(dbPath);
  const temp = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.keys|\\.attempts)?(?:\\.tmp-|${CREATING.replace('.', '\\.')})(\\d+)`);
  for (const name of readdirSync(dir)) {
    const pid = Number(temp.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processRuns(pid)) rmSync(join(dir, name), { force: true });
  }
}

export class Ledger {
  private constructor(
    readonly path: string,
    private database: Db,
    private keyFile: KeyFile,
    private dataKey: Buffer,
    public actor: Actor,
  ) {}

  /** Creates a new ledger; refuses to overwrite. Returns the recovery key, shown once. */
  static async create(path: string, password: string, opts: { userName?: string; kdf?: KdfParams } = {}): Promise<{ ledger: Ledger; recoveryKey: string }> {
    validatePassword(password, { userName: opts.userName ?? '管理员' });
    if (existsSync(path) || existsSync(keysPathFor(path))) {
      throw new LedgerError('LEDGER_EXISTS', `文件已存在，不会覆盖：${path}`);
    }
    const dataKey = randomBytes(32);
    const ledgerId = randomUUID();
    const recoveryKey = newRecoveryKey();
    const userName = opts.userName ?? '管理员';
    const adminSlot = await passwordSlot(ledgerId, dataKey, password, opts.kdf ?? DEFAULT_KDF, undefined, userName);
    const keyFile: KeyFile = { format: 'dangjian-ledger-keys', version: 1, ledgerId, dataKeyId: randomUUID(), slots: [adminSlot, recoverySlot(ledgerId, dataKey, recoveryKey)] };
    // Built whole under a temporary name and renamed into place: a full disk or a crash leaves
    // no half-made ledger that `init` would then refuse to replace.
    const building = `${path}${CREATING}${process.pid}`;
    let actor: Actor;
    const release = lockLedger(path);
    try {
      writeKeyFile(building, keyFile);
      const db = openDatabase(building, dataKey);
      try {
        migrate(db);
        const userId = Number(db.prepare('INSERT INTO users (name, role, slot_id, created_at) VALUES (?, ?, ?, ?)').run(userName, 'admin', adminSlot.id, nowIso()).lastInsertRowid);
        db.prepare("INSERT INTO settings (key, value) VALUES ('ledgerId', ?)").run(JSON.stringify(ledgerId));
        actor = { id: userId, name: userName, role: 'admin' };
        new Ledger(building, db, keyFile, dataKey, actor).audit({ action: 'create', entity: 'ledger', summary: '创建台帐' });
      } finally {
        db.close(); // checkpoints the WAL into the file: what is renamed is the whole ledger
      }
      renameSync(keysPathFor(building), keysPathFor(path));
      renameSync(building, path);
    } catch (e) {
      for (const p of [building, keysPathFor(building), `${building}-wal`, `${building}-shm`]) rmSync(p, { force: true });
      release();
      throw e;
    }
    const ledger = new Ledger(path, openDatabase(path, dataKey), keyFile, dataKey, actor);
    ledger.releaseLock = release;
    return { ledger, recoveryKey };
  }

  /**
   * `userName` says whose slot the password is tried on; it may be left out while the ledger has
   * one user. `now` is injectable so the wrong-password waits can be tested without sleeping.
   */
  static open(path: string, password: string, opts: { userName?: string; now?: () => number } = {}): Promise<Ledger> {
    return withBackupHint(path, () => Ledger.locked(path, () => Ledger.openUnchecked(path, password, opts.userName, opts.now)));
  }

  /**
   * Takes the ledger's lock (one process per ledger) before the key file is read, so what is
   * read is what the holder may write; keeps it with the opened ledger, or gives it back.
   */
  private static async locked(path: string, open: () => Ledger | Promise<Ledger>): Promise<Ledger> {
    const release = lockLedger(path);
    try {
      removeStaleTemps(path);
      const ledger = await open();
      ledger.releaseLock = release;
      return ledger;
    } catch (e) {
      release();
      throw e;
    }
  }

  private static async openUnchecked(path: string, password: string, userName?: string, now?: () => number): Promise<Ledger> {
    const keyFile = readKeyFile(path);
    if (userName === undefined && passwordSlotCount(keyFile) > 1) {
      throw new LedgerError('USER_REQUIRED', '这个台帐有多位用户：请先选择（或用 --user 指定）用户名，再输入密码。');
    }
    const unlocked = await throttledUnlock(path, keyFile, password, now, userName);
    settleRotation(path, unlocked.dataKey);
    const db = openExistingDatabase(path, unlocked.dataKey);
    migrate(db);
    const user = db.prepare('SELECT id, name, role, disabled_at FROM users WHERE slot_id = ?').get(unlocked.slotId) as
      | { id: number; name: string; role: 'admin' | 'clerk'; disabled_at: string | null } | undefined;
    if (!user || user.disabled_at) {
      db.close();
      throw new LedgerError('USER_DISABLED', '这个账户已停用。请联系管理员。');
    }
    if (userName !== undefined && normalizeUserName(userName) !== user.name) {
      // Only an untagged slot (written before tags) opens for another name: not this user's.
      db.close();
      throw new LedgerError('WRONG_PASSWORD', '用户名或密码不正确，请重新输入。');
    }
    const ledger = new Ledger(path, db, keyFile, unlocked.dataKey, { id: user.id, name: user.name, role: user.role });
    ledger.tagSlots();
    const { failures, lastFailureAt } = unlocked.before;
    ledger.tx(() => {
      if (failures > 0) {
        ledger.audit({ action: 'loginFailed', entity: 'session', summary: `登录前密码输错 ${failures} 次（最后一次 ${new Date(lastFailureAt).toISOString()}）`, after: { failures, lastFailureAt } });
      }
      ledger.audit({ action: 'login', entity: 'session', summary: `登录（${programName()}）` });
    });
    return ledger;
  }

  /** Opens with the recovery key, as the first admin (to reset a forgotten password). */
  static openWithRecoveryKey(path: string, recoveryKey: string): Promise<Ledger> {
    return withBackupHint(path, () => Ledger.locked(path, () => Ledger.openWithRecoveryKeyUnchecked(path, recoveryKey)));
  }

  private static openWithRecoveryKeyUnchecked(path: string, recoveryKey: string): Ledger {
    const keyFile = readKeyFile(path);
    const dataKey = unlockWithRecoveryKey(keyFile, recoveryKey);
    if (!dataKey) throw new LedgerError('WRONG_RECOVERY_KEY', '恢复密钥不正确。请核对打印或保存的恢复密钥（共 32 个字符，可不输入短横线）。');
    // Whoever holds the recovery key owns the ledger: past wrong passwords no longer count.
    clearAttempts(path);
    settleRotation(path, dataKey);
    const db = openExistingDatabase(path, dataKey);
    migrate(db);
    const admin = db.prepare("SELECT id, name FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id LIMIT 1").get() as { id: number; name: string } | undefined;
    const ledger = new Ledger(path, db, keyFile, dataKey, { id: admin?.id ?? null, name: admin ? `${admin.name}（恢复密钥）` : '恢复密钥', role: 'admin' });
    ledger.tx(() => ledger.audit({ action: 'login', entity: 'session', summary: `用恢复密钥登录（${programName()}）` }));
    return ledger;
  }

  private releaseLock: () => void = () => {};

  get db(): Db {
    return this.database;
  }

  /** After a data-key rotation: the re-encrypted file, opened with the new key, is the ledger. */
  adoptRotated(db: Db, dataKey: Buffer): void {
    this.database = db;
    this.dataKey = dataKey;
  }

  close(): void {
    try {
      if (this.db.open) this.anchorAudit();
    } finally {
      if (this.db.open) this.db.close();
      this.releaseLock();
    }
  }

  /**
   * Runs one user action atomically (BEGIN IMMEDIATE): all of it lands, or none of it. Called
   * inside another action it joins that transaction (no savepoint: an import of 5,000 rows would
   * otherwise pay for 5,000 of them), so an error anywhere rolls back the whole outer action.
   */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  audit(entry: AuditEntry): void {
    appendAudit(this.db, {
      at: nowIso(), user_id: this.actor.id, user_name: this.actor.name, action: entry.action, entity: entry.entity,
      entity_id: entry.entityId ?? null, summary: entry.summary ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    });
  }

  /** The key file's anchor for the newest audit entry, refreshed when it moved (at close). */
  anchorAudit(): void {
    const anchor = currentAnchor(this.db, this.dataKey);
    if (anchor && (anchor.id !== this.keyFile.auditAnchor?.id || anchor.mac !== this.keyFile.auditAnchor.mac)) this.saveKeys({ ...this.keyFile, auditAnchor: anchor });
  }

  /** Slots written before slots carried user tags get theirs, so a name picks one slot. */
  private tagSlots(): void {
    const names = new Map((this.db.prepare('SELECT slot_id, name FROM users').all() as { slot_id: string; name: string }[]).map((r) => [r.slot_id, r.name]));
    const untagged = (s: KeyFile['slots'][number]) => s.kind === 'password' && s.userTag === undefined && names.has(s.id);
    if (!this.keyFile.slots.some(untagged)) return;
    const id = this.keyFile.ledgerId;
    this.saveKeys({ ...this.keyFile, slots: this.keyFile.slots.map((s) => (untagged(s) ? { ...s, userTag: userTag(id, s.id, names.get(s.id)!) } : s)) });
  }

  get keys(): KeyFile {
    return this.keyFile;
  }

  /** Replaces the key slots on disk (after a password change, new user, …). */
  saveKeys(next: KeyFile): void {
    writeKeyFile(this.path, next);
    this.keyFile = { ...next, checksum: keyFileChecksum(next) };
  }

  /** The unwrapped data key, for wrapping new slots and opening backups of this ledger. */
  get key(): Buffer {
    return this.dataKey;
  }
}
