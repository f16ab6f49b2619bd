import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LedgerError } from '../../../shared/errors';
import { ISSUE_TITLES } from '../../import/codes';
import { commitPlan } from '../../import/commit';
import { planImport } from '../../import/plan';
import type { ImportReport } from '../../import/report';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

function where(i: { sheet: string | null; row: number }): string {
  return i.sheet === null ? `第 ${i.row} 行` : `“${i.sheet}”第 ${i.row} 行`;
}

function printSummary(report: ImportReport, dryRun: boolean): void {
  const out: string[] = [];
  out.push(`文件：${report.file}（${report.format}），数据 ${report.rows} 行，无错误 ${report.valid} 行。`);
  if (report.ignoredSheets.length) out.push(`未找到党员名单、已跳过的工作表：${report.ignoredSheets.join('、')}`);
  for (const e of report.errors) out.push(`  错误 ${where(e)}【${e.column}】${ISSUE_TITLES[e.code]}：${e.message}`);
  for (const w of report.warnings) out.push(`  提示 ${where(w)}【${w.column}】${ISSUE_TITLES[w.code]}：${w.message}`);
  const counts = `新增 ${report.created} 人，更新 ${report.updated} 人，无变化 ${report.unchanged} 人`;
  if (report.written) out.push(`已导入：${counts}。`);
  else if (dryRun) out.push(`试运行，未写入台帐。若导入将${counts}。`);
  else out.push(`有错误，未写入台帐。改正后重新导入，或加 --skip-invalid 只导入没有错误的行（将${counts}）。`);
  process.stdout.write(`${out.join('\n')}\n`);
}

export const importMembers: CliCommand = {
  name: 'import-members',
  summary: '导入党员花名册（.xlsx / .xls / .csv），按身份证号新增或更新党员',
  usage: 'npm run -s ledger -- import-members FILE --db LEDGER [--dry-run] [--create-orgs] [--skip-invalid] [--org NAME] [--rejects OUT.xlsx] [--json]',
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'create-orgs': { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
    org: { type: 'string' },
    rejects: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError(`请给出一个要导入的文件。\n用法：${this.usage}`);
    requireString(values, 'db', this);
    const dryRun = Boolean(values['dry-run']);
    const json = Boolean(values.json);
    const fileName = basename(file);

    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new UsageError(`找不到或无法打开文件：${file}`);
    }
    // SheetJS and exceljs load only here: `help` and the other commands start without them.
    const [{ analyseFile }, { buildRejectsWorkbook }, { buildReport, exitCodeOf }] = await Promise.all([
      import('../../import/analyse'), import('../../import/rejects'), import('../../import/report'),
    ]);
    // The file is read and checked before the ledger is opened: an unreadable file touches nothing.
    let parsed: ReturnType<typeof analyseFile>;
    try {
      parsed = analyseFile(bytes, fileName);
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      process.stderr.write(`错误：${e.message}\n`);
      if (json) printJson({ file: fileName, format: null, written: false, error: { code: e.code, message: e.message } });
      return EXIT.usage;
    }

    const ledger = await openLedgerFromArgs(values, this);
    try {
      const org = typeof values.org === 'string' && values.org.trim() ? values.org.trim() : null;
      const plan = planImport(ledger, parsed.analysis, { org, createOrgs: Boolean(values['create-orgs']) });
      const result = dryRun ? undefined : commitPlan(ledger, plan, { skipInvalid: Boolean(values['skip-invalid']) });
      const report = buildReport(plan, result);

      if (typeof values.rejects === 'string' && values.rejects) {
        const bytesOut = await buildRejectsWorkbook(parsed.book, plan);
        if (bytesOut) {
          writeFileSync(values.rejects, bytesOut, { mode: 0o600 });
          if (!dryRun) {
            ledger.tx(() => ledger.audit({ action: 'export', entity: 'member', summary: `导出花名册《${fileName}》的错误行 ${plan.counts.rejected} 行`, after: { file: fileName, rejects: basename(values.rejects as string), rows: plan.counts.rejected } }));
          }
          process.stderr.write(`已把 ${plan.counts.rejected} 行有错误的数据写入 ${values.rejects}（最后一列为错误原因）。\n`);
        } else {
          process.stderr.write('没有有错误的行，未生成错误行文件。\n');
        }
      }

      if (json) printJson(report);
      else printSummary(report, dryRun);
      return exitCodeOf(report) === 0 ? EXIT.ok : EXIT.problems;
    } finally {
      ledger.close();
    }
  },
};
