import { writeFileSync } from 'node:fs';
import { helpBrief } from '../../ledger/aid-brief';
import { checkOutputPath } from '../../ledger/output-path';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, orgIdFromArgs, printJson, requireString } from '../command';

export const helpBriefCommand: CliCommand = {
  name: 'help-brief',
  summary: '“五助二扶一带”季度工作简报草稿（文本，可在 Word/WPS 中编辑）',
  usage: 'npm run -s ledger -- help-brief --db FILE --year 2025 --quarter 1..4 [--org NAME] [--out FILE.txt] [--force] [--json]',
  options: { db: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, org: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }) {
    const year = requireString(values, 'year', this);
    const quarter = requireString(values, 'quarter', this);
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    if (!/^[1-4]$/.test(quarter)) throw new UsageError(`--quarter 应为 1、2、3 或 4\n用法：${this.usage}`);
    const out = typeof values.out === 'string' ? checkOutputPath(values.out, requireString(values, 'db', this), { force: values.force === true }) : null;
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const orgId = orgIdFromArgs(ledger, values);
      const brief = helpBrief(ledger, orgId, Number(year), Number(quarter));
      // A byte-order mark: Notepad, Word and WPS then open the text as UTF-8 without asking.
      if (out) writeFileSync(out, `\uFEFF${brief.text}`, { flag: values.force ? 'w' : 'wx' });
      if (values.json) printJson({ ...brief, file: out });
      else if (out) process.stdout.write(`已导出${brief.title}：${out}\n`);
      else process.stdout.write(`${brief.text}\n`);
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
