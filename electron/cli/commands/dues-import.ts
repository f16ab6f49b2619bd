import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isIsoDate } from '../../../shared/dates';
import { LedgerError } from '../../../shared/errors';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';
import { issueLines } from './import-members';

export const duesImport: CliCommand = {
  name: 'dues-import',
  summary: '导入党费收缴表（姓名、身份证号，1月…12月 的金额或 ✓，或 缴费月份 一列），按身份证号登记交纳',
  usage: 'npm run -s ledger -- dues-import FILE --db LEDGER [--year 2025] [--paid-on YYYY-MM-DD] [--dry-run] [--skip-invalid] [--rejects OUT.xlsx] [--json]',
  options: {
    db: { type: 'string' }, year: { type: 'string' }, 'paid-on': { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' },
    rejects: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError(`请给出一个要导入的文件。\n用法：${this.usage}`);
    requireString(values, 'db', this);
    const year = typeof values.year === 'string' ? Number(values.year) : undefined;
    if (year !== undefined && !(/^\d{4}$/.test(String(values.year)) && year >= 1990 && year <= 2100)) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    for (const k of ['paid-on', 'today'] as const) {
      if (typeof values[k] === 'string' && !isIsoDate(values[k])) throw new UsageError(`--${k} 应为 年-月-日，例如 2025-03-15\n用法：${this.usage}`);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new UsageError(`找不到或无法打开文件：${file}`);
    }
    const { commitDuesImport, duesRejects, planDuesImport } = await import('../../import/dues');
    const fileName = basename(file);
    const dryRun = Boolean(values['dry-run']);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      let plan: ReturnType<typeof planDuesImport>;
      try {
        plan = planDuesImport(ledger, bytes, fileName, {
          year, paidOn: values['paid-on'] as string | undefined, skipInvalid: Boolean(values['skip-invalid']), today: values.today as string | undefined,
        });
      } catch (e) {
        if (!(e instanceof LedgerError)) throw e;
        process.stderr.write(`错误：${e.message}\n`);
        if (values.json) printJson({ file: fileName, format: null, written: false, error: { code: e.code, message: e.message } });
        return EXIT.usage;
      }
      const report = commitDuesImport(ledger, plan, { dryRun });
      if (typeof values.rejects === 'string' && values.rejects) {
        const out = await duesRejects(plan);
        if (out) {
          writeFileSync(values.rejects, out, { mode: 0o600 });
          process.stderr.write(`已把 ${report.rows - report.valid} 行有错误的数据写入 ${values.rejects}（最后一列为错误原因）。\n`);
        } else process.stderr.write('没有有错误的行，未生成错误行文件。\n');
      }
      if (values.json) printJson(report);
      else {
        const lines = [`文件：${report.file}（${report.format}），${report.year} 年，数据 ${report.rows} 行，无错误 ${report.valid} 行。`];
        for (const f of report.fileErrors) lines.push(`  错误 ${f.code}：${f.message}`);
        lines.push(...issueLines('错误', report.errors), ...issueLines('提示', report.warnings));
        const counts = `${report.payments} 条交纳记录，共 ${report.months} 个月`;
        if (report.written) lines.push(`已导入：${counts}。`);
        else if (report.fileErrors.length) lines.push('未写入台帐。');
        else if (dryRun) lines.push(`试运行，未写入台帐。若导入将登记${counts}。`);
        else lines.push(`有错误，未写入台帐。改正后重新导入，或加 --skip-invalid 只导入没有错误的行（将登记${counts}）。`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      return report.errors.length || report.fileErrors.length ? EXIT.problems : EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
