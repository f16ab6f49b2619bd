import { isIsoDate } from '../../../shared/dates';
import { CONTRACT_LEVELS, CONTRACT_LEVEL_LABELS, CONTRACT_LEVEL_UNITS } from '../../../shared/assessment';
import { yearSummary } from '../../ledger/assessments';
import { findOrgByName, orgSubtreeIds } from '../../ledger/orgs';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

const STATUS_LABELS = { draft: '未确认', confirmed: '已确认' } as const;

export const assessment: CliCommand = {
  name: 'assessment',
  summary: '年终考核：各支部和社区党委（党总支）的得分、等次和各自层级内的排名，以及每项指标的得分依据',
  usage: 'npm run -s ledger -- assessment --db FILE --year 2025 [--org NAME（含下级党组织）] [--today YYYY-MM-DD] [--json]',
  options: { db: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }) {
    const yearText = requireString(values, 'year', this);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    const todayArg = typeof values.today === 'string' ? values.today : undefined;
    if (todayArg !== undefined && !isIsoDate(todayArg)) throw new UsageError(`--today 应为 年-月-日，例如 2025-12-31\n用法：${this.usage}`);
    const orgName = typeof values.org === 'string' ? values.org.trim() : null;
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const summary = yearSummary(ledger, year, { today: todayArg });
      // --org is the org with the orgs below it, by its exact name or short name, as in export and
      // compliance; ranks stay those among all orgs of the same level.
      let branches = summary.branches;
      if (orgName) {
        const org = findOrgByName(ledger, orgName);
        if (!org) throw new UsageError(`找不到党组织“${orgName}”。请使用台帐中的全称或简称。`);
        const under = new Set(orgSubtreeIds(ledger, org.id));
        branches = summary.branches.filter((b) => under.has(b.orgId));
        if (branches.length === 0) throw new UsageError(`${year} 年度“${org.name}”及其下级没有责任书。`);
      }
      if (values.json) {
        printJson({
          year,
          asOf: summary.asOf,
          bands: summary.bands,
          branches: branches.map((b) => ({
            org: b.org, orgId: b.orgId, level: b.level, total: b.total, grade: b.grade, rank: b.rank, of: b.of, status: b.status, complete: b.complete, points: b.points,
            unscored: b.unscored,
            categories: b.categories,
            indicators: b.indicators.map((i) => ({
              name: i.content, category: i.category, points: i.points, score: i.score, source: i.source,
              selfScore: i.selfScore, committeeScore: i.committeeScore,
              ...(i.source === 'computed' ? {
                metric: i.metric, computedScore: i.computedScore, value: i.computed?.value ?? null, explanation: i.computed?.explanation ?? null,
                working: i.computed?.working ?? null, figures: i.computed?.figures ?? [], overrideReason: i.overrideReason,
              } : {}),
            })),
          })),
        });
        return EXIT.ok;
      }
      if (summary.branches.length === 0) {
        process.stdout.write(`${year} 年度还没有下达责任书。\n`);
        return EXIT.ok;
      }
      process.stdout.write(`${year} 年度党建工作考核（${summary.branches.length} 个党组织，计算数据截至 ${summary.asOf}）\n`);
      for (const level of CONTRACT_LEVELS) {
        const rows = branches.filter((b) => b.level === level);
        if (rows.length === 0) continue;
        process.stdout.write(`\n${CONTRACT_LEVEL_LABELS[level]}（在本层级 ${rows[0]!.of} 个党组织中排名）\n名次  得分    等次  状态    党组织\n`);
        for (const b of rows) {
          process.stdout.write(`${String(b.rank).padStart(3)}  ${b.total.toFixed(2).padStart(6)}  ${b.grade.padEnd(2, '　')}  ${STATUS_LABELS[b.status]}${b.complete ? '' : '*'}  ${b.org}\n`);
        }
      }
      if (branches.some((b) => !b.complete)) process.stdout.write('\n* 有指标尚未评分，得分不含未评分的指标。\n');
      if (orgName && branches.length === 1) {
        for (const b of branches) {
          process.stdout.write(`\n${b.org}　${b.total} 分，${b.grade}，第 ${b.rank} 名（共 ${b.of} 个${CONTRACT_LEVEL_UNITS[b.level]}）\n`);
          for (const i of b.indicators) {
            const score = i.score === null ? '未评分' : `${i.score}`;
            const why = i.computed ? `　${i.computed.explanation}；${i.computed.working}${i.overridden ? `；考核组调整为 ${i.committeeScore} 分：${i.overrideReason}` : ''}` : '';
            process.stdout.write(`  [${i.category}] ${i.content}（${i.points} 分）：${score}${why}\n`);
          }
        }
      }
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
