import { isIsoDate } from '../../../shared/dates';
import { periodLabel } from '../../../shared/rules';
import { pct } from '../../../shared/assessment';
import { complianceReport } from '../../ledger/compliance';
import { planGaps } from '../../ledger/plans';
import { PLAN_KIND_LABELS } from '../../../shared/domain/posts';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';


export const compliance: CliCommand = {
  name: 'compliance',
  summary: '三会一课等活动规则的完成情况（按组织、规则和周期）',
  usage: 'npm run -s ledger -- compliance --db FILE --year 2025 [--org NAME] [--today YYYY-MM-DD] [--detail] [--strict] [--json]',
  options: {
    db: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' }, today: { type: 'string' },
    detail: { type: 'boolean' }, strict: { type: 'boolean' }, json: { type: 'boolean' },
  },
  async run({ values }) {
    const yearText = requireString(values, 'year', this);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1921 || year > 2200) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    const todayArg = typeof values.today === 'string' ? values.today : undefined;
    if (todayArg !== undefined && !isIsoDate(todayArg)) throw new UsageError(`--today 应为 年-月-日，例如 2025-12-31\n用法：${this.usage}`);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const report = complianceReport(ledger, { year, orgName: typeof values.org === 'string' ? values.org : null, today: todayArg });
      const gaps = report.orgs.reduce((n, o) => n + o.rules.reduce((m, r) => m + r.missing.length, 0), 0);
      // 年初有计划、年终有总结: the branches of the report without their plan by 1 March or summary by 31 December.
      const plans = planGaps(ledger, year, { on: report.asOf }).filter((g) => report.orgs.some((o) => o.orgId === g.orgId));
      if (values.json) {
        printJson({
          year: report.year,
          asOf: report.asOf,
          orgs: report.orgs.map((o) => ({
            org: o.org, orgId: o.orgId, type: o.type, parent: o.parent, coreRate: o.coreRate, rate: o.rate,
            rules: o.rules.map((r) => ({
              rule: r.rule, ruleId: r.ruleId, period: r.period, required: r.required, met: r.met, missing: r.missing,
              notDue: r.periods.filter((p) => p.status === 'notDue').map((p) => p.period),
              ...(values.detail ? { periods: r.periods } : {}),
            })),
          })),
          plans,
        });
      } else {
        process.stdout.write(`${report.year} 年活动规则完成情况（截至 ${report.asOf}）\n`);
        for (const o of report.orgs) {
          process.stdout.write(`\n${o.org}　三会一课完成率 ${pct(o.coreRate)}，全部规则 ${pct(o.rate)}\n`);
          for (const r of o.rules) {
            const miss = r.missing.length ? `　未完成：${r.missing.map((k) => periodLabel(k)).join('、')}` : '';
            process.stdout.write(`  ${r.rule.padEnd(10, '　')} ${String(r.met).padStart(3)} / ${String(r.required).padEnd(3)}${miss}\n`);
          }
        }
        if (report.orgs.length === 0) process.stdout.write('没有需要检查的党组织。\n');
        for (const p of plans) {
          process.stdout.write(`${p.orgName}：${PLAN_KIND_LABELS[p.kind]}${p.state === 'missing' ? `截至 ${p.deadline} 未报送` : `逾期报送（${p.submittedOn}）`}\n`);
        }
      }
      return values.strict && gaps > 0 ? EXIT.problems : EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
