// The named metrics a computed indicator can use: what each one measures, its unit and which way
// is better. The figures themselves are computed in the main process (electron/ledger/metrics.ts);
// this catalogue is what the template editor's metric picker and the score explanations show.
import { z } from 'zod';

export const METRIC_CODES = [
  'threeMeetingsOneLesson', 'committeeMonths', 'themeDayMonths', 'lifeMeetingHeld', 'appraisalDone',
  'attendanceRate', 'facilities', 'committeeInTerm', 'missingFieldRate', 'newMembersAdmitted',
  'mobileKeptUp', 'jointMeetings', 'postHolders', 'volunteerActivities', 'visits', 'duesPaid',
  'secretaryReport', 'satisfaction', 'commendations', 'aidRecords',
] as const;
export type MetricCode = (typeof METRIC_CODES)[number];
export const metricCodeSchema = z.enum(METRIC_CODES, { message: '请选择计算指标' });

/** rate: 0–1 shown as %; months: 0–12; count: times; people: persons; items: of a checklist; flag: 1 yes / 0 no. */
export type MetricUnit = 'rate' | 'months' | 'count' | 'people' | 'items' | 'flag';

export type MetricDef = {
  code: MetricCode;
  label: string;
  unit: MetricUnit;
  /** 'lower' for rates of something bad (缺项率): 0 is best. */
  better: 'higher' | 'lower';
  /** How the figure is obtained, in words, for the metric picker and the explanation. */
  how: string;
  /** The target a new indicator starts with. */
  defaultTarget: number;
};

export const METRICS: readonly MetricDef[] = [
  { code: 'threeMeetingsOneLesson', label: '三会一课完成率', unit: 'rate', better: 'higher', defaultTarget: 1,
    how: '按活动规则检查支部党员大会（每季度）、支部委员会会议（每月）、党小组会（每月）、党课（每季度），已完成的周期数 ÷ 应完成的周期数' },
  { code: 'committeeMonths', label: '支委会召开月数', unit: 'months', better: 'higher', defaultTarget: 12,
    how: '全年召开过支部委员会会议的月份数' },
  { code: 'themeDayMonths', label: '主题党日开展月数', unit: 'months', better: 'higher', defaultTarget: 12,
    how: '全年开展过主题党日的月份数' },
  { code: 'lifeMeetingHeld', label: '组织生活会召开次数', unit: 'count', better: 'higher', defaultTarget: 1,
    how: '全年召开组织生活会的次数' },
  { code: 'appraisalDone', label: '民主评议党员完成率', unit: 'rate', better: 'higher', defaultTarget: 1,
    how: '年底在册党员中，按时（次年 3 月 31 日前）完成民主评议的比例' },
  { code: 'attendanceRate', label: '党员参会率', unit: 'rate', better: 'higher', defaultTarget: 0.9,
    how: '全年各次组织生活中，实到人次 ÷ 应到人次（列席不计）' },
  { code: 'facilities', label: '“十有”达标项数', unit: 'items', better: 'higher', defaultTarget: 10,
    how: '“十有”阵地清单中已具备的项数（共 10 项）' },
  { code: 'committeeInTerm', label: '班子按期换届', unit: 'flag', better: 'higher', defaultTarget: 1,
    how: '年底（或今天）支部委员会在任期内，未超期未换届' },
  { code: 'missingFieldRate', label: '党员信息缺项率', unit: 'rate', better: 'lower', defaultTarget: 0,
    how: '年底在册党员中，党员基本信息采集表的必填项（性别、民族、出生日期、学历、入党日期、转正日期、工作岗位、联系电话、现居住地，与首页“信息缺项”相同）有缺项的人数比例' },
  { code: 'newMembersAdmitted', label: '发展党员人数', unit: 'people', better: 'higher', defaultTarget: 1,
    how: '全年经支部党员大会接收的预备党员人数' },
  { code: 'mobileKeptUp', label: '流动党员和报到党员管理到位率', unit: 'rate', better: 'higher', defaultTarget: 1,
    how: '外出流动党员登记了活动证号和联系电话、在职党员报到按季度反馈，到位项数 ÷ 应到位项数；没有此类党员时视为到位' },
  { code: 'jointMeetings', label: '党建联席会召开次数', unit: 'count', better: 'higher', defaultTarget: 4,
    how: '全年与共建单位召开党建联席会的次数' },
  { code: 'postHolders', label: '设岗定责党员比例', unit: 'rate', better: 'higher', defaultTarget: 0.8,
    how: '年底在册党员中，认领了设岗定责岗位的比例' },
  { code: 'volunteerActivities', label: '志愿服务活动次数', unit: 'count', better: 'higher', defaultTarget: 12,
    how: '全年记录的志愿服务活动次数' },
  { code: 'visits', label: '走访次数', unit: 'count', better: 'higher', defaultTarget: 12,
    how: '全年入户走访（走千家）户次，加上未逐户登记的走访活动次数' },
  { code: 'duesPaid', label: '党费按月交纳率', unit: 'rate', better: 'higher', defaultTarget: 1,
    how: '全年党费台帐中已足额交纳的人月数 ÷ 应交人月数；没有党费记录时不适用' },
  { code: 'secretaryReport', label: '书记按时述职', unit: 'flag', better: 'higher', defaultTarget: 1,
    how: '“述职评议”中登记了本年度书记抓党建工作述职的日期（当年或次年年初述职均可）' },
  { code: 'satisfaction', label: '群众满意率', unit: 'rate', better: 'higher', defaultTarget: 1,
    how: '“述职评议”中群众代表评议“好”和“较好”的票数 ÷ 总票数；没有群众代表评议时按党员评议计' },
  { code: 'commendations', label: '获得表彰次数', unit: 'count', better: 'higher', defaultTarget: 1,
    how: '本年度本组织（含下级组织）、其党员和推荐的家庭获得的各级表彰次数，作废的不计' },
  { code: 'aidRecords', label: '帮扶（五助二扶一带）次数', unit: 'count', better: 'higher', defaultTarget: 4,
    how: '全年帮扶台账中本组织及所属组织登记的“五助二扶一带”帮扶次数（作废的不计）' },
];

