import { describeBackups, type BackupInfo } from '../../ledger/backup';
import { defaultBackupDir } from '../../ledger/backup-file';
import { readBackupSettings } from '../../ledger/backup-schedule';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson } from '../command';
import { describeBackupInfo } from './backup';

const KIND: Record<BackupInfo['kind'], string> = { auto: '自动', manual: '手动', beforeRestore: '恢复前' };

export const backups: CliCommand = {
  name: 'backups',
  summary: '列出台帐的备份（备份文件夹和第二备份位置），并检查每个备份是否完好',
  usage: 'npm run -s ledger -- backups --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const settings = readBackupSettings(ledger);
      const dirs = [defaultBackupDir(ledger.path), ...(settings.secondDir ? [settings.secondDir] : [])];
      const list = dirs.flatMap((dir) => describeBackups(dir, ledger.keys.ledgerId, ledger.key).map((b) => ({ ...b, folder: dir })));
      if (values.json) printJson({ folders: dirs, settings, backups: list });
      else {
        process.stdout.write(`备份文件夹：${dirs.join('；')}\n`);
        if (list.length === 0) process.stdout.write('还没有备份。\n');
        for (const b of list) {
          process.stdout.write(`${b.ok ? '完好' : '损坏'}  ${KIND[b.kind]}  ${describeBackupInfo(b)}\n      ${b.path}\n`);
        }
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
