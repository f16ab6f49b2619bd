import { isIsoDate } from '../../../shared/dates';
import { formatYuan } from '../../../shared/domain/dues';
import type { DuesSheet } from '../../../shared/api/dues';
import { duesSheet, sumYuan } from '../../ledger/dues';
import { ensureWorkingCommittee, findOrgByName, orgSubtreeIds } from '../../ledger/orgs';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

/** Due and paid over the months owed up to today (months paid ahead are not yet expected). */
function totals(s: DuesSheet): { expected: number; paid: number } {
  const cells = s.members.flatMap((m) => m.cells).filter((c) => c.state !== 'notOwed' && c.state !== 'notDue');
  return {
    expected: sumYuan(cells.map((c) => c.due ?? 0)),
    paid: sumYuan(cells.filter((c) => c.state === 'paid' || c.state === 'late').map((c) => c.paid ?? 0)),
  };
}

export const dues: CliCommand = {
  name: 'dues',
  summary: '党费收缴情况：各支部应交、已交（元）和欠交党员的月份',
  usage: 'npm run -s ledger -- dues --db FILE --year 2025 [--org NAME] [--today YYYY-MM-DD] [--json]',
  options: { db: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const yearText = requireString(values, 'year', this);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1921 || year > 2200) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today 应为 年-月-日，例如 2025-12-31\n用法：${this.usage}`);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      let rootId: number;
      if (typeof values.org === 'string') {
        const org = findOrgByName(ledger, values.org);
        if (!org) throw new UsageError(`找不到名为“${values.org}”的党组织。`);
        rootId = org.id;
      } else {
        rootId = ensureWorkingCommittee(ledger);
      }
      const sheets = orgSubtreeIds(ledger, rootId).map((id) => duesSheet(ledger, id, year, { today })).filter((s) => s.members.length > 0);
      const orgs = sheets.map((s) => ({
        org: s.org, members: s.members.length, ...totals(s),
        arrears: s.arrears.map((a) => ({ name: a.name, months: a.months })),
      }));
      if (values.json) {
        printJson({ year, orgs });
      } else {
        process.stdout.write(`${year} 年党费收缴情况\n`);
        for (const o of orgs) {
          process.stdout.write(`\n${o.org}　${o.members} 人，应交 ${formatYuan(Math.round(o.expected * 100))} 元，已交 ${formatYuan(Math.round(o.paid * 100))} 元\n`);
          for (const a of o.arrears) process.stdout.write(`  欠交：${a.name}　${a.months.join('、')}\n`);
        }
        if (orgs.length === 0) process.stdout.write('没有党费记录。\n');
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