export function metricDef(code: string): MetricDef | undefined {
  return METRICS.find((m) => m.code === code);
}

/** A metric's value in words: 91.7%, 11 个月, 3 次, 8 项, 是. */
export function formatMetricValue(unit: MetricUnit, value: number | null): string {
  if (value === null) return '不适用';
  switch (unit) {
    case 'rate': return `${formatNumber(value * 100, 1)}%`;
    case 'months': return `${formatNumber(value)} 个月`;
    case 'count': return `${formatNumber(value)} 次`;
    case 'people': return `${formatNumber(value)} 人`;
    case 'items': return `${formatNumber(value)} 项`;
    case 'flag': return value >= 1 ? '是' : '否';
  }
}

/** Up to `digits` decimals, without trailing zeros: 9.17, 10, 91.7. */
export function formatNumber(n: number, digits = 2): string {
  const f = 10 ** digits;
  return String(Math.round((n + Number.EPSILON) * f) / f);
}

/** A rate (0–1) as a percentage with up to `digits` decimals: 91.7%, 100%; no rate is —. */
export function pct(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${formatNumber(rate * 100, digits)}%`;
}

/** What the metric service returns for one org and year: the value and the figures behind it. */
export type MetricResult = {
  metric: MetricCode;
  label: string;
  unit: MetricUnit;
  /** null: does not apply to this org (no mobile members, no dues kept …); scored as full points. */
  value: number | null;
  /** Missed items (periods, checklist items, members …) for deduction rules. */
  misses?: number;
  /** The numbers behind the value, labelled in Chinese, in the order they read best. */
  figures: { label: string; value: string | number }[];
  /** One sentence a clerk can read out to an inspector. */
  explanation: string;
  /** What is missing: periods ('2025-07'), checklist items, names are never listed here. */
  missing?: string[];
  /** Activities that count towards the value (for evidence and click-through). */
  activityIds?: number[];
  /** The year has not begun: nothing to compute yet, and no score (not full points). */
  pending?: boolean;
};
