// A contract template's indicators, the 100-point check, and the default "五个好" template the
// committee starts from (a plausible starting point to edit, not a national standard).
import { z } from 'zod';
import { roundScore } from './grading';
import type { ContractLevel } from './levels';
import { type MetricCode, metricCodeSchema, metricDef } from './metrics';
import { type ScoringRule, describeScoringRule, scoringRuleSchema } from './scoring';

export const TEMPLATE_TOTAL_POINTS = 100;

export const INDICATOR_SOURCES = ['manual', 'computed'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const FIVE_GOOD_CATEGORIES = ['领导班子好', '党员队伍好', '工作机制好', '工作业绩好', '群众反映好'] as const;

/** One indicator as the editor and the services exchange it (id set when it already exists). */
export const indicatorInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    category: z.string().trim().min(1, '请填写指标类别').max(30, '类别不能超过 30 个字'),
    content: z.string().trim().min(1, '请填写考核内容').max(300, '考核内容不能超过 300 个字'),
    points: z.number({ message: '请填写分值' }).min(0, '分值不能为负数').max(100, '分值不能超过 100 分'),
    ruleText: z.string().trim().max(500, '评分标准不能超过 500 个字').nullish().transform((s) => s || null),
    source: z.enum(INDICATOR_SOURCES),
    metric: metricCodeSchema.nullish().transform((m) => m ?? null),
    scoring: scoringRuleSchema.default({ mode: 'proportional' }),
  })
  .superRefine((ind, ctx) => {
    if (ind.source === 'computed' && !ind.metric) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: `“${ind.content}”是系统计算的指标，请选择计算依据` });
    }
  });
export type Indicator = z.output<typeof indicatorInputSchema>;

export function templateSum(indicators: readonly { points: number }[]): number {
  return roundScore(indicators.reduce((s, i) => s + i.points, 0));
}

/** null when the indicators sum to 100; otherwise the warning the editor and the services show. */
export function templateSumWarning(indicators: readonly { points: number }[]): string | null {
  const sum = templateSum(indicators);
  if (sum === TEMPLATE_TOTAL_POINTS) return null;
  return `各项指标分值合计 ${sum} 分，应为 ${TEMPLATE_TOTAL_POINTS} 分（${sum > TEMPLATE_TOTAL_POINTS ? '多' : '少'} ${roundScore(Math.abs(sum - TEMPLATE_TOTAL_POINTS))} 分）`;
}

/** Sums per category, in the order the categories first appear. */
export function categoryTotals(indicators: readonly { category: string; points: number }[]): { category: string; points: number }[] {
  const out = new Map<string, number>();
  for (const i of indicators) out.set(i.category, (out.get(i.category) ?? 0) + i.points);
  return [...out].map(([category, points]) => ({ category, points: roundScore(points) }));
}

function computed(category: string, content: string, points: number, metric: MetricCode, scoring: ScoringRule): Indicator {
  const def = metricDef(metric)!;
  return { category, content, points, source: 'computed', metric, scoring, ruleText: describeScoringRule(points, scoring, def) };
}

function manual(category: string, content: string, points: number, ruleText: string): Indicator {
  return { category, content, points, source: 'manual', metric: null, scoring: { mode: 'proportional' }, ruleText };
}

const [LEAD, RANKS, MECHANISM, RESULTS, MASSES] = FIVE_GOOD_CATEGORIES;

type DefaultTemplate = { title: (year: number) => string; preamble: (year: number) => string; indicators: readonly Indicator[] };

/** The default 100-point template of DOMAIN.md. */
export const DEFAULT_TEMPLATE: DefaultTemplate = {
  title: (year) => `${year} 年度基层党组织党建工作责任书`,
  preamble: (year) =>
    `为全面落实党建工作责任制，推进基层党组织标准化规范化建设，街道党工委与各基层党组织签订 ${year} 年度党建工作责任书。` +
    '考核按“五个好”设置指标，满分 100 分，年终由街道党工委组织考核，考核结果作为评先评优的重要依据。',
  indicators: [
    computed(LEAD, '支部委员会按期换届，班子成员在任期内', 5, 'committeeInTerm', { mode: 'full' }),
    computed(LEAD, '支部委员会会议每月至少召开一次', 10, 'committeeMonths', { mode: 'proportional', target: 12 }),
    computed(LEAD, '支部书记年度抓党建工作述职', 5, 'secretaryReport', { mode: 'full' }),
    computed(RANKS, '“三会一课”制度落实，按期召开', 10, 'threeMeetingsOneLesson', { mode: 'proportional', target: 1 }),
    computed(RANKS, '按时开展民主评议党员', 4, 'appraisalDone', { mode: 'proportional', target: 1 }),
    computed(RANKS, '培养入党积极分子，做好发展党员工作', 3, 'newMembersAdmitted', { mode: 'full', target: 1 }),
    computed(RANKS, '流动党员、在职党员报到管理到位', 3, 'mobileKeptUp', { mode: 'proportional', target: 1 }),
    computed(MECHANISM, '“十有”阵地建设达标', 6, 'facilities', { mode: 'proportional', target: 10 }),
    computed(MECHANISM, '党员花名册完整，无缺项', 6, 'missingFieldRate', { mode: 'proportional', target: 0 }),
    manual(MECHANISM, '按月足额收缴党费', 4, '按月足额收缴得 4 分；每欠缴一个月扣 1 分，扣完为止'),
    computed(MECHANISM, '与共建单位召开党建联席会，每年不少于 4 次', 4, 'jointMeetings', { mode: 'proportional', target: 4 }),
    computed(RESULTS, '每月开展主题党日活动', 6, 'themeDayMonths', { mode: 'proportional', target: 12 }),
    computed(RESULTS, '党员认领设岗定责岗位', 5, 'postHolders', { mode: 'proportional', target: 0.8 }),
    computed(RESULTS, '组织党员开展志愿服务活动', 5, 'volunteerActivities', { mode: 'proportional', target: 12 }),
    manual(RESULTS, '打造党建特色品牌项目', 4, '有特色品牌、成效明显得 4 分；有项目但成效一般得 2 分'),
    computed(MASSES, '群众满意度测评', 10, 'satisfaction', { mode: 'proportional', target: 1 }),
    computed(MASSES, '党员走访联系群众（走千家）', 5, 'visits', { mode: 'proportional', target: 12 }),
    manual(MASSES, '群众诉求及时办理', 5, '每有一件诉求未及时办理扣 1 分，扣完为止'),
  ],
};

