// Named metrics over the ledger for one org and year: the numbers behind the computed indicators
// of a contract. Each returns its value and the figures that explain it, so a clerk can answer
// an inspector's "why 9.17?" from the screen. Meeting rules are judged by the compliance engine
// (shared/rules), never recounted here.
import { FACILITIES, type FacilityCode } from '../../shared/domain/org';
import { ACTIVITY_TYPES } from '../../shared/domain/activity-types';
import { type MetricCode, type MetricResult, METRIC_CODES, COMMUNITY_AGGREGATION, aggregateMetric, contractLevelOf, formatNumber, metricDef, orgTypesOfLevel, pct } from '../../shared/assessment';
import { CORE_RULE_IDS, QUARTER_NAMES, type RuleResult, completionRate, memberAttendance, periodsOfYear } from '../../shared/rules';
import { today as todayIso } from '../../shared/dates';
import type { Ledger } from './ledger';
import { type OrgRow, getOrg, listTerms } from './orgs';
import { type RosterRow, listMembers } from './members';
import { all, one } from './sql';
import { attendanceRecords, complianceForOrg } from './compliance';
import { missingFields } from './dashboard';
import { duesCollection } from './dues';
import { owedIn } from './residents';
import { RATER_LABELS, type Rater, satisfactionRate, tallyWords } from '../../shared/domain/secretary-review';
import { COMMENDATION_LEVEL_LABELS } from '../../shared/domain/commendation';
import { secretaryReviewOf } from './secretary-reviews';
import { commendedName, listCommendations } from './commendations';
import { aidByCategory, listAid } from './aid';
import { AID_CATEGORY_LABELS } from '../../shared/domain/aid';
import { formatYuan, yuanToFen } from '../../shared/domain/dues';

export type MetricOptions = {
  today?: string;
  /**
   * Reuse figures computed earlier in this session when nothing but assessment scores changed
   * since (judged by the audit log, which every change writes to). For the other branches'
   * totals behind a rank; the figures a person is looking at are always computed afresh.
   */
  cached?: boolean;
};

type Ctx = {
  ledger: Ledger;
  org: OrgRow;
  year: number;
  start: string;
  end: string;
  /** The day the roster is read: the year's last day, or today while the year is still running. */
  asOf: string;
  today: string;
  roster(): RosterRow[];
  compliance(): RuleResult[];
};


function makeCtx(ledger: Ledger, orgId: number, year: number, opts: MetricOptions): Ctx {
  const today = opts.today ?? todayIso();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const asOf = end < today ? end : today < start ? start : today;
  const org = getOrg(ledger, orgId);
  let roster: RosterRow[] | undefined;
  let compliance: RuleResult[] | undefined;
  return {
    ledger, org, year, start, end, asOf, today,
    roster: () => (roster ??= listMembers(ledger, { orgId, asOf })),
    compliance: () => (compliance ??= complianceForOrg(ledger, orgId, year, { today })),
  };
}

function base(code: MetricCode): Pick<MetricResult, 'metric' | 'label' | 'unit'> {
  const def = metricDef(code)!;
  return { metric: code, label: def.label, unit: def.unit };
}

function ruleOf(ctx: Ctx, ruleId: string): RuleResult | undefined {
  return ctx.compliance().find((r) => r.ruleId === ruleId);
}

/** "截至 2026-11-22 " while the year runs, "2025 年底" once it is over; Chinese text follows. */
function asOfWords(ctx: Ctx): string {
  return ctx.asOf === ctx.end ? `${ctx.year} 年底` : `截至 ${ctx.asOf} `;
}

const NOT_DUE_WORDS: Record<string, string> = { beforeFounded: '成立前', afterDissolved: '撤销后', current: '未到期', future: '未到期', notApplicable: '无需检查' };

