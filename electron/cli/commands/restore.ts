import { basename, resolve } from 'node:path';
import { Ledger } from '../../ledger/ledger';
import { inspectBackup, restoreBackup, type BackupUnlock } from '../../ledger/backup';
import { LedgerError } from '../../../shared/errors';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson, requireString, secret } from '../command';
import { describeBackupInfo } from './backup';

/**
 * Restoring replaces everyone's work: the password must open the current ledger as an admin. A
 * ledger that no longer opens (damaged, missing) has no roles left to ask; then the password that
 * opens the backup is what there is (or the recovery key).
 */
async function requireAdminOfCurrent(values: Record<string, unknown>, cmd: CliCommand, password: string): Promise<void> {
  let ledger;
  try {
    ledger = await openLedgerFromArgs(values, cmd, password);
  } catch (e) {
    if (e instanceof LedgerError && UNREADABLE.has(e.code)) return;
    throw e;
  }
  ledger.close();
}

const UNREADABLE = new Set(['LEDGER_CORRUPT', 'LEDGER_NOT_FOUND', 'KEYS_MISSING', 'KEYS_CORRUPT']);

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
      : { password: await secret('LEDGER_PASSWORD', '管理员的台帐密码') };
    if ('password' in unlock && !values.show) await requireAdminOfCurrent(values, this, unlock.password);
    const shown = await inspectBackup(from, unlock, db);
    if (values.show) {
      if (values.json) printJson(shown);
      else process.stdout.write(`备份内容：${describeBackupInfo(shown)}\n（只显示，未做任何改动）\n`);
      return EXIT.ok;
    }
    if (!values.json) process.stdout.write(`将恢复的备份：${describeBackupInfo(shown)}\n`);
    const r = await restoreBackup({ dbPath: db, from, unlock });
    // Recorded in the restored ledger, by whoever it now opens for.
    const restored = 'password' in unlock ? await Ledger.open(db, unlock.password, { userName: process.env.LEDGER_USER || undefined }) : await Ledger.openWithRecoveryKey(db, unlock.recoveryKey);
    try {
      restored.tx(() => restored.audit({ action: 'restore', entity: 'backup', summary: `从备份恢复（命令行）：${basename(from)}`, after: { file: basename(from) } }));
    } finally {
      restored.close();
    }
    if (values.json) printJson(r);
    else {
      process.stdout.write(`已恢复到：${db}\n`);
      if (r.previousBackup) process.stdout.write(`恢复前的台帐已另存为备份：${r.previousBackup}\n`);
      for (const p of r.setAside) process.stdout.write(`原来无法读取的文件已改名保留：${p}\n`);
    }
    return EXIT.ok;
  },
};
