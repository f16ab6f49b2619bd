import { createDemoStreet, DEFAULT_DEMO_SEED } from '../../ledger/demo';
import { isIsoDate } from '../../../shared/dates';
import { type CliCommand, EXIT, UsageError, printJson, requireString, secret } from '../command';

export const demo: CliCommand = {
  name: 'demo',
  summary: '新建一个装有演示街道数据的加密台帐（用于试用、截图和测试），并显示恢复密钥',
  usage: 'npm run -s ledger -- demo --db FILE [--json] [--seed N] [--today YYYY-MM-DD]',
  options: { db: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' }, today: { type: 'string' } },
  async run({ values }) {
    const db = requireString(values, 'db', this);
    const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed 应为非负整数\n用法：${this.usage}`);
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today 应为 YYYY-MM-DD 格式的日期\n用法：${this.usage}`);
    const password = await secret('LEDGER_PASSWORD', '新台帐的密码');
    const { ledger, recoveryKey } = await createDemoStreet(db, password, { seed, today });
    ledger.close();
    if (values.json) printJson({ db, recoveryKey });
    else process.stdout.write(`已创建演示台帐：${db}\n恢复密钥（只显示这一次，请打印或抄写后妥善保管）：\n\n    ${recoveryKey}\n\n`);
    return EXIT.ok;
  },
};