function monthsMetric(ctx: Ctx, code: 'committeeMonths' | 'themeDayMonths', ruleId: string): MetricResult {
  const r = ruleOf(ctx, ruleId);
  if (!r) return { ...base(code), value: null, figures: [], explanation: '本组织没有这项活动规则，不适用' };
  const ids = r.periods.flatMap((p) => p.activityIds);
  const figures: MetricResult['figures'] = [
    { label: '已开展月数', value: r.met },
    { label: '应开展月数', value: r.required },
  ];
  if (r.missing.length) figures.push({ label: '未开展的月份', value: r.missing.map(monthWords).join('、') });
  const notDue = new Map<string, string[]>();
  for (const p of r.periods.filter((x) => x.status === 'notDue')) {
    const why = NOT_DUE_WORDS[p.reason ?? 'current'] ?? '不计';
    notDue.set(why, [...(notDue.get(why) ?? []), monthWords(p.period)]);
  }
  for (const [why, months] of notDue) figures.push({ label: `不计的月份（${why}）`, value: months.join('、') });
  const rejected = r.periods.flatMap((p) => p.rejected ?? []);
  if (rejected.length) figures.push({ label: '不符合要求未计入的会议', value: `${rejected.length} 次（${rejected[0]!.reason}${rejected.length > 1 ? ' 等' : ''}）` });
  if (r.required === 0) return { ...base(code), value: null, figures, explanation: `${r.rule}：本年度没有应检查的月份，不适用` };
  // A branch founded (or a year not over) part-way is measured on the months it owed, as a full year's equivalent.
  const partial = r.required < 12;
  const value = partial ? Math.round((r.met * 12 * 100) / r.required) / 100 : r.met;
  if (partial) figures.push({ label: '折合全年', value: `${formatNumber(value)} 个月` });
  const explanation = `${r.rule}：应开展 ${r.required} 个月，已开展 ${r.met} 个月${r.missing.length ? `，${r.missing.map(monthWords).join('、')}未开展` : ''}${partial ? `，折合全年 ${formatNumber(value)} 个月` : ''}`;
  return { ...base(code), value, misses: r.missing.length, figures, explanation, missing: r.missing, activityIds: ids };
}

function monthWords(key: string): string {
  return /^\d{4}-\d{2}$/.test(key) ? `${Number(key.slice(5))}月` : key;
}

function periodWords(key: string): string {
  const q = /^\d{4}-Q(\d)$/.exec(key);
  return q ? `第${q[1]}季度` : monthWords(key);
}

/** Where the clerk records what these metrics read. */
const REVIEW_PAGE = '请在“述职评议”页登记';

function reviewFigures(review: NonNullable<ReturnType<typeof secretaryReviewOf>>): MetricResult['figures'] {
  const figures: MetricResult['figures'] = [];
  if (review.reportedOn) figures.push({ label: '述职日期', value: review.reportedOn });
  if (review.secretary) figures.push({ label: '述职人', value: review.secretary });
  if (review.attendees) figures.push({ label: '参加人员', value: review.attendees });
  for (const who of ['members', 'residents'] as Rater[]) {
    const t = review[who];
    if (t) figures.push({ label: RATER_LABELS[who], value: tallyWords(t) });
  }
  if (review.attachments.length) figures.push({ label: '述职报告', value: review.attachments.map((a) => a.fileName).join('、') });
  return figures;
}

const METRIC_FNS_REVIEWS = {
  secretaryReport(ctx: Ctx): MetricResult {
    const review = secretaryReviewOf(ctx.ledger, ctx.org.id, ctx.year);
    if (!review?.reportedOn) {
      return { ...base('secretaryReport'), value: 0, misses: 1, figures: review ? reviewFigures(review) : [], explanation: `没有 ${ctx.year} 年度书记述职的记录，${REVIEW_PAGE}述职日期和评议结果` };
    }
    const rated = (['members', 'residents'] as Rater[]).filter((w) => review[w]).map((w) => `${RATER_LABELS[w]} ${tallyWords(review[w]!)}`);
    return {
      ...base('secretaryReport'), value: 1, misses: 0, figures: reviewFigures(review),
      explanation: `述职 ${review.reportedOn}${review.secretary ? `（${review.secretary}）` : ''}${rated.length ? `，${rated.join('；')}` : '，尚未登记评议结果'}`,
    };
  },

  satisfaction(ctx: Ctx): MetricResult {
    const review = secretaryReviewOf(ctx.ledger, ctx.org.id, ctx.year);
    const who: Rater | null = review?.residents && satisfactionRate(review.residents) !== null ? 'residents'
      : review?.members && satisfactionRate(review.members) !== null ? 'members' : null;
    if (!review || !who) {
      return { ...base('satisfaction'), value: 0, misses: 1, figures: review ? reviewFigures(review) : [], explanation: `没有 ${ctx.year} 年度的评议票数，${REVIEW_PAGE}群众代表或党员评议结果` };
    }
    const rate = satisfactionRate(review[who])!;
    return {
      ...base('satisfaction'), value: rate, figures: reviewFigures(review),
      explanation: `${RATER_LABELS[who]} ${tallyWords(review[who]!)}${who === 'members' ? '（没有群众代表评议，按党员评议计）' : ''}`,
    };
  },

  commendations(ctx: Ctx): MetricResult {
    const list = listCommendations(ctx.ledger, { year: ctx.year, orgId: ctx.org.id });
    const words = list.map((c) => `${COMMENDATION_LEVEL_LABELS[c.level]}级“${c.title}”（${commendedName(c)}${c.docNumber ? `，${c.docNumber}` : ''}）`);
    return {
      ...base('commendations'), value: list.length,
      figures: [{ label: '表彰次数', value: list.length }, ...(words.length ? [{ label: '表彰', value: words.join('；') }] : [])],
      explanation: list.length ? `${ctx.year} 年度获表彰 ${list.length} 次：${words.join('；')}` : `${ctx.year} 年度没有登记表彰`,
    };
  },
};

