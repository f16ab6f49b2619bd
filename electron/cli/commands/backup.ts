import { auditBackup, backupToFolder, createBackup, type BackupInfo } from '../../ledger/backup';
import { defaultBackupDir, formatLocal } from '../../ledger/backup-file';
import { checkOutputPath } from '../../ledger/output-path';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson } from '../command';

/** One line a clerk can read: when, where, what it holds. */
export function describeBackupInfo(b: BackupInfo): string {
  const s = b.stats;
  return `${formatLocal(new Date(b.createdAt), true)}  党员 ${s.members ?? 0} 名，组织 ${s.orgs ?? 0} 个，活动 ${s.activities ?? 0} 次  ${(b.bytes / 1024).toFixed(0)} KB`;
}

export const backup: CliCommand = {
  name: 'backup',
  summary: '备份台帐（加密，连同密钥槽写入一个文件；备份前后都会检查）',
  usage: 'npm run -s ledger -- backup --db FILE [--out FILE] [--force] [--json]',
  options: { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const out = typeof values.out === 'string' && values.out ? checkOutputPath(values.out, ledger.path, { force: values.force === true, backup: true }) : null;
      auditBackup(ledger);
      const info = out ? createBackup(ledger, out, { kind: 'manual', overwrite: values.force === true }) : backupToFolder(ledger, defaultBackupDir(ledger.path), 'manual');
      if (values.json) printJson(info);
      else process.stdout.write(`已备份到：${info.path}\n${describeBackupInfo(info)}\n备份已加密，需要台帐密码或恢复密钥才能打开。\n`);
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
