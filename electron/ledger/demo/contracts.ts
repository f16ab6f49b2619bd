// The demo street's 责任书 and 年终考核: a template for each of the last two years and this one,
// issued to every branch, and a 社区党委/党总支 template issued to every community; the two
// finished years scored by the committee and confirmed. Written
// through the services (so every rule of scoring applies) and deterministic for one seed and
// 'today': the ranking is the same on every run and each number can be traced to the ledger.
import { type Indicator, describeScoringRule, metricDef, roundScore } from '../../../shared/assessment';
import type { Ledger } from '../ledger';
import { confirmAssessment, saveScores, yearSummary } from '../assessments';
import type { ScoresSave } from '../../../shared/schemas/contract';
import { adjustContract, contractIdsOfYear, createTemplate, getContract, issueContracts, saveTemplate, signContract } from '../contracts';
import { all } from '../sql';
import { addDays, nextWorkday, ymd } from './dates';
import type { DemoStreet } from './model';
import { Rng } from './random';

/** Scores that come in halves, as committees write them. */
const half = (n: number) => Math.round(n * 2) / 2;

/** 2025 onwards: the dues register exists, so 党费 is computed from it instead of scored by hand. */
function withDuesComputed(indicators: readonly Indicator[]): Indicator[] {
  return indicators.map((i) =>
    i.content === '按月足额收缴党费'
      ? { ...i, source: 'computed', metric: 'duesPaid', scoring: { mode: 'deduction', perMiss: 0.5 }, ruleText: '按党费台帐计算：每有一人一月未足额交纳扣 0.5 分，扣完为止' }
      : i,
  );
}

/** Why the committee may move a computed score: 帮扶 recorded under its own type counts as 志愿服务. */
function assistanceCount(ledger: Ledger, orgId: number, year: number): number {
  return all<{ n: number }>(ledger, "SELECT count(*) AS n FROM activities WHERE org_id = ? AND type = 'assistance' AND voided_at IS NULL AND date BETWEEN ? AND ?", orgId, `${year}-01-01`, `${year}-12-31`)[0]!.n;
}

function hasPartners(ledger: Ledger, orgId: number, year: number): boolean {
  return all(ledger, 'SELECT 1 FROM partner_units WHERE org_id = ? AND (since IS NULL OR since <= ?) AND (until IS NULL OR until >= ?)', orgId, `${year}-12-31`, `${year}-01-01`).length > 0;
}

/** Scores every manual indicator, with a self-score a little above the committee's, and confirms. */
function scoreYear(ledger: Ledger, rng: Rng, year: number, today: string, overrideDone: { value: boolean }): void {
  // Nothing the metrics read changes while the demo scores, so figures are computed once per branch.
  const opts = { today, cached: true };
  const summary = yearSummary(ledger, year, opts);
  for (const view of summary.branches) {
    const c = view.contractId;
    // How well the ledger says the branch worked sets the tone of the hand-scored lines, so the
    // ranking reads as one story: good records and good manual scores go together.
    const computed = view.indicators.filter((i) => i.source === 'computed');
    const record = computed.reduce((s, i) => s + (i.computedScore ?? 0), 0) / Math.max(1, computed.reduce((s, i) => s + i.points, 0));
    const b = rng.fork(`${year}-${view.org}`);
    const scores: ScoresSave['scores'] = view.indicators.filter((x) => x.source === 'manual').map((i) => {
      const share = Math.min(1, Math.max(0.55, record - 0.05 + b.next() * 0.12));
      const committee = half(i.points * share);
      return { indicatorId: i.id, selfScore: Math.min(i.points, committee + half(b.int(0, 2) * 0.5)), committeeScore: committee };
    });
    // Branches score themselves on the computed lines too, a little generously (to the half point).
    for (const i of computed) {
      if (i.computedScore !== null) scores.push({ indicatorId: i.id, selfScore: Math.min(i.points, Math.ceil(i.computedScore * 2) / 2) });
    }
    // One override a year, where the ledger shows why: 帮扶 activities recorded under their own type.
    const volunteer = view.indicators.find((i) => i.metric === 'volunteerActivities');
    const assists = assistanceCount(ledger, view.orgId, year);
    if (!overrideDone.value && volunteer && volunteer.computedScore !== null && volunteer.computedScore < volunteer.points && assists >= 3) {
      const entry = scores.find((x) => x.indicatorId === volunteer.id)!;
      entry.committeeScore = roundScore(Math.min(volunteer.points, volunteer.computedScore + volunteer.points * (assists / 12)));
      entry.overrideReason = `该支部全年开展“五助二扶一带”帮扶活动 ${assists} 次，记为“帮扶”类型，经考核组核实按志愿服务计分`;
      overrideDone.value = true;
    }
    saveScores(ledger, { contractId: c, scores }, opts);
    confirmAssessment(ledger, { contractId: c }, opts);
  }
}