const METRIC_FNS: Record<MetricCode, (ctx: Ctx) => MetricResult> = {
  threeMeetingsOneLesson(ctx) {
    const core = ctx.compliance().filter((r) => (CORE_RULE_IDS as readonly string[]).includes(r.ruleId));
    const rate = completionRate(core);
    const figures = core.map((r) => ({
      label: r.rule,
      value: r.required === 0
        ? '无需检查'
        : `${r.met}/${r.required} 个${r.period === 'month' ? '月' : r.period === 'quarter' ? '季度' : '年度'}${r.missing.length ? `（缺 ${r.missing.map(periodWords).join('、')}）` : ''}`,
    }));
    const required = core.reduce((n, r) => n + r.required, 0);
    const met = core.reduce((n, r) => n + r.met, 0);
    const missing = core.flatMap((r) => r.missing.map((p) => `${r.rule} ${p}`));
    if (rate === null) return { ...base('threeMeetingsOneLesson'), value: null, figures, explanation: '本年度还没有到期应检查的周期' };
    return {
      ...base('threeMeetingsOneLesson'), value: rate, misses: missing.length, figures, missing,
      explanation: `应完成 ${required} 个周期，已完成 ${met} 个，完成率 ${pct(rate)}`,
      activityIds: core.flatMap((r) => r.periods.flatMap((p) => p.activityIds)),
    };
  },

  committeeMonths: (ctx) => monthsMetric(ctx, 'committeeMonths', 'committeeMeeting'),
  themeDayMonths: (ctx) => monthsMetric(ctx, 'themeDayMonths', 'themeDay'),

  lifeMeetingHeld(ctx) {
    const r = ruleOf(ctx, 'lifeMeeting');
    const ids = r ? r.periods.flatMap((p) => p.activityIds) : activityIdsOfType(ctx, 'lifeMeeting');
    const dates = ids.length ? all<{ date: string }>(ctx.ledger, `SELECT date FROM activities WHERE id IN (${ids.join(',')}) ORDER BY date`).map((a) => a.date) : [];
    return {
      ...base('lifeMeetingHeld'), value: ids.length, misses: ids.length ? 0 : 1, activityIds: ids,
      figures: [{ label: '召开次数', value: ids.length }, ...(dates.length ? [{ label: '召开日期', value: dates.join('、') }] : [])],
      explanation: ids.length ? `全年召开组织生活会 ${ids.length} 次（${dates.join('、')}）` : `${asOfWords(ctx)}未召开组织生活会`,
    };
  },

  appraisalDone(ctx) {
    const deadline = `${ctx.year + 1}-03-31`;
    const roster = ctx.roster();
    if (roster.length === 0) return { ...base('appraisalDone'), value: null, figures: [], explanation: `${asOfWords(ctx)}没有在册党员，不适用` };
    const rows = all<{ memberId: number; appraisedOn: string; grade: string | null }>(
      ctx.ledger, 'SELECT member_id AS memberId, appraised_on AS appraisedOn, grade FROM appraisals WHERE org_id = ? AND year = ?', ctx.org.id, ctx.year,
    );
    const byMember = new Map(rows.map((r) => [r.memberId, r]));
    const onRoster = roster.filter((m) => byMember.has(m.id));
    const onTime = onRoster.filter((m) => byMember.get(m.id)!.appraisedOn <= deadline);
    const late = onRoster.length - onTime.length;
    const value = onTime.length / roster.length;
    const dates = [...new Set(rows.map((r) => r.appraisedOn))].sort();
    return {
      ...base('appraisalDone'), value, misses: roster.length - onTime.length,
      figures: [
        { label: `${asOfWords(ctx)}在册党员`, value: roster.length },
        { label: '按时评议人数', value: onTime.length },
        ...(late ? [{ label: `逾期（${deadline} 后）评议人数`, value: late }] : []),
        { label: '评定等次人数', value: onRoster.filter((m) => byMember.get(m.id)!.grade !== null).length },
        ...(dates.length ? [{ label: '评议日期', value: dates.join('、') }] : []),
      ],
      explanation: rows.length === 0
        ? `${ctx.year} 年度尚未开展民主评议党员`
        : `在册 ${roster.length} 人，按时评议 ${onTime.length} 人，完成率 ${pct(value)}`,
    };
  },

  attendanceRate(ctx) {
    // The branch's own meetings and its groups', the records the attendance register counts.
    const own = new Set([ctx.org.id, ...all<{ id: number }>(ctx.ledger, "SELECT id FROM orgs WHERE parent_id = ? AND type = 'group'", ctx.org.id).map((o) => o.id)]);
    const records = attendanceRecords(ctx.ledger, ctx.start, ctx.end).filter((r) => own.has(r.orgId));
    const perMember = memberAttendance(records);
    const expected = perMember.reduce((n, m) => n + m.expected, 0);
    const present = perMember.reduce((n, m) => n + m.present, 0);
    const excused = perMember.reduce((n, m) => n + m.excused, 0);
    if (expected === 0) return { ...base('attendanceRate'), value: null, figures: [], explanation: '全年没有记录应到人员的组织生活，不适用' };
    const below = perMember.filter((m) => m.rate !== null && m.rate < 0.5).length;
    const value = present / expected;
    return {
      ...base('attendanceRate'), value, misses: expected - present,
      figures: [
        { label: '应到人次', value: expected },
        { label: '实到人次', value: present },
        { label: '缺席人次（其中因病因公）', value: `${expected - present}（${excused}）` },
        { label: '参会率低于 50% 的党员', value: `${below} 人` },
      ],
      explanation: `应到 ${expected} 人次，实到 ${present} 人次，参会率 ${pct(value)}`,
    };
  },

  facilities(ctx) {
    const have = new Set<FacilityCode>(ctx.org.facilities);
    const present = FACILITIES.filter((f) => have.has(f.code));
    const missing = FACILITIES.filter((f) => !have.has(f.code)).map((f) => f.label);
    return {
      ...base('facilities'), value: present.length, misses: missing.length, missing,
      figures: [{ label: '已具备', value: `${present.length} 项` }, ...(missing.length ? [{ label: '缺少', value: missing.join('、') }] : [])],
      explanation: `“十有”已具备 ${present.length}/${FACILITIES.length} 项${missing.length ? `，缺少${missing.join('、')}` : ''}（按组织信息中的当前记录）`,
    };
  },

  committeeInTerm(ctx) {
    const terms = listTerms(ctx.ledger, ctx.org.id).filter((t) => t.electedOn <= ctx.asOf).sort((a, b) => (a.electedOn < b.electedOn ? -1 : 1));
    if (terms.length === 0) {
      return { ...base('committeeInTerm'), value: 0, misses: 1, figures: [{ label: '换届记录', value: '无' }], explanation: '台帐中没有本组织的换届记录，请在组织信息中补录支部委员会任期' };
    }
    // Days in the year on which the last elected term had expired and no new one was elected yet.
    const from = ctx.org.foundedOn && ctx.org.foundedOn > ctx.start ? ctx.org.foundedOn : ctx.start;
    const overdue: { from: string; to: string }[] = [];
    terms.forEach((t, i) => {
      const next = terms[i + 1];
      const gapStart = nextDay(t.expiresOn);
      const gapEnd = next ? prevDay(next.electedOn) : ctx.asOf;
      const s = gapStart > from ? gapStart : from;
      const e = gapEnd < ctx.asOf ? gapEnd : ctx.asOf;
      if (s <= e) overdue.push({ from: s, to: e });
    });
    const current = terms[terms.length - 1]!;
    const inTermNow = current.expiresOn >= ctx.asOf;
    const value = overdue.length === 0 && inTermNow ? 1 : 0;
    const figures = [
      { label: '当前届期', value: `${current.electedOn} 至 ${current.expiresOn}` },
      ...(overdue.length ? [{ label: '超期未换届', value: overdue.map((o) => (o.from === o.to ? o.from : `${o.from} 至 ${o.to}`)).join('；') }] : []),
    ];
    const explanation = value === 1
      ? `${asOfWords(ctx)}班子在任期内（${current.electedOn} 选举，${current.expiresOn} 届满）`
      : inTermNow
        ? `年内曾超期未换届（${overdue.map((o) => `${o.from} 至 ${o.to}`).join('；')}），${terms.length > 1 ? `${current.electedOn} 已换届` : ''}`
        : `任期已于 ${current.expiresOn} 届满，${asOfWords(ctx)}仍未换届`;
    return { ...base('committeeInTerm'), value, misses: 1 - value, figures, explanation };
  },

  missingFieldRate(ctx) {
    const roster = ctx.roster();
    if (roster.length === 0) return { ...base('missingFieldRate'), value: null, figures: [], explanation: `${asOfWords(ctx)}没有在册党员，不适用` };
    // The same required fields as 首页's 信息缺项, so the two never disagree.
    const perField = new Map<string, number>();
    let withGaps = 0;
    for (const m of roster) {
      const gaps = missingFields(m);
      if (gaps.length) withGaps += 1;
      for (const f of gaps) perField.set(f, (perField.get(f) ?? 0) + 1);
    }
    const value = withGaps / roster.length;
    const fields = [...perField].sort((a, b) => b[1] - a[1]);
    return {
      ...base('missingFieldRate'), value, misses: withGaps, missing: fields.map(([l]) => l),
      figures: [
        { label: `${asOfWords(ctx)}在册党员`, value: roster.length },
        { label: '有缺项的党员', value: withGaps },
        ...(fields.length ? [{ label: '缺项最多的字段', value: fields.slice(0, 4).map(([l, n]) => `${l} ${n} 人`).join('、') }] : []),
      ],
      explanation: withGaps === 0 ? `在册 ${roster.length} 人，花名册必填项齐全` : `在册 ${roster.length} 人，${withGaps} 人有缺项，缺项率 ${pct(value)}`,
    };
  },

  newMembersAdmitted(ctx) {
    // Admitted here: joined (预备党员) this year while on this org's roster, or admitted in the pipeline
    // before the member record exists.
    const joined = all<{ id: number; joinedOn: string }>(
      ctx.ledger,
      `SELECT DISTINCT m.id, m.joined_on AS joinedOn FROM members m JOIN member_org_spans s ON s.member_id = m.id AND s.org_id = ?
       WHERE m.joined_on BETWEEN ? AND ? AND s.from_date <= m.joined_on AND (s.to_date IS NULL OR s.to_date > m.joined_on)`,
      ctx.org.id, ctx.start, ctx.end,
    );
    const pending = one<{ n: number }>(ctx.ledger, 'SELECT count(*) AS n FROM applicants WHERE org_id = ? AND admitted_on BETWEEN ? AND ? AND member_id IS NULL', ctx.org.id, ctx.start, ctx.end)!.n;
    const activists = one<{ n: number }>(ctx.ledger, 'SELECT count(*) AS n FROM applicants WHERE org_id = ? AND activist_on BETWEEN ? AND ?', ctx.org.id, ctx.start, ctx.end)!.n;
    const value = joined.length + pending;
    return {
      ...base('newMembersAdmitted'), value,
      figures: [
        { label: '接收预备党员', value: `${value} 人` },
        { label: '新确定入党积极分子', value: `${activists} 人` },
      ],
      explanation: value ? `全年接收预备党员 ${value} 人，新确定入党积极分子 ${activists} 人` : `全年未发展党员，新确定入党积极分子 ${activists} 人`,
    };
  },

  mobileKeptUp(ctx) {
    const rosterIds = ctx.roster().map((m) => m.id);
    const mobile = rosterIds.length
      ? all<{ direction: 'out' | 'in'; cardNumber: string | null; contactPhone: string | null; homeOrg: string | null }>(
          ctx.ledger,
          `SELECT direction, card_number AS cardNumber, contact_phone AS contactPhone, home_org AS homeOrg FROM mobile_records
           WHERE member_id IN (${rosterIds.join(',')}) AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)`,
          ctx.asOf, ctx.start,
        )
      : [];
    const mobileOk = mobile.filter((r) => (r.direction === 'out' ? Boolean(r.cardNumber && r.contactPhone) : Boolean(r.homeOrg && r.contactPhone))).length;
    // Each registration (a member's or an outside unit's) owes a feedback for every quarter it was
    // active that has ended by asOf: the entries of the 双报到 page.
    const regs = all<{ id: number; name: string; registeredOn: string; endedOn: string | null }>(
      ctx.ledger,
      `SELECT r.id, coalesce(m.name, r.name) AS name, r.registered_on AS registeredOn, r.ended_on AS endedOn
       FROM resident_registrations r LEFT JOIN members m ON m.id = r.member_id
       WHERE r.community_org_id = ? AND r.registered_on <= ? AND (r.ended_on IS NULL OR r.ended_on >= ?) ORDER BY r.registered_on, r.id`,
      ctx.org.id, ctx.asOf, ctx.start,
    );
    const quarters = periodsOfYear(ctx.year, 'quarter');
    let owed = 0;
    let given = 0;
    const late: string[] = [];
    for (const r of regs) {
      const have = new Set(all<{ period: string }>(ctx.ledger, 'SELECT period FROM resident_feedback WHERE registration_id = ?', r.id).map((f) => f.period));
      const missing: string[] = [];
      for (const [i, q] of quarters.entries()) {
        if (!owedIn(r, q, ctx.asOf)) continue;
        owed += 1;
        if (have.has(q.key)) given += 1;
        else missing.push(QUARTER_NAMES[i]!);
      }
      if (missing.length) late.push(`${r.name}（${missing.join('、')}）`);
    }
    const total = mobile.length + owed;
    const figures = [
      { label: '流动党员（登记齐全/应登记）', value: `${mobileOk}/${mobile.length}` },
      { label: '报到党员季度反馈（已反馈/应反馈）', value: `${given}/${owed}（${regs.length} 人报到）` },
      ...(late.length ? [{ label: '未反馈的季度', value: late.join('；') }] : []),
    ];
    if (total === 0) return { ...base('mobileKeptUp'), value: null, figures, explanation: '本年度没有流动党员和到本组织报到的在职党员，不适用' };
    const ok = mobileOk + given;
    return {
      ...base('mobileKeptUp'), value: ok / total, misses: total - ok, figures,
      explanation: `应到位 ${total} 项，已到位 ${ok} 项，到位率 ${pct(ok / total)}`,
    };
  },

  jointMeetings: (ctx) => countMetric(ctx, 'jointMeetings', 'jointMeeting'),
  volunteerActivities: (ctx) => countMetric(ctx, 'volunteerActivities', 'volunteer'),
  /**
   * 走千家: each household visit (户次) once, plus 走访 activities recorded without household visits
   * (a visit makes or joins a 走访 activity, so counting both would count it twice).
   */
  visits(ctx) {
    const visits = all<{ householdId: number; activityId: number; open: number; resolved: number }>(
      ctx.ledger,
      `SELECT household_id AS householdId, activity_id AS activityId, (referred_to IS NOT NULL AND resolved_on IS NULL) AS open,
         (referred_to IS NOT NULL AND resolved_on IS NOT NULL) AS resolved
       FROM visits WHERE org_id = ? AND voided_at IS NULL AND date BETWEEN ? AND ?`,
      ctx.org.id, ctx.start, ctx.asOf,
    );
    const ids = activityIdsOfType(ctx, 'visit');
    const withVisits = new Set(visits.map((v) => v.activityId));
    const outings = ids.filter((a) => !withVisits.has(a)).length;
    const households = new Set(visits.map((v) => v.householdId)).size;
    const referred = visits.filter((v) => v.open || v.resolved).length;
    const open = visits.filter((v) => v.open).length;
    const value = visits.length + outings;
    return {
      ...base('visits'), value, activityIds: ids,
      figures: [
        { label: '入户走访（户次）', value: visits.length }, { label: '走访户数', value: households },
        { label: '未逐户登记的走访活动', value: outings }, { label: '转办（未办结）', value: `${referred}（${open}）` },
      ],
      explanation: `${ctx.asOf === ctx.end ? '全年' : asOfWords(ctx)}入户走访 ${visits.length} 户次（${households} 户）` +
        (outings ? `，另有未逐户登记的走访活动 ${outings} 次` : '') + `，共 ${value} 次` +
        (referred ? `；转办 ${referred} 件，${open ? `未办结 ${open} 件` : '均已办结'}` : ''),
    };
  },

  postHolders(ctx) {
    const roster = ctx.roster();
    if (roster.length === 0) return { ...base('postHolders'), value: null, figures: [], explanation: `${asOfWords(ctx)}没有在册党员，不适用` };
    const holders = one<{ n: number }>(
      ctx.ledger,
      `SELECT count(DISTINCT member_id) AS n FROM member_posts WHERE member_id IN (${roster.map((m) => m.id).join(',')})
       AND from_date <= ? AND (to_date IS NULL OR to_date > ?)`,
      ctx.asOf, ctx.asOf,
    )!.n;
    const value = holders / roster.length;
    return {
      ...base('postHolders'), value, misses: roster.length - holders,
      figures: [{ label: `${asOfWords(ctx)}在册党员`, value: roster.length }, { label: '认领岗位的党员', value: holders }],
      explanation: `在册 ${roster.length} 人，${holders} 人认领了设岗定责岗位，占 ${pct(value)}`,
    };
  },

  ...METRIC_FNS_REVIEWS,

  duesPaid(ctx) {
    const d = duesCollection(ctx.ledger, ctx.org.id, ctx.year, ctx.asOf);
    if (!d) return { ...base('duesPaid'), value: null, figures: [], explanation: '党费台帐中没有本年度的记录，不适用（请人工评分）' };
    const value = d.onTime / d.months;
    const who = d.arrears.map((a) => `${a.name}（${a.months.map((m) => `${Number(m.slice(5))}月`).join('、')}）`).join('；');
    return {
      ...base('duesPaid'), value, misses: d.unpaidMemberMonths,
      figures: [
        { label: '应收月数', value: d.months }, { label: '按月收齐月数', value: d.onTime },
        { label: '欠交党员', value: d.arrears.length }, { label: '欠交人月', value: d.unpaidMemberMonths },
      ],
      explanation: `${asOfWords(ctx)}应收 ${d.months} 个月，按月收齐 ${d.onTime} 个月（${pct(value)}）` +
        (d.lateMonths.length ? `；未按月收齐：${d.lateMonths.map((m) => `${Number(m.slice(5))}月`).join('、')}` : '') +
        (d.arrears.length ? `；欠交 ${d.arrears.length} 人共 ${d.unpaidMemberMonths} 人月：${who}` : '；无人欠交'),
    };
  },
  aidRecords(ctx) {
    const records = listAid(ctx.ledger, ctx.org.id, ctx.start, ctx.asOf);
    const people = new Set(records.map((r) => (r.householdId !== null ? `h${r.householdId}` : r.recipient))).size;
    const fen = records.reduce((n, r) => n + yuanToFen(r.value), 0);
    const kinds = aidByCategory(records).filter((c) => c.count > 0).map((c) => `${AID_CATEGORY_LABELS[c.category]} ${c.count} 次`);
    const when = ctx.asOf === ctx.end ? '全年' : asOfWords(ctx);
    return {
      ...base('aidRecords'), value: records.length,
      figures: [
        { label: '帮扶次数', value: records.length }, { label: '受助户（人）', value: people }, { label: '折合金额', value: `${formatYuan(fen)} 元` },
        ...(kinds.length ? [{ label: '分类', value: kinds.join('、') }] : []),
      ],
      explanation: records.length ? `${when}登记帮扶 ${records.length} 次，帮扶 ${people} 户（人），折合 ${formatYuan(fen)} 元：${kinds.join('、')}` : `${when}帮扶台账中没有登记帮扶`,
    };
  },
};

