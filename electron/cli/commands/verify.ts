import { settingFindings } from '../../ledger/org-setting';
import { verifyLedger } from '../../ledger/verify';
import { type CliCommand, EXIT, openLedgerFromArgs, printJson } from '../command';

export const verify: CliCommand = {
  name: 'verify',
  summary: '检查台帐文件的完整性和数据规则',
  usage: 'npm run -s ledger -- verify --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const findings = verifyLedger(ledger);
      // 组织设置规则 broken today are 提示 (hints): listed, never a failure nor a change of exit code.
      const hints = settingFindings(ledger);
      if (values.json) printJson({ ok: findings.length === 0, findings, hints });
      else {
        if (findings.length === 0) process.stdout.write('检查通过：台帐完好。\n');
        else for (const f of findings) process.stdout.write(`问题：${f.message}（${f.count} 处）\n`);
        for (const h of hints) process.stdout.write(`提示：${h.orgName}：${h.message}\n`);
      }
      return findings.length === 0 ? EXIT.ok : EXIT.problems;
    } finally {
      ledger.close();
    }
  },
};
