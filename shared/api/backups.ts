// Calls of 设置 → 备份与恢复: the backups of the open ledger, backing up now, what a backup
// holds, restoring one, and the automatic-backup settings. The renderer never sends a path: a
// backup is named by where it is (the data folder or the second folder) and its file name, and
// the file chosen for "备份到…" comes from the main process's own save dialog.
import { z } from 'zod';
import type { SessionStatus } from './session';
import { call } from './contract';

export type BackupPlace = 'data' | 'second';
export type BackupKindName = 'auto' | 'manual' | 'beforeRestore';

/** The counts a clerk recognises, from the backup's sealed summary. */
export type BackupCounts = { members: number; orgs: number; activities: number };

export type BackupRow = {
  place: BackupPlace;
  fileName: string;
  /** The folder it is in, as the clerk would find it in Explorer. */
  folder: string;
  createdAt: string;
  kind: BackupKindName;
  /** Size of the file on disk. */
  bytes: number;
  /** Null when the current key cannot read the summary (a backup made before a re-key, a damaged header). */
  counts: BackupCounts | null;
  createdBy: string | null;
};

export type BackupsOverview = {
  rows: BackupRow[];
  /** The ledger's own backup folder. */
  dataFolder: string;
  secondFolder: string | null;
  /** False when the second folder is set but missing now (USB stick not plugged in). */
  secondFolderAvailable: boolean;
  /** The desktop app can show a save dialog ("备份到…"); the browser demo downloads instead. */
  canChooseFile: boolean;
};

export type BackupSettingsView = { keepDaily: number; keepMonthly: number; secondDir: string | null; auto: boolean };

export type BackupDetail = BackupRow & { stats: Record<string, number>; lastAuditId: number };

export type RestoreOutcome = {
  restored: BackupDetail;
  /** File name of the "恢复前" backup of the ledger as it was, in the data folder. */
  previousBackup: string | null;
  /** The session after the restore: unlocked again with the same password, or locked with `notice`. */
  status: SessionStatus;
  notice: string | null;
};

/** A backup's file name only: no folders, no way out of the backup folder. */
const fileName = z
  .string({ message: '请选择一个备份' })
  .min(1, '请选择一个备份')
  .max(255, '文件名太长')
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.ledgerbak$/, '不是备份文件名')
  .refine((s) => !s.startsWith('.'), '不是备份文件名');
const backupRef = z.object({ place: z.enum(['data', 'second'], { message: '备份位置不正确' }), fileName });

export const backupsCalls = {
  'backups.list': call<BackupsOverview>()(z.object({})),
  /** 立即备份: a manual backup into the data folder. */
  'backups.create': call<BackupRow>()(z.object({})),
  /** 备份到…: the main process asks where (desktop app only); null when the person cancelled. */
  'backups.saveAs': call<{ path: string; bytes: number; createdAt: string } | null>()(z.object({})),
  /** The browser demo's 下载备份: a manual backup in the data folder, and its bytes. */
  'backups.download': call<{ fileName: string; data: Uint8Array; row: BackupRow }>()(z.object({})),
  /** What a backup holds, after checking the whole file: shown before a restore. */
  'backups.inspect': call<BackupDetail>()(backupRef),
  /** Admin only. The admin's own password again: it confirms the restore and reopens the ledger after it. */
  'backups.restore': call<RestoreOutcome>()(backupRef.extend({ password: z.string({ message: '请输入您的密码' }).min(1, '请输入您的密码') })),
  'backups.settings': call<BackupSettingsView>()(z.object({})),
  /** Admin only. */
  'backups.saveSettings': call<BackupSettingsView>()(
    z.object({
      keepDaily: z.number({ message: '请填写保留天数' }).int('保留天数应为整数').min(1, '每日备份至少保留 1 天').max(366, '每日备份最多保留 366 天'),
      keepMonthly: z.number({ message: '请填写保留月数' }).int('保留月数应为整数').min(0, '保留月数不能小于 0').max(120, '每月备份最多保留 120 个月'),
      secondDir: z
        .string()
        .trim()
        .max(1000, '路径太长')
        .nullish()
        .transform((s) => (s ? s : null)),
    }),
  ),
};
