// `npm run -s ledger -- assessment --db FILE --year 2025 --json`: the shape the issue fixes, on a
// small ledger whose scores are known.
import { afterEach, describe, expect, it } from 'vitest';
import { createTemplate, issueContracts } from '../../electron/ledger/contracts';
import { confirmAssessment, getAssessment, saveScores } from '../../electron/ledger/assessments';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { branchYear } from '../helpers/assessment-fixtures';
import { saveSecretaryReview } from '../../electron/ledger/secretary-reviews';
import { runCli } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('assessment CLI', () => {
  // Three CLI runs: slow on a busy machine, so a generous limit.
  it('prints each branch’s total, grade, rank and indicators, with the figures behind computed scores', { timeout: 240_000 }, async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const ids = branchYear(t.ledger);
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const issued = issueContracts(t.ledger, { templateId: tpl.id, issuedOn: '2025-01-15' }).issued;
    const a = issued[0]!.contractId;
    const opts = { today: '2026-11-22' };
    // 述职 and 满意度 come from the 述职评议 record (as in assessment.test.ts): 5 + 9.5 points.
    saveSecretaryReview(t.ledger, { orgId: ids.branchA, year: 2025, secretary: '王建国', reportedOn: '2025-12-20', members: { good: 3, fair: 1, average: 0, poor: 0 }, residents: { good: 15, fair: 4, average: 1, poor: 0 } }, opts);
    const manual = getAssessment(t.ledger, a, opts).indicators.filter((i) => i.source === 'manual');
    saveScores(t.ledger, { contractId: a, scores: manual.map((i) => ({ indicatorId: i.id, committeeScore: i.points })) }, opts);
    confirmAssessment(t.ledger, { contractId: a }, opts);
    t.ledger.close();

    const r = runCli(['assessment', '--db', t.path, '--year', '2025', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.year).toBe(2025);
    expect(out.branches.map((b: { org: string; rank: number }) => [b.org, b.rank])).toEqual([['东风社区第一党支部', 1], ['东风社区第二党支部', 2]]);
    const first = out.branches[0];
    // 49.04 + 14.5 computed (see assessment.test.ts) + 13 for the three manual lines at full points.
    expect(first).toMatchObject({ org: '东风社区第一党支部', total: 76.54, grade: '一般', rank: 1, status: 'confirmed', complete: true });
    const sum = first.indicators.reduce((s: number, i: { score: number }) => s + i.score, 0);
    expect(Math.round(sum * 100) / 100).toBe(first.total);
    const months = first.indicators.find((i: { name: string }) => i.name === '支部委员会会议每月至少召开一次');
    expect(months).toMatchObject({ points: 10, score: 8.33, source: 'computed', value: 10, working: '10 个月 ÷ 12 个月 × 10 分 = 8.33 分' });
    expect(first.indicators.find((i: { source: string }) => i.source === 'manual')).toMatchObject({ source: 'manual', score: 4, points: 4 });

    const text = runCli(['assessment', '--db', t.path, '--year', '2025', '--org', '东风社区第一党支部'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('东风社区第一党支部　76.54 分，一般，第 1 名（共 2 个支部）');
    expect(text.stdout).toContain('支部委员会会议：应开展 12 个月，已开展 10 个月，3月、7月未开展；10 个月 ÷ 12 个月 × 10 分 = 8.33 分');
    expect(runCli(['assessment', '--db', t.path, '--year', '25'], { LEDGER_PASSWORD: TEST_PASSWORD }).code).toBe(2);
    // --org is the org with its sub-orgs, by exact name, as in export and compliance; never a part of a name.
    const committee = runCli(['assessment', '--db', t.path, '--year', '2025', '--org', '东风社区党委', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(committee.code).toBe(0);
    expect(committee.json().branches.map((b: { org: string }) => b.org)).toEqual(['东风社区第一党支部', '东风社区第二党支部']);
    expect(runCli(['assessment', '--db', t.path, '--year', '2025', '--org', '第一党支部'], { LEDGER_PASSWORD: TEST_PASSWORD }).code).toBe(2);
  });
});
