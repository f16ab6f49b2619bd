import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LedgerError } from '../../../shared/errors';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, SKIP_REASON_LABELS, type ImportField } from '../../../shared/api/import';
import { commitPlan } from '../../import/commit';
import { planImport } from '../../import/plan';
import type { ImportReport, ReportIssue } from '../../import/report';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

function sheetOf(sheet: string | null): string {
  return sheet === null ? '' : `“${sheet}”`;
}

/** Rows as ranges: 2、5–9、12. */
function rowRanges(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return out.join('、');
}

/**
 * One line per fact: where (the cell, e.g. “Sheet1”E7), the code and the message, which names the
 * column and the value once. The same message on many rows (a branch not in the ledger) is said once.
 */
export function issueLines(kind: '错误' | '提示', issues: (Omit<ReportIssue, 'code'> & { code: string })[]): string[] {
  const groups = new Map<string, typeof issues>();
  for (const i of issues) {
    const k = `${i.sheet}|${i.code}|${i.message}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    const where = g.length === 1 ? `${sheetOf(first.sheet)}${first.cell ?? `第 ${first.row} 行`}` : `${sheetOf(first.sheet)}第 ${rowRanges(g.map((i) => i.row))} 行（${g.length} 行）`;
    return `  ${kind} ${where} ${first.code}：${first.message}`;
  });
}

function printSummary(report: ImportReport, dryRun: boolean): void {
  const out: string[] = [];
  out.push(`文件：${report.file}（${report.format}），数据 ${report.rows} 行，无错误 ${report.valid} 行。`);
  if (report.ignoredSheets.length) out.push(`未找到党员名单、已跳过的工作表：${report.ignoredSheets.join('、')}`);
  for (const s of report.skippedRows) out.push(`  已跳过：${SKIP_REASON_LABELS[s.reason]}（${sheetOf(s.sheet)}第 ${s.row} 行：${s.text}）`);
  for (const u of report.unmappedColumns) {
    out.push(`未导入的列${u.sheet === null ? '' : `（${sheetOf(u.sheet)}）`}：${u.columns.join('、')}。如其中某列是台帐的一项，可用 --map "列名=字段" 指定（字段：${IMPORT_FIELDS.join(', ')}）。`);
  }
  for (const m of report.valueMappings) out.push(`  统一写法：${IMPORT_FIELD_LABELS[m.field]}“${m.from}”按代码表记为“${m.to}”（${m.rows} 行）`);
  for (const f of report.fileErrors) out.push(`  错误 ${f.code}：${f.message}`);
  out.push(...issueLines('错误', report.errors), ...issueLines('提示', report.warnings));
  const counts = `新增 ${report.created} 人，更新 ${report.updated} 人，无变化 ${report.unchanged} 人`;
  if (report.written) out.push(`已导入：${counts}。`);
  else if (report.fileErrors.length > 0) out.push('未写入台帐。');
  else if (dryRun) out.push(`试运行，未写入台帐。若导入将${counts}。`);
  else out.push(`有错误，未写入台帐。改正后重新导入，或加 --skip-invalid 只导入没有错误的行（将${counts}）。`);
  process.stdout.write(`${out.join('\n')}\n`);
}

const FIELD_BY_NAME = new Map<string, ImportField>([
  ...IMPORT_FIELDS.map((f) => [f.toLowerCase(), f] as [string, ImportField]),
  ...IMPORT_FIELDS.map((f) => [IMPORT_FIELD_LABELS[f], f] as [string, ImportField]),
]);

/** --map "编入党支部=org" (or =所在党支部; =none leaves the column out), repeatable. */
function parseMaps(raw: unknown): Record<string, ImportField | null> {
  const out: Record<string, ImportField | null> = {};
  for (const item of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    const m = /^(.+?)=(.+)$/.exec(String(item).trim());
    const target = m ? m[2]!.trim() : '';
    const field = target.toLowerCase() === 'none' ? null : FIELD_BY_NAME.get(target.toLowerCase()) ?? FIELD_BY_NAME.get(target);
    if (!m || field === undefined) {
      throw new UsageError(`--map 的写法是 "表头=字段"，例如 --map "编入党支部=org"。字段可以是：${IMPORT_FIELDS.join(', ')}，或 none（不导入这一列）。`);
    }
    out[m[1]!.trim()] = field;
  }
  return out;
}

export const importMembers: CliCommand = {
  name: 'import-members',
  summary: '导入党员花名册（.xlsx / .xls / .csv），按身份证号新增或更新党员',
  usage: 'npm run -s ledger -- import-members FILE --db LEDGER [--dry-run] [--create-orgs] [--skip-invalid] [--org NAME] [--map "表头=字段"]… [--rejects OUT.xlsx] [--json]',
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'create-orgs': { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
    org: { type: 'string' },
    rejects: { type: 'string' },
    map: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError(`请给出一个要导入的文件。\n用法：${this.usage}`);
    requireString(values, 'db', this);
    const dryRun = Boolean(values['dry-run']);
    const json = Boolean(values.json);
    const fileName = basename(file);
    const mapByHeader = parseMaps(values.map);

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
      parsed = analyseFile(bytes, fileName, { mapByHeader, surface: 'cli' });
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      process.stderr.write(`错误：${e.message}\n`);
      if (json) printJson({ file: fileName, format: null, written: false, error: { code: e.code, message: e.message } });
      return EXIT.usage;
    }

    const ledger = await openLedgerFromArgs(values, this);
    try {
      const org = typeof values.org === 'string' && values.org.trim() ? values.org.trim() : null;
      const plan = planImport(ledger, parsed.analysis, { org, createOrgs: Boolean(values['create-orgs']), surface: 'cli' });
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