function activityIdsOfType(ctx: Ctx, type: string): number[] {
  return all<{ id: number }>(
    ctx.ledger, 'SELECT id FROM activities WHERE org_id = ? AND type = ? AND voided_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id',
    ctx.org.id, type, ctx.start, ctx.asOf,
  ).map((a) => a.id);
}

/** Activities with no frequency rule (志愿服务, 联席会): a plain count of what was recorded. */
function countMetric(ctx: Ctx, code: 'jointMeetings' | 'volunteerActivities', type: string): MetricResult {
  const ids = activityIdsOfType(ctx, type);
  const label = ACTIVITY_TYPES.find((t) => t.code === type)?.label ?? type;
  const months = new Set(ids.length ? all<{ m: string }>(ctx.ledger, `SELECT DISTINCT substr(date, 1, 7) AS m FROM activities WHERE id IN (${ids.join(',')})`).map((r) => r.m) : []);
  return {
    ...base(code), value: ids.length, activityIds: ids,
    figures: [{ label: `${label}次数`, value: ids.length }, { label: '涉及月份', value: `${months.size} 个月` }],
    explanation: `${ctx.asOf === ctx.end ? '全年' : asOfWords(ctx)}记录${label} ${ids.length} 次`,
  };
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

function prevDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

type Cache = { stamp: number; results: Map<string, MetricResult> };
const caches = new WeakMap<Ledger, Cache>();
/** Audit entries of scoring and of the contracts themselves change no metric. */
const STAMP_SQL = "SELECT id FROM audit_log WHERE entity NOT IN ('assessment', 'contract', 'contractTemplate') ORDER BY id DESC LIMIT 1";

function cacheOf(ledger: Ledger): Cache {
  const stamp = one<{ id: number }>(ledger, STAMP_SQL)?.id ?? 0;
  let cache = caches.get(ledger);
  if (!cache || cache.stamp !== stamp) caches.set(ledger, (cache = { stamp, results: new Map() }));
  return cache;
}

/** The branches a community's figures are read from: every branch below it that existed in the year. */
export function branchesBelow(ledger: Ledger, orgId: number, year: number): { id: number; name: string }[] {
  const types = orgTypesOfLevel('branch').map((t) => `'${t}'`).join(',');
  return all<{ id: number; name: string }>(
    ledger,
    `WITH RECURSIVE below(id) AS (SELECT id FROM orgs WHERE parent_id = ? UNION ALL SELECT o.id FROM orgs o JOIN below b ON o.parent_id = b.id)
     SELECT o.id, o.name FROM orgs o JOIN below b ON b.id = o.id
     WHERE o.type IN (${types}) AND (o.founded_on IS NULL OR o.founded_on <= ?) AND (o.dissolved_on IS NULL OR o.dissolved_on > ?)
     ORDER BY o.sort_order, o.id`,
    orgId, `${year}-12-31`, `${year}-01-01`,
  );
}

/** Several metrics of one org and year, sharing the roster and the compliance evaluation. */
export function computeMetrics(ledger: Ledger, orgId: number, year: number, codes: readonly MetricCode[] = METRIC_CODES, opts: MetricOptions = {}): MetricResult[] {
  const ctx = makeCtx(ledger, orgId, year, opts);
  const cache = cacheOf(ledger);
  if (ctx.today < ctx.start) {
    return codes.map((c) => ({ ...base(c), value: null, pending: true, figures: [], explanation: `${year} 年度尚未开始，届时由系统根据台帐计算` }));
  }
  if (contractLevelOf(ctx.org.type) === 'community') {
    // A community's figures are its branches' put together, per metric as COMMUNITY_AGGREGATION says.
    // The branches' own figures are reused when nothing changed since they were computed (a
    // summary computes every branch just before; the audit stamp drops them after any change).
    const branches = branchesBelow(ledger, orgId, year).map((b) => ({ org: b.name, results: computeMetrics(ledger, b.id, year, codes, { ...opts, cached: true }) }));
    return codes.map((c, k) => (COMMUNITY_AGGREGATION[c] === 'own' ? METRIC_FNS[c](ctx)
      : aggregateMetric(c, branches.map((b) => ({ org: b.org, result: b.results[k]! })))));
  }
  return codes.map((c) => {
    const key = `${orgId}|${year}|${ctx.today}|${c}`;
    const hit = opts.cached ? cache.results.get(key) : undefined;
    if (hit) return hit;
    const r = METRIC_FNS[c](ctx);
    cache.results.set(key, r);
    return r;
  });
}

export function computeMetric(ledger: Ledger, code: MetricCode, orgId: number, year: number, opts: MetricOptions = {}): MetricResult {
  return computeMetrics(ledger, orgId, year, [code], opts)[0]!;
}
