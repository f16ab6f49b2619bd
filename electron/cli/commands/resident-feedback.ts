import { isIsoDate } from '../../../shared/dates';
import { ResidentFeedbackSchema } from '../../../shared/api/residents';
import { QUARTER_NAMES, periodsOfYear } from '../../../shared/rules';
import { REGISTRATION_SELECT, activeIn, recordFeedback } from '../../ledger/residents';
import { all } from '../../ledger/sql';
import { type CliCommand, EXIT, UsageError, openLedgerFromArgs, printJson, requireString } from '../command';

type Candidate = { id: number; name: string; unitOrg: string | null; employer: string | null; community: string; registeredOn: string; endedOn: string | null };

/** A whole number from an option, or a usage error naming it. */
function numberOption(values: Record<string, unknown>, name: string, cmd: CliCommand, fallback?: number): number {
  const v = values[name];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`--${name} 应为数字\n用法：${cmd.usage}`);
  return Number(v);
}

export const residentFeedback: CliCommand = {
  name: 'resident-feedback',
  summary: '双报到：登记（或更正）一名报到党员某季度向所在单位的反馈（参加活动、服务内容、时长、意见）',
  usage: 'npm run -s ledger -- resident-feedback --db FILE --name 姓名 --year 2025 --quarter 2 --attended 3 --hours 6 [--services 内容] [--comment 意见] [--sent-on YYYY-MM-DD] [--unit 单位党组织] [--community 社区] [--json]',
  options: {
    db: { type: 'string' }, name: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, attended: { type: 'string' },
    hours: { type: 'string' }, services: { type: 'string' }, comment: { type: 'string' }, 'sent-on': { type: 'string' },
    unit: { type: 'string' }, community: { type: 'string' }, json: { type: 'boolean' },
  },
  async run({ values }) {
    const name = requireString(values, 'name', this);
    const year = numberOption(values, 'year', this);
    const quarter = numberOption(values, 'quarter', this);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new UsageError(`--year 应为四位年份，例如 2025\n用法：${this.usage}`);
    if (![1, 2, 3, 4].includes(quarter)) throw new UsageError(`--quarter 应为 1 至 4\n用法：${this.usage}`);
    const sentOn = typeof values['sent-on'] === 'string' ? values['sent-on'] : null;
    if (sentOn !== null && !isIsoDate(sentOn)) throw new UsageError(`--sent-on 应为 年-月-日，例如 2025-07-05\n用法：${this.usage}`);
    const facts = {
      year, quarter, attended: numberOption(values, 'attended', this), hours: numberOption(values, 'hours', this, 0),
      services: typeof values.services === 'string' ? values.services : null, comment: typeof values.comment === 'string' ? values.comment : null, sentOn,
    };
    const checked = ResidentFeedbackSchema.safeParse({ registrationId: 1, ...facts });
    if (!checked.success) throw new UsageError(`${checked.error.issues[0]!.message}\n用法：${this.usage}`);
    const ledger = await openLedgerFromArgs(values, this);
    try {
      const q = periodsOfYear(year, 'quarter')[quarter - 1]!;
      const matches = all<Candidate>(ledger, `${REGISTRATION_SELECT} WHERE coalesce(m.name, r.name) = ? ORDER BY r.registered_on, r.id`, name)
        .filter((r) => activeIn(r, q))
        .filter((r) => typeof values.unit !== 'string' || r.unitOrg === values.unit || r.employer === values.unit)
        .filter((r) => typeof values.community !== 'string' || r.community === values.community);
      const describe = (r: Candidate) => `${r.name}（${r.unitOrg ?? r.employer ?? '单位未填'}，${r.community}，${r.registeredOn} 报到）`;
      if (matches.length === 0) throw new UsageError(`找不到 ${year} 年${QUARTER_NAMES[quarter - 1]}在报到期内的“${name}”。请先在“双报到”页面登记报到，或核对姓名、--unit、--community。`);
      if (matches.length > 1) throw new UsageError(`有 ${matches.length} 条“${name}”的报到记录：${matches.map(describe).join('；')}。请用 --unit 或 --community 指明是哪一位。`);
      const reg = matches[0]!;
      const before = all<{ id: number }>(ledger, 'SELECT id FROM resident_feedback WHERE registration_id = ? AND period = ?', reg.id, q.key).length > 0;
      recordFeedback(ledger, { registrationId: reg.id, ...facts });
      const { registrationId: _placeholder, year: _y, quarter: _q, ...entered } = checked.data;
      if (values.json) printJson({ registrationId: reg.id, name: reg.name, unitOrg: reg.unitOrg, community: reg.community, period: q.key, ...entered, corrected: before });
      else process.stdout.write(`${before ? '已更正' : '已登记'}：${describe(reg)} ${year} 年${QUARTER_NAMES[quarter - 1]}，参加活动 ${facts.attended} 次，服务 ${facts.hours} 小时。\n`);
      return EXIT.ok;
    } finally {
      ledger.close();
    }
  },
};
