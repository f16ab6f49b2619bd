// The backup container: ONE file holding the encrypted database snapshot and the key slots it
// needs, so a backup copied to a USB stick can never be separated from its keys.
//
//   "DJLEDGER-BACKUP\n" (16 bytes) | header length (uint32 BE) | header JSON | database bytes
//
// The header is readable without the password on purpose (when, which ledger, how big, a SHA-256
// of the database bytes): it lets the app list backups, spot a damaged one and name the newest
// good one when the ledger itself is damaged. Anything about the content (counts, who made it)
// sits in `summary`, sealed with AES-256-GCM under the ledger's data key. The database bytes are
// SQLCipher pages: no SQLite header, no schema, no names.
//
// Deliberately free of imports from ledger.ts: ledger.ts uses this module to name the newest
// good backup when the ledger file is damaged.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { KeyFileSchema, parseKeyFile } from './keyring';

export const BACKUP_MAGIC = Buffer.from('DJLEDGER-BACKUP\n', 'latin1');
export const BACKUP_EXT = '.ledgerbak';
/** Beside the ledger: `<folder of the ledger>/台帐备份/`. */
export const BACKUP_FOLDER_NAME = '台帐备份';
const MAX_HEADER_BYTES = 1 << 20;

export const BACKUP_KINDS = ['auto', 'manual', 'beforeRestore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = { auto: '自动', manual: '手动', beforeRestore: '恢复前' };

const b64 = z.string().regex(/^[A-Za-z0-9+/=]*$/);
const SealedSchema = z.object({ iv: b64, data: b64, tag: b64 });
type Sealed = z.infer<typeof SealedSchema>;

export const BackupHeaderSchema = z.object({
  format: z.literal('dangjian-ledger-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  kind: z.enum(BACKUP_KINDS),
  ledgerId: z.string().min(1),
  schemaVersion: z.number().int().nonnegative(),
  dbBytes: z.number().int().positive(),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
  keys: KeyFileSchema,
  summary: SealedSchema,
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** What a backup holds: readable only with the data key. */
export type BackupSummary = {
  /** What `stats` says of the snapshot (live members, orgs, activities …): the restore preview. */
  stats: Record<string, number>;
  /** Raw rows per table, every table: proves a restore brought back everything. */
  counts: Record<string, number>;
  /** The newest audit entry in the snapshot: a later close with nothing new needs no backup. */
  lastAuditId: number;
  createdBy: string;
};

export type BackupEntry = {
  path: string;
  header: BackupHeader;
  /** Where the database bytes start in the file. */
  dataOffset: number;
};

function summaryAad(ledgerId: string, dbSha256: string): Buffer {
  return Buffer.from(`dangjian-ledger-backup/${ledgerId}/${dbSha256}`, 'utf8');
}

export function sealSummary(dataKey: Buffer, ledgerId: string, dbSha256: string, summary: BackupSummary): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(summaryAad(ledgerId, dbSha256));
  const data = Buffer.concat([cipher.update(JSON.stringify(summary), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The summary, or null when the key is not this backup's data key. */
export function openSummary(header: BackupHeader, dataKey: Buffer): BackupSummary | null {
  try {
    const d = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(header.summary.iv, 'base64'));
    d.setAAD(summaryAad(header.ledgerId, header.dbSha256));
    d.setAuthTag(Buffer.from(header.summary.tag, 'base64'));
    const text = Buffer.concat([d.update(Buffer.from(header.summary.data, 'base64')), d.final()]).toString('utf8');
    return JSON.parse(text) as BackupSummary;
  } catch {
    return null;
  }
}

export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, len, json]);
}

function notABackup(path: string, why: string): LedgerError {
  return new LedgerError('BACKUP_INVALID', `「${basename(path)}」不是本程序的台帐备份，或已损坏（${why}）。请换一个备份文件。`, { path });
}

/** Reads and checks the header only (cheap: no hashing). Throws BACKUP_INVALID. */
export function readBackupHeader(path: string): BackupEntry {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new LedgerError('BACKUP_NOT_FOUND', `找不到备份文件：${path}`, { path });
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (size < head.length || readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw notABackup(path, '文件开头不对');
    }
    const len = head.readUInt32BE(BACKUP_MAGIC.length);
    if (len > MAX_HEADER_BYTES || head.length + len > size) throw notABackup(path, '文件头不完整');
    const json = Buffer.alloc(len);
    readSync(fd, json, 0, len, head.length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw notABackup(path, '文件头无法读取');
    }
    const header = BackupHeaderSchema.safeParse(parsed);
    if (!header.success) throw notABackup(path, '文件头格式不对');
    const dataOffset = head.length + len;
    if (size !== dataOffset + header.data.dbBytes) throw notABackup(path, '文件不完整，可能复制时中断了');
    return { path, header: header.data, dataOffset };
  } finally {
    closeSync(fd);
  }
}

/** Reads a byte range of a file in 1 MB chunks (a backup can be tens of MB). */
export function forEachChunk(path: string, offset: number, length: number, fn: (chunk: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let pos = offset;
    const end = offset + length;
    while (pos < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) throw new LedgerError('BACKUP_INVALID', `读取「${basename(path)}」时文件提前结束，文件不完整。`, { path });
      fn(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

export function sha256OfRange(path: string, offset: number, length: number): string {
  const hash = createHash('sha256');
  forEachChunk(path, offset, length, (c) => hash.update(c));
  return hash.digest('hex');
}

export function hashBackupData(entry: BackupEntry): string {
  return sha256OfRange(entry.path, entry.dataOffset, entry.header.dbBytes);
}

/** Header and checksum both good: the file is whole (whether the key fits is checked on open). */
export function checkBackupFile(path: string): BackupEntry {
  const entry = readBackupHeader(path);
  if (hashBackupData(entry) !== entry.header.dbSha256) throw notABackup(path, '校验值不符，文件内容已被改动或损坏');
  return entry;
}

/** The default backup folder of a ledger file. */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), BACKUP_FOLDER_NAME);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local time, as a clerk reads it: 2026-03-15 18:30. */
export function formatLocal(date: Date, withSeconds = false): string {
  const d = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${d}:${pad(date.getSeconds())}` : d;
}

/** `台帐-20260315-183000-自动.ledgerbak`: sorts by time, says what it is. */
export function backupFileName(dbPath: string, createdAt: Date, kind: BackupKind): string {
  const base = basename(dbPath, extname(dbPath)) || 'ledger';
  const stamp = `${createdAt.getFullYear()}${pad(createdAt.getMonth() + 1)}${pad(createdAt.getDate())}-${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}${pad(createdAt.getSeconds())}`;
  return `${base}-${stamp}-${BACKUP_KIND_LABELS[kind]}${BACKUP_EXT}`;
}

/** `name` in `dir`, or `name` with -2, -3 … when two backups land in the same second. */
export function freePathIn(dir: string, name: string): string {
  const stem = name.slice(0, -BACKUP_EXT.length);
  let candidate = join(dir, name);
  for (let i = 2; existsSync(candidate); i++) candidate = join(dir, `${stem}-${i}${BACKUP_EXT}`);
  return candidate;
}

/**
 * Every readable backup in a folder (newest first), optionally only those of one ledger.
 * Unreadable files are skipped, never touched.
 */
export function listBackups(dir: string, ledgerId?: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(BACKUP_EXT)) continue;
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const entry = readBackupHeader(path);
      if (ledgerId && entry.header.ledgerId !== ledgerId) continue;
      out.push(entry);
    } catch {
      // a half-copied or foreign file: listed by nobody, deleted by nobody
    }
  }
  return out.sort((a, b) => b.header.createdAt.localeCompare(a.header.createdAt) || b.path.localeCompare(a.path));
}

/** The ledger id from the keys file beside a ledger, if that file is readable. */
export function ledgerIdOf(dbPath: string): string | undefined {
  try {
    return parseKeyFile(readFileSync(`${dbPath}.keys`, 'utf8')).ledgerId;
  } catch {
    return undefined;
  }
}

/** The newest backup of this ledger whose checksum holds, from the given folders. */
export function newestGoodBackup(dbPath: string, dirs: string[] = [defaultBackupDir(dbPath)]): BackupEntry | null {
  const ledgerId = ledgerIdOf(dbPath);
  const all = dirs.flatMap((d) => listBackups(d, ledgerId)).sort((a, b) => b.header.createdAt.localeCompare(a.header.createdAt));
  for (const entry of all) {
    try {
      if (hashBackupData(entry) === entry.header.dbSha256) return entry;
    } catch {
      // unreadable now (USB stick pulled): try the next one
    }
  }
  return null;
}

/** Chinese: "2026-03-15 18:30 的备份「…」". */
export function describeBackup(entry: BackupEntry): string {
  return `${formatLocal(new Date(entry.header.createdAt))} 的备份「${entry.path}」`;
}

/** SQLite's own words for a damaged file, when they surface in the middle of work. */
const SQLITE_DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

/**
 * A damaged-ledger error with the newest good backup named in it, so the person reading it knows
 * exactly which file will bring the ledger back. Raw SQLite corruption errors become one too;
 * any other error is returned unchanged.
 */
export function withBackupHintError(dbPath: string, e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  const damaged = e instanceof LedgerError ? ['LEDGER_CORRUPT', 'KEYS_CORRUPT'].includes(e.code) : typeof code === 'string' && SQLITE_DAMAGE.has(code);
  if (!damaged) return e;
  const keys = e instanceof LedgerError && e.code === 'KEYS_CORRUPT';
  const newest = newestGoodBackup(dbPath);
  const what = keys ? '台帐的密钥文件已损坏' : '台帐文件已损坏或不完整';
  const message = newest
    ? `${what}，无法打开。最近的完好备份是 ${describeBackup(newest)}。请选择“从备份恢复”（命令行：restore --db 台帐文件 --from 备份文件），恢复前会先保留现在的文件。`
    : `${what}，无法打开，而且在「${defaultBackupDir(dbPath)}」里没有找到完好的备份。如果您在其他位置（如U盘）有备份，请选择“从备份恢复”并选中那个备份文件。`;
  const prior = e instanceof LedgerError ? (e.details as object | undefined) : { sqlite: code };
  const details = { ...prior, path: dbPath, newestBackup: newest ? { path: newest.path, createdAt: newest.header.createdAt } : null };
  return new LedgerError(keys ? 'KEYS_CORRUPT' : 'LEDGER_CORRUPT', message, details);
}

export async function withBackupHint<T>(dbPath: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw withBackupHintError(dbPath, e);
  }
}

