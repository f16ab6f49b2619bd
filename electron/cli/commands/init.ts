import { Ledger } from '../../ledger/ledger';
import { type CliCommand, EXIT, printJson, requireString, secret } from '../command';

export const init: CliCommand = {
  name: 'init',
  summary: '新建一个空的加密台帐，并显示恢复密钥',
  usage: 'npm run -s ledger -- init --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const db = requireString(values, 'db', this);
    const password = await secret('LEDGER_PASSWORD', '新台帐的密码');
    const { ledger, recoveryKey } = await Ledger.create(db, password);
    ledger.close();
    if (values.json) printJson({ db, recoveryKey });
    else process.stdout.write(`已创建台帐：${db}\n恢复密钥（只显示这一次，请打印或抄写后妥善保管）：\n\n    ${recoveryKey}\n\n`);
    return EXIT.ok;
  },
};