/**
 * The default for 社区党委/党总支: the same "五个好", read over the branches below (how each figure
 * is put together: COMMUNITY_AGGREGATION); its own 述职 and the residents' 评议 of it come from its
 * 述职评议 record, 特色品牌 and 诉求 are scored by hand. 联席会 and 发展党员 are the community's totals, so their targets grow.
 */
export const DEFAULT_COMMUNITY_TEMPLATE: DefaultTemplate = {
  title: (year) => `${year} 年度社区党建工作目标责任书`,
  preamble: (year) =>
    `为全面落实党建工作责任制，街道党工委与各社区党委（党总支）签订 ${year} 年度社区党建工作目标责任书。` +
    '考核按“五个好”设置指标，满分 100 分；系统计算的指标按社区下属各党支部的台帐数据汇总（合计、平均或取最差），年终由街道党工委组织考核，实行年终工作述职和群众评议。',
  indicators: [
    computed(LEAD, '下属党支部委员会均按期换届', 5, 'committeeInTerm', { mode: 'full' }),
    computed(LEAD, '督促下属党支部每月召开支部委员会会议', 10, 'committeeMonths', { mode: 'proportional', target: 12 }),
    computed(LEAD, '社区党委（党总支）书记年终工作述职', 5, 'secretaryReport', { mode: 'full' }),
    computed(RANKS, '下属党支部“三会一课”按期召开', 10, 'threeMeetingsOneLesson', { mode: 'proportional', target: 1 }),
    computed(RANKS, '下属党支部按时开展民主评议党员', 4, 'appraisalDone', { mode: 'proportional', target: 1 }),
    computed(RANKS, '全社区发展党员工作', 3, 'newMembersAdmitted', { mode: 'full', target: 2 }),
    computed(RANKS, '流动党员、在职党员报到管理到位', 3, 'mobileKeptUp', { mode: 'proportional', target: 1 }),
    computed(MECHANISM, '下属党支部“十有”阵地建设达标', 6, 'facilities', { mode: 'proportional', target: 10 }),
    computed(MECHANISM, '党员花名册完整，无缺项', 6, 'missingFieldRate', { mode: 'proportional', target: 0 }),
    manual(MECHANISM, '按月足额收缴、按时上缴党费', 4, '按月足额收缴、按时上缴得 4 分；每欠缴一个月扣 1 分，扣完为止'),
    computed(MECHANISM, '与驻区单位召开党建联席会，全社区每年不少于 8 次', 4, 'jointMeetings', { mode: 'proportional', target: 8 }),
    computed(RESULTS, '下属党支部每月开展主题党日活动', 6, 'themeDayMonths', { mode: 'proportional', target: 12 }),
    computed(RESULTS, '党员认领设岗定责岗位', 5, 'postHolders', { mode: 'proportional', target: 0.8 }),
    computed(RESULTS, '下属党支部组织党员开展志愿服务', 5, 'volunteerActivities', { mode: 'proportional', target: 12 }),
    manual(RESULTS, '打造社区党建特色品牌', 4, '有特色品牌、成效明显得 4 分；有项目但成效一般得 2 分'),
    computed(MASSES, '居民群众评议社区工作', 10, 'satisfaction', { mode: 'proportional', target: 1 }),
    computed(MASSES, '党员走访联系群众（走千家）', 5, 'visits', { mode: 'proportional', target: 12 }),
    manual(MASSES, '群众诉求及时办理', 5, '每有一件诉求未及时办理扣 1 分，扣完为止'),
  ],
};

export function defaultTemplateFor(level: ContractLevel): DefaultTemplate {
  return level === 'community' ? DEFAULT_COMMUNITY_TEMPLATE : DEFAULT_TEMPLATE;
}
