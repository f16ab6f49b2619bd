// 设置 → 备份与恢复 over the backup services: list, back up now (to the data folder, to a file the
// main process's save dialog chose, or as a download in the browser demo), inspect, restore,
// settings. Restore and settings are the admin's.
//
// Restore asks for the admin's password again and reopens the ledger with it. Why not just leave
// the session locked: the person who restored wants to see at once that the data came back, and
// today's key slots are kept by restoreBackup, so today's password opens the restored ledger.
// Why ask at all: it replaces the whole ledger, and an unlocked screen left unattended must not
// be enough for that. When the reopen fails (the admin's account did not exist yet in that
// backup) the session stays locked and the outcome says why.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type {
  BackupCounts, BackupDetail, BackupPlace, BackupRow, BackupSettingsView, BackupsOverview,
} from '../../shared/api/backups';
import { LedgerError } from '../../shared/errors';
import {
  BACKUP_EXT, type BackupEntry, type BackupSummary, backupFileName, checkBackupFile, defaultBackupDir, formatLocal, listBackups, openSummary,
} from '../ledger/backup-file';
import { auditBackup, backupToFolder, createBackup, restoreBackup } from '../ledger/backup';
import { readBackupSettings, saveBackupSettings } from '../ledger/backup-schedule';
import { unlockWithPassword } from '../ledger/keyring';
import { Ledger } from '../ledger/ledger';
import type { HandlerMap } from './handlers';
import { status } from './session';
import type { SessionState } from './session-state';

/** Shows the desktop app's save dialog; resolves the chosen path, or null when cancelled. */
export type BackupSaveDialog = (suggestedName: string) => Promise<string | null>;

let saveDialog: BackupSaveDialog | null = null;

/** The Electron main process registers its save dialog here; the demo host has none. */
export function setBackupSaveDialog(fn: BackupSaveDialog | null): void {
  saveDialog = fn;
}

function requireAdmin(ledger: Ledger, what: string): void {
  if (ledger.actor.role !== 'admin') throw new LedgerError('FORBIDDEN', `只有管理员可以${what}。请用管理员账户登录。`);
}

function folders(ledger: Ledger): Record<BackupPlace, string | null> {
  return { data: defaultBackupDir(ledger.path), second: readBackupSettings(ledger).secondDir };
}

function countsOf(summary: BackupSummary | null): BackupCounts | null {
  if (!summary) return null;
  const s = summary.stats;
  return { members: s.members ?? 0, orgs: s.orgs ?? 0, activities: s.activities ?? 0 };
}

function fileSize(path: string, fallback: number): number {
  try {
    return statSync(path).size;
  } catch {
    return fallback;
  }
}

function rowOf(entry: BackupEntry, place: BackupPlace, summary: BackupSummary | null): BackupRow {
  const h = entry.header;
  return {
    place,
    fileName: basename(entry.path),
    folder: dirname(entry.path),
    createdAt: h.createdAt,
    kind: h.kind,
    bytes: fileSize(entry.path, h.dbBytes),
    counts: countsOf(summary),
    createdBy: summary?.createdBy || null,
  };
}

function rowFor(ledger: Ledger, path: string, place: BackupPlace): BackupRow {
  const entry = checkBackupFile(path);
  return rowOf(entry, place, openSummary(entry.header, ledger.key));
}

/**
 * Only the headers are read for the list (a checksum of every file would read every backup in
 * full on each visit); the whole file is checked when it is inspected before a restore.
 */
function overview(ledger: Ledger): BackupsOverview {
  const dirs = folders(ledger);
  const secondAvailable = dirs.second !== null && existsSync(dirs.second);
  const rows: BackupRow[] = [];
  for (const place of ['data', 'second'] as const) {
    const dir = dirs[place];
    if (!dir || (place === 'second' && (!secondAvailable || resolve(dir) === resolve(dirs.data!)))) continue;
    for (const entry of listBackups(dir, ledger.keys.ledgerId)) rows.push(rowOf(entry, place, openSummary(entry.header, ledger.key)));
  }
  rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.place.localeCompare(b.place));
  return { rows, dataFolder: dirs.data!, secondFolder: dirs.second, secondFolderAvailable: secondAvailable, canChooseFile: saveDialog !== null };
}

/** The path of a listed backup of this ledger; anything else is refused. */
function findBackup(ledger: Ledger, place: BackupPlace, fileName: string): string {
  const dir = folders(ledger)[place];
  const entry = dir ? listBackups(dir, ledger.keys.ledgerId).find((e) => basename(e.path) === fileName) : undefined;
  if (!entry) throw new LedgerError('BACKUP_NOT_FOUND', `找不到备份「${fileName}」：可能已被删除，或U盘已拔出。请刷新列表后再选。`);
  return entry.path;
}

function detailOf(ledger: Ledger, path: string, place: BackupPlace): BackupDetail {
  const entry = checkBackupFile(path);
  const summary = openSummary(entry.header, ledger.key);
  if (!summary) throw new LedgerError('BACKUP_OTHER_LEDGER', '当前台帐的密钥打不开这个备份，不能在这里恢复。');
  return { ...rowOf(entry, place, summary), stats: summary.stats, lastAuditId: summary.lastAuditId };
}

function settingsView(ledger: Ledger): BackupSettingsView {
  const s = readBackupSettings(ledger);
  return { keepDaily: s.keepDaily, keepMonthly: s.keepMonthly, secondDir: s.secondDir, auto: s.auto };
}

