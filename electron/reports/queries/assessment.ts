// 责任书, 年终考核表 and 考核汇总表 print what the contract and assessment services hold and
// compute (scores, totals, grades, ranks); nothing is recomputed here.
import type { AssessmentData, AssessmentLine } from '../../../shared/reports/registers/assessment';
import type { SummaryData } from '../../../shared/reports/registers/assessment-summary';
import { type ContractData, bandsText } from '../../../shared/reports/registers/contract';
import type { ScoredIndicator } from '../../../shared/api/assessment';
import { CONTRACT_LEVELS } from '../../../shared/assessment';
import { gradeBands, yearSummary } from '../../ledger/assessments';
import { getContract, listContracts } from '../../ledger/contracts';
import type { Ledger } from '../../ledger/ledger';
import { one } from '../../ledger/sql';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

/** The street committee: party 甲方 of every contract. */
function committeeName(ledger: Ledger): string {
  return one<{ name: string }>(ledger, "SELECT name FROM orgs WHERE type = 'committee' AND parent_id IS NULL ORDER BY id LIMIT 1")?.name ?? '街道党工委';
}

export function contractData(ledger: Ledger, scope: Scope, opts: QueryOptions): ContractData {
  const committee = committeeName(ledger);
  const listed = listContracts(ledger, { year: scope.year }).filter((c) => scope.orgIds.has(c.orgId));
  // Level by level, in the order the summary ranks them (党支部, then 社区党委/党总支).
  const contracts = CONTRACT_LEVELS.flatMap((level) => listed.filter((c) => c.level === level)).map((s) => {
    const c = getContract(ledger, s.id);
    return {
      title: c.title, committee, org: c.org, year: c.year, preamble: c.preamble, issuedOn: c.issuedOn, signedOn: c.signedOn,
      indicators: c.indicators.map((i) => ({ category: i.category, content: i.content, points: i.points, rule: i.ruleText, computed: i.source === 'computed' })),
    };
  });
  return { ...headerFor(scope, opts), contracts, bands: gradeBands(ledger) };
}

/** What a score rests on, in words an inspector can check against the ledger. */
export function scoreBasis(i: ScoredIndicator): string {
  const parts: string[] = [];
  if (i.computed) parts.push(`${i.computed.explanation}；${i.computed.working}`);
  if (i.overridden && i.overrideReason) parts.push(`评定调整：${i.overrideReason}`);
  if (i.note) parts.push(i.note);
  if (i.evidence.length) parts.push(`佐证：${i.evidence.map((e) => e.label).join('、')}`);
  return parts.join('\n');
}

export function assessmentData(ledger: Ledger, scope: Scope, opts: QueryOptions): AssessmentData {
  const summary = yearSummary(ledger, scope.year);
  const sheets = summary.branches.filter((b) => scope.orgIds.has(b.orgId)).map((a) => ({
    org: a.org,
    level: a.level,
    year: a.year,
    lines: a.indicators.map((i): AssessmentLine => ({
      category: i.category, content: i.content, points: i.points, rule: i.ruleText, computed: i.source === 'computed',
      selfScore: i.selfScore, score: i.score, basis: scoreBasis(i),
    })),
    categories: a.categories,
    total: a.total,
    grade: a.grade,
    rank: a.rank,
    of: a.of,
    confirmed: a.status === 'confirmed',
    confirmedOn: a.confirmedAt ? a.confirmedAt.slice(0, 10) : null,
    note: a.note,
  }));
  return { ...headerFor(scope, opts), committee: committeeName(ledger), sheets };
}

export function summaryData(ledger: Ledger, scope: Scope, opts: QueryOptions): SummaryData {
  const summary = yearSummary(ledger, scope.year);
  const levels = CONTRACT_LEVELS.map((level) => {
    const orgs = summary.branches.filter((b) => b.level === level && scope.orgIds.has(b.orgId));
    const categories = orgs[0]?.categories.map((c) => ({ category: c.category, points: c.points })) ?? [];
    const lines = orgs.map((b) => ({
      rank: b.rank,
      org: b.org,
      categories: categories.map((c) => b.categories.find((x) => x.category === c.category)?.score ?? 0),
      total: b.total,
      grade: b.grade,
      confirmed: b.status === 'confirmed',
    }));
    return { level, categories, lines };
  });
  return { ...headerFor(scope, opts), year: scope.year, levels, bands: bandsText(summary.bands) };
}
