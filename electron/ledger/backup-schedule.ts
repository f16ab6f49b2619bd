// Automatic backups: on close and once a day while the app is open, into the ledger's backup
// folder and, when set, a second folder (a USB stick). Old automatic backups are thinned to the
// newest of each of the last 7 days and of the last 12 months (configurable). Backups a person
// made by hand are never deleted; "恢复前" backups keep the newest few.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { type BackupEntry, defaultBackupDir, listBackups, openSummary } from './backup-file';
import { type BackupInfo, backupToFolder, lastAuditId } from './backup';
import type { Ledger } from './ledger';

export const BackupSettingsSchema = z.object({
  /** A second folder that receives a copy of every automatic backup (a USB stick), or null. */
  secondDir: z.string().min(1).nullable(),
  keepDaily: z.number().int().min(1).max(366),
  keepMonthly: z.number().int().min(0).max(120),
  keepBeforeRestore: z.number().int().min(1).max(100),
  /** Automatic backups on close and daily; off only for someone who backs up by other means. */
  auto: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { secondDir: null, keepDaily: 7, keepMonthly: 12, keepBeforeRestore: 5, auto: true };

const SETTINGS_KEY = 'backup';

export function readBackupSettings(ledger: Ledger): BackupSettings {
  const row = ledger.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined;
  if (!row) return DEFAULT_BACKUP_SETTINGS;
  try {
    const parsed = BackupSettingsSchema.partial().safeParse(JSON.parse(row));
    return parsed.success ? { ...DEFAULT_BACKUP_SETTINGS, ...parsed.data } : DEFAULT_BACKUP_SETTINGS;
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

export function saveBackupSettings(ledger: Ledger, input: Partial<BackupSettings>): BackupSettings {
  const before = readBackupSettings(ledger);
  const parsed = BackupSettingsSchema.safeParse({ ...before, ...input });
  if (!parsed.success) throw new LedgerError('INVALID_INPUT', '备份设置不正确：保留天数至少 1，保留月数 0 到 120。');
  const next = parsed.data;
  ledger.tx(() => {
    ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(next));
    ledger.audit({ action: 'update', entity: 'settings', summary: '修改备份设置', before, after: next });
  });
  return next;
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function localMonth(d: Date): string {
  return localDay(d).slice(0, 7);
}

export type RetentionItem = { path: string; createdAt: Date; kind: BackupEntry['header']['kind'] };

/**
 * Which backups to delete. Automatic ones: the newest of each of the last `keepDaily` days that
 * have a backup, and the newest of each of the last `keepMonthly` months, are kept. The newest
 * `keepBeforeRestore` "恢复前" backups are kept. Manual backups are always kept.
 */
export function planRetention(items: RetentionItem[], s: Pick<BackupSettings, 'keepDaily' | 'keepMonthly' | 'keepBeforeRestore'>): { keep: string[]; remove: string[] } {
  const newestFirst = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const auto = newestFirst.filter((i) => i.kind === 'auto');
  const days = new Set<string>();
  const months = new Set<string>();
  for (const i of auto) {
    const day = localDay(i.createdAt);
    if (!days.has(day) && days.size < s.keepDaily) {
      days.add(day);
      keep.add(i.path);
    }
    const month = localMonth(i.createdAt);
    if (!months.has(month) && months.size < s.keepMonthly) {
      months.add(month);
      keep.add(i.path);
    }
  }
  newestFirst.filter((i) => i.kind === 'beforeRestore').slice(0, s.keepBeforeRestore).forEach((i) => keep.add(i.path));
  newestFirst.filter((i) => i.kind === 'manual').forEach((i) => keep.add(i.path));
  return { keep: newestFirst.filter((i) => keep.has(i.path)).map((i) => i.path), remove: newestFirst.filter((i) => !keep.has(i.path)).map((i) => i.path) };
}

/** Applies the retention plan to one folder; only this ledger's readable backups are considered. */
export function pruneBackups(dir: string, ledgerId: string, s: BackupSettings, now: Date = new Date()): string[] {
  const items = listBackups(dir, ledgerId).map((e) => ({ path: e.path, createdAt: new Date(e.header.createdAt), kind: e.header.kind }));
  const { remove } = planRetention(items, s);
  for (const p of remove) rmSync(p, { force: true });
  return [...remove, ...sweepStaleTemps(dir, now)];
}

/** Temp files of a backup cut short (power cut, killed app): encrypted, but clutter. */
const TEMP_NAME = /^\..+\.(snapshot|part)-\d+-[0-9a-f]{8}$/;

export function sweepStaleTemps(dir: string, now: Date = new Date(), olderThanMs = 60 * 60 * 1000): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!TEMP_NAME.test(name)) continue;
    const p = join(dir, name);
    try {
      if (now.getTime() - statSync(p).mtimeMs > olderThanMs) {
        rmSync(p, { force: true });
        removed.push(p);
      }
    } catch {
      // gone already
    }
  }
  return removed;
}

export type AutoBackupResult = {
  backup: BackupInfo;
  /** Where the copy in the second folder went, if one was made. */
  copy: string | null;
  removed: string[];
  /** Chinese sentences for the status bar: the second folder missing, and the like. */
  warnings: string[];
};

export type AutoBackupReason = 'daily' | 'close';

/** Whether an automatic backup is due now: none yet today (daily), or changes since the last one (close). */
export function autoBackupDue(ledger: Ledger, reason: AutoBackupReason, now: Date = new Date(), dir = defaultBackupDir(ledger.path)): boolean {
  if (!readBackupSettings(ledger).auto) return false;
  const newest = listBackups(dir, ledger.keys.ledgerId).find((e) => e.header.kind === 'auto' || e.header.kind === 'manual');
  if (!newest) return true;
  if (reason === 'daily') {
    const newestAuto = listBackups(dir, ledger.keys.ledgerId).find((e) => e.header.kind === 'auto');
    return !newestAuto || localDay(new Date(newestAuto.header.createdAt)) !== localDay(now);
  }
  const summary = openSummary(newest.header, ledger.key);
  return !summary || summary.lastAuditId !== lastAuditId(ledger.db);
}

function copyInto(file: string, dir: string): string {
  const dest = join(dir, basename(file));
  const part = `${dest}.part`;
  copyFileSync(file, part);
  const fd = openSync(part, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(part, dest);
  return dest;
}

/**
 * Takes an automatic backup when one is due, copies it to the second folder, and thins both
 * folders. Returns null when nothing was due. Throws LedgerError only when the main backup failed.
 */
export function runAutoBackup(ledger: Ledger, reason: AutoBackupReason, opts: { now?: Date; dir?: string; force?: boolean } = {}): AutoBackupResult | null {
  const now = opts.now ?? new Date();
  const dir = opts.dir ?? defaultBackupDir(ledger.path);
  const settings = readBackupSettings(ledger);
  if (!opts.force && !autoBackupDue(ledger, reason, now, dir)) return null;
  const backup = backupToFolder(ledger, dir, 'auto', now);
  const warnings: string[] = [];
  const removed = pruneBackups(dir, ledger.keys.ledgerId, settings, now);
  let copy: string | null = null;
  if (settings.secondDir) {
    if (!existsSync(settings.secondDir)) {
      warnings.push(`第二备份位置「${settings.secondDir}」不可用（U盘是否已插好？），这次只备份到了「${dir}」。`);
    } else {
      try {
        copy = copyInto(backup.path, settings.secondDir);
        removed.push(...pruneBackups(settings.secondDir, ledger.keys.ledgerId, settings, now));
      } catch (e) {
        warnings.push(`复制到第二备份位置「${settings.secondDir}」失败（${(e as Error).message}），这次只备份到了「${dir}」。`);
      }
    }
  }
  return { backup, copy, removed, warnings };
}

/**
 * Starts the daily check for the app: once at start and then every `everyMs` (hourly), a backup
 * is taken when the day has none. Returns a stop function. The close backup is the caller's:
 * `runAutoBackup(ledger, 'close')` just before `ledger.close()`.
 */
export function scheduleDailyBackups(
  getLedger: () => Ledger | null,
  onResult: (r: AutoBackupResult | null, error?: unknown) => void = () => {},
  everyMs = 60 * 60 * 1000,
): () => void {
  const tick = () => {
    const ledger = getLedger();
    if (!ledger || ledger.db.inTransaction) return;
    try {
      onResult(runAutoBackup(ledger, 'daily'));
    } catch (e) {
      onResult(null, e);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
