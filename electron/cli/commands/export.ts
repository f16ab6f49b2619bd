import { isIsoDate } from '../../../shared/dates';
import { REGISTERS, type ReportFormat, isRegisterName } from '../../../shared/reports/catalog';
import { MISSING_GLYPH_PLACEHOLDER } from '../../../shared/reports/glyphs';
import { checkOutputPath } from '../../ledger/output-path';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, orgIdFromArgs, printJson, requireString } from '../command';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '打印台帐：导出为 Excel 或 PDF（export --list 列出全部台帐）',
  usage: 'npm run -s ledger -- export REGISTER --db FILE --format xlsx|pdf --out FILE [--force] [--org NAME] [--only] [--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD] [--mask-ids | --mask] [--with-pages] [--json]\n       npm run -s ledger -- export --list',
  options: {
    list: { type: 'boolean' }, db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, org: { type: 'string' },
    only: { type: 'boolean' }, year: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'mask-ids': { type: 'boolean' }, mask: { type: 'boolean' }, 'with-pages': { type: 'boolean' },
    today: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    if (values.list) {
      if (values.json) printJson(REGISTERS.map((r) => ({ name: r.name, title: r.title, formats: r.formats, summary: r.summary })));
      else for (const r of REGISTERS) process.stdout.write(`${r.name.padEnd(20)} ${r.title}（${r.formats.join('/')}）：${r.summary}\n`);
      return EXIT.ok;
    }
    const name = positionals[0];
    if (!name) throw new UsageError(`请指定要导出的台帐（export --list 可列出全部）\n用法：${this.usage}`);
    if (!isRegisterName(name)) throw new UsageError(`没有名为“${name}”的台帐。可用的有：${REGISTERS.map((r) => r.name).join('、')}`);
    const format = requireString(values, 'format', this);
    if (format !== 'xlsx' && format !== 'pdf') throw new UsageError(`--format 只能是 xlsx 或 pdf\n用法：${this.usage}`);
    const out = checkOutputPath(requireString(values, 'out', this), requireString(values, 'db', this), { force: values.force === true });
    const year = typeof values.year === 'string' ? values.year : undefined;
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    for (const k of ['from', 'to', 'today'] as const) {
      const v = values[k];
      if (typeof v === 'string' && !isIsoDate(v)) throw new UsageError(`--${k} 应为 年-月-日，例如 2025-06-30\n用法：${this.usage}`);
    }
    if (year && (values.from || values.to)) throw new UsageError('--year 和 --from/--to 只能用一种。');
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const orgId = orgIdFromArgs(ledger, values);
      // pdfmake, fontkit and exceljs load only here: `help` and the other commands start without them.
      const { exportRegister } = await import('../../reports/export');
      const result = await exportRegister(ledger, {
        register: name,
        format: format as ReportFormat,
        scope: { orgId, includeDescendants: !values.only },
        period: year ? { year: Number(year) } : { from: values.from as string | undefined, to: values.to as string | undefined },
        // --mask-ids (the first name) masks all personal data, as --mask says.
        maskIds: Boolean(values['mask-ids'] || values.mask),
        binderPages: Boolean(values['with-pages']),
        today: typeof values.today === 'string' ? values.today : undefined,
      }, out);
      // A blank left for a character no font has is a problem the clerk must fix by hand.
      const blanks = result.warnings.filter((w) => w.includes(MISSING_GLYPH_PLACEHOLDER));
      if (values.json) printJson(result);
      else {
        process.stdout.write(`已导出${result.title}（${result.unit}，${result.period}）：${result.file}（${result.pages ? `${result.pages} 页，` : ''}${size(result.bytes)}）\n`);
        for (const w of result.warnings) process.stderr.write(`注意：${w}\n`);
      }
      return blanks.length > 0 ? EXIT.problems : EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