function checkSecondDir(ledger: Ledger, dir: string | null): string | null {
  if (dir === null) return null;
  if (!isAbsolute(dir)) throw new LedgerError('INVALID_INPUT', '第二备份位置请填写完整路径，例如 E:\\台帐备份。', { field: 'secondDir' });
  const full = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    // missing: said below
  }
  if (!isDir) throw new LedgerError('INVALID_INPUT', `找不到文件夹「${full}」。请插好U盘、建好文件夹后再保存。`, { field: 'secondDir' });
  if (full === resolve(defaultBackupDir(ledger.path))) throw new LedgerError('INVALID_INPUT', '第二备份位置不能和数据文件夹里的备份位置相同，请选U盘或另一块磁盘上的文件夹。', { field: 'secondDir' });
  return full;
}

/** Same person, same password: the slot the password opens must be the signed-in user's. */
async function confirmPassword(ledger: Ledger, password: string): Promise<void> {
  const slotId = ledger.db.prepare('SELECT slot_id FROM users WHERE id = ?').pluck().get(ledger.actor.id) as string | undefined;
  const opened = await unlockWithPassword({ ...ledger.keys, slots: ledger.keys.slots.filter((s) => s.id === slotId) }, password);
  if (!opened || !slotId || opened.slotId !== slotId) throw new LedgerError('WRONG_PASSWORD', '密码不正确，没有恢复。请输入您登录时用的密码。', { field: 'password' });
}

function auditExport(ledger: Ledger, summary: string, path: string): void {
  ledger.tx(() => ledger.audit({ action: 'export', entity: 'backup', summary, after: { file: basename(path) } }));
}

async function reopen(state: SessionState, password: string): Promise<string | null> {
  try {
    state.attach(await Ledger.open(state.ledgerPath, password));
    return null;
  } catch (e) {
    return e instanceof LedgerError ? `${e.message}（台帐已锁定，请重新输入密码。）` : '台帐已锁定，请重新输入密码。';
  }
}

type BackupMethods =
  | 'backups.list' | 'backups.create' | 'backups.saveAs' | 'backups.download'
  | 'backups.inspect' | 'backups.restore' | 'backups.settings' | 'backups.saveSettings';

export const backupsHandlers: HandlerMap<BackupMethods> = {
  'backups.list': (state) => overview(state.requireLedger()),
  'backups.create': (state) => {
    const ledger = state.requireLedger();
    auditBackup(ledger);
    const info = backupToFolder(ledger, defaultBackupDir(ledger.path), 'manual');
    return rowFor(ledger, info.path, 'data');
  },
  'backups.saveAs': async (state) => {
    const ledger = state.requireLedger();
    if (!saveDialog) throw new LedgerError('UNSUPPORTED', '这里不能选择保存位置，请用“下载备份”。');
    const chosen = await saveDialog(backupFileName(ledger.path, new Date(), 'manual'));
    if (!chosen) return null;
    // The dialog may have stayed open past the idle lock: back up only a ledger that is still open.
    const open = state.requireLedger();
    const out = chosen.toLowerCase().endsWith(BACKUP_EXT) ? chosen : chosen + BACKUP_EXT;
    // The dialog has already asked whether to replace an existing file.
    const info = createBackup(open, out, { kind: 'manual', overwrite: true });
    auditExport(open, `备份台帐到「${out}」`, out);
    return { path: info.path, bytes: fileSize(info.path, info.bytes), createdAt: info.createdAt };
  },
  'backups.download': (state) => {
    const ledger = state.requireLedger();
    const info = backupToFolder(ledger, defaultBackupDir(ledger.path), 'manual');
    const data = readFileSync(info.path);
    auditExport(ledger, `下载台帐备份「${basename(info.path)}」`, info.path);
    return { fileName: basename(info.path), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), row: rowFor(ledger, info.path, 'data') };
  },
  'backups.inspect': (state, { place, fileName }) => {
    const ledger = state.requireLedger();
    return detailOf(ledger, findBackup(ledger, place, fileName), place);
  },
  'backups.restore': async (state, { place, fileName, password }) => {
    const ledger = state.requireLedger();
    requireAdmin(ledger, '从备份恢复台帐');
    const from = findBackup(ledger, place, fileName);
    await confirmPassword(ledger, password);
    // Checked whole before anything is locked: a damaged backup changes nothing.
    const detail = detailOf(ledger, from, place);
    const dataKey = Buffer.from(ledger.key);
    const dbPath = ledger.path;
    state.lock();
    let result;
    try {
      result = await restoreBackup({ dbPath, from, unlock: { dataKey } });
    } catch (e) {
      await reopen(state, password);
      throw e;
    }
    const notice = await reopen(state, password);
    if (state.ledger) {
      const restoredLedger = state.ledger;
      restoredLedger.tx(() =>
        restoredLedger.audit({
          action: 'restore',
          entity: 'backup',
          summary: `从 ${formatLocal(new Date(detail.createdAt))} 的备份恢复台帐${result.previousBackup ? `，恢复前的台帐已保留为「${basename(result.previousBackup)}」` : ''}`,
          after: { from: fileName, previousBackup: result.previousBackup ? basename(result.previousBackup) : null },
        }),
      );
    }
    return { restored: detail, previousBackup: result.previousBackup ? basename(result.previousBackup) : null, status: status(state), notice };
  },
  'backups.settings': (state) => settingsView(state.requireLedger()),
  'backups.saveSettings': (state, input) => {
    const ledger = state.requireLedger();
    requireAdmin(ledger, '修改备份设置');
    saveBackupSettings(ledger, { keepDaily: input.keepDaily, keepMonthly: input.keepMonthly, secondDir: checkSecondDir(ledger, input.secondDir) });
    return settingsView(ledger);
  },
};