function issueYear(ledger: Ledger, templateId: number, year: number, rng: Rng): void {
  const issuedOn = nextWorkday(ymd(year, 1, 20));
  issueContracts(ledger, { templateId, issuedOn });
  for (const c of contractIdsOfYear(ledger, year)) signContract(ledger, { contractId: c, signedOn: nextWorkday(addDays(issuedOn, rng.int(3, 20))) });
}

/** The communities' template of a year (a copy of last year's when there is one), issued and signed. */
function issueCommunities(ledger: Ledger, year: number, copyFromYear: number | null, rng: Rng): void {
  const tpl = createTemplate(ledger, { year, level: 'community', copyFromYear });
  const issuedOn = nextWorkday(ymd(year, 1, 20));
  for (const c of issueContracts(ledger, { templateId: tpl.id, issuedOn }).issued) {
    signContract(ledger, { contractId: c.contractId, signedOn: nextWorkday(addDays(issuedOn, rng.int(3, 20))) });
  }
}

/** Adds the templates, contracts and the confirmed assessments of the two finished years. */
export function addDemoContracts(ledger: Ledger, street: DemoStreet): void {
  const rng = new Rng(street.seed).fork('contracts');
  const thisYear = Number(street.today.slice(0, 4));
  const [y0, y1] = [thisYear - 2, thisYear - 1];

  // Two years ago: the default 五个好 template, as it came.
  const first = createTemplate(ledger, { year: y0 });
  issueYear(ledger, first.id, y0, rng);
  const communities = rng.fork('communities');
  issueCommunities(ledger, y0, null, communities);
  scoreYear(ledger, rng.fork(String(y0)), y0, street.today, { value: false });

  // Last year: copied, with 党费 now computed from the dues register started that January.
  const copied = createTemplate(ledger, { year: y1, copyFromYear: y0 });
  saveTemplate(ledger, { id: copied.id, title: copied.title, preamble: copied.preamble, indicators: withDuesComputed(copied.indicators) });
  issueYear(ledger, copied.id, y1, rng);
  // Branches without a partner unit cannot hold 联席会: their 4 points go to 志愿服务 (a per-branch adjustment).
  for (const c of contractIdsOfYear(ledger, y1)) {
    const contract = getContract(ledger, c);
    if (hasPartners(ledger, contract.orgId, y1)) continue;
    const joint = contract.indicators.find((i) => i.metric === 'jointMeetings');
    if (!joint) continue;
    const indicators = contract.indicators
      .filter((i) => i.id !== joint.id)
      .map((i) => (i.metric === 'volunteerActivities'
        ? { ...i, points: i.points + joint.points, content: `${i.content}（含原联席会分值）`, ruleText: describeScoringRule(i.points + joint.points, i.scoring, metricDef(i.metric)!) }
        : i));
    adjustContract(ledger, { contractId: c, indicators, note: '无共建单位，联席会分值并入志愿服务' });
  }
  issueCommunities(ledger, y1, y0, communities);
  scoreYear(ledger, rng.fork(String(y1)), y1, street.today, { value: false });

  // This year: copied from last year and issued; scored at year end.
  const current = createTemplate(ledger, { year: thisYear, copyFromYear: y1 });
  issueYear(ledger, current.id, thisYear, rng);
  issueCommunities(ledger, thisYear, y1, communities);
}
