import { resolve } from 'node:path';
import { inspectBackup, restoreBackup, type BackupUnlock } from '../../ledger/backup';
import { type CliCommand, EXIT, printJson, requireString, secret } from '../command';
import { describeBackupInfo } from './backup';

export const restore: CliCommand = {
  name: 'restore',
  summary: '从备份恢复台帐（先显示备份内容；恢复前把现在的台帐另存为备份）',
  usage: 'npm run -s ledger -- restore --db FILE --from BACKUP [--recovery-key KEY] [--show] [--json]',
  options: {
    db: { type: 'string' }, from: { type: 'string' }, 'recovery-key': { type: 'string' }, show: { type: 'boolean' }, json: { type: 'boolean' },
  },
  async run({ values }) {
    const db = resolve(requireString(values, 'db', this));
    const from = resolve(requireString(values, 'from', this));
    const recoveryKey = values['recovery-key'];
    const unlock: BackupUnlock = typeof recoveryKey === 'string' && recoveryKey
      ? { recoveryKey }
      : { password: await secret('LEDGER_PASSWORD', '台帐密码（备份当时的密码或现在的密码）') };
    const shown = await inspectBackup(from, unlock, db);
    if (values.show) {
      if (values.json) printJson(shown);
      else process.stdout.write(`备份内容：${describeBackupInfo(shown)}\n（只显示，未做任何改动）\n`);
      return EXIT.ok;
    }
    if (!values.json) process.stdout.write(`将恢复的备份：${describeBackupInfo(shown)}\n`);
    const r = await restoreBackup({ dbPath: db, from, unlock });
    if (values.json) printJson(r);
    else {
      process.stdout.write(`已恢复到：${db}\n`);
      if (r.previousBackup) process.stdout.write(`恢复前的台帐已另存为备份：${r.previousBackup}\n`);
      for (const p of r.setAside) process.stdout.write(`原来无法读取的文件已改名保留：${p}\n`);
    }
    return EXIT.ok;
  },
};
