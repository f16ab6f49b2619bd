import { changePassword, resetPasswordWithRecoveryKey } from '../../ledger/users';
import { type CliCommand, EXIT, openLedgerFromArgs, requireString, secret } from '../command';

export const changePasswordCommand: CliCommand = {
  name: 'change-password',
  summary: '修改当前用户的密码（新密码取自 LEDGER_NEW_PASSWORD）',
  usage: 'npm run -s ledger -- change-password --db FILE',
  options: { db: { type: 'string' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      await changePassword(ledger, await secret('LEDGER_PASSWORD', '台帐密码'), await secret('LEDGER_NEW_PASSWORD', '新密码'));
      process.stdout.write('密码已修改。\n');
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};

export const resetPasswordCommand: CliCommand = {
  name: 'reset-password',
  summary: '用恢复密钥重设管理员密码（新密码取自 LEDGER_NEW_PASSWORD）',
  usage: 'npm run -s ledger -- reset-password --db FILE --recovery-key KEY',
  options: { db: { type: 'string' }, 'recovery-key': { type: 'string' } },
  async run({ values }) {
    const db = requireString(values, 'db', this);
    const key = requireString(values, 'recovery-key', this);
    const ledger = await resetPasswordWithRecoveryKey(db, key, await secret('LEDGER_NEW_PASSWORD', '新密码'));
    ledger.close();
    process.stdout.write('密码已重设，请用新密码登录。\n');
    return EXIT.ok;
  },
};
