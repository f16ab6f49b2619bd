// 述职评议 and 表彰 on a real ledger: the 述职 and 满意度 indicators computed from the record (and
// the committee's override still winning, with a reason); a commendation created, printed in the
// 表彰台账 (read back from Excel and PDF), counted by the commendations metric, then voided.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate, issueContracts } from '../../electron/ledger/contracts';
import { getAssessment, scoreIndicator } from '../../electron/ledger/assessments';
import { computeMetric } from '../../electron/ledger/metrics';
import { attachToSecretaryReview, listSecretaryReviews, saveSecretaryReview, voidSecretaryReview } from '../../electron/ledger/secretary-reviews';
import { attachToCommendation, createCommendation, listCommendations, voidCommendation } from '../../electron/ledger/commendations';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import type { RegisterName } from '../../shared/reports/catalog';
import { branchYear } from '../helpers/assessment-fixtures';
import { tempLedger } from '../helpers/temp-ledger';

const opts = { today: '2026-01-20' };
let t: Awaited<ReturnType<typeof tempLedger>>;
let ids: ReturnType<typeof branchYear>;
let contractA: number;

beforeAll(async () => {
  t = await tempLedger();
  ids = branchYear(t.ledger);
  const tpl = createTemplate(t.ledger, { year: 2025 });
  contractA = issueContracts(t.ledger, { templateId: tpl.id, issuedOn: '2025-01-15' }).issued.find((c) => c.org === '东风社区第一党支部')!.contractId;
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const indicator = (part: string) => getAssessment(t.ledger, contractA, opts).indicators.find((i) => i.content.includes(part))!;
const exportTo = async (register: RegisterName, format: 'pdf' | 'xlsx', mask = false) => {
  const file = join(t.dir, `${register}${mask ? '-masked' : ''}.${format}`);
  await exportRegister(t.ledger, { register, format, scope: { orgId: null }, period: { year: 2025 }, maskIds: mask, today: opts.today }, file);
  return file;
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();
async function sheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
  return rows;
}
const PDF_BYTES = Buffer.from('%PDF-1.4\n% 述职报告\n').toString('base64');

describe('述职评议', () => {
  it('without a record the 述职 and 满意度 indicators score 0 and say where to record it', () => {
    expect(indicator('述职')).toMatchObject({ source: 'computed', computedScore: 0 });
    expect(indicator('述职').computed!.explanation).toBe('没有 2025 年度书记述职的记录，请在“述职评议”页登记述职日期和评议结果');
    expect(indicator('满意度').computedScore).toBe(0);
  });

  it('computes both indicators from the record and explains them', () => {
    const r = saveSecretaryReview(t.ledger, {
      orgId: ids.branchA, year: 2025, secretary: '王建国', reportedOn: '2025-12-20', attendees: '街道党工委 周明，党员 24 人',
      members: { good: 18, fair: 5, average: 1, poor: 0 },
    }, opts);
    attachToSecretaryReview(t.ledger, { ownerId: r.id, fileName: '2025年述职报告.pdf', dataBase64: PDF_BYTES });
    const report = indicator('述职');
    expect(report.computedScore).toBe(5);
    expect(report.computed!.explanation).toBe('述职 2025-12-20（王建国），党员评议 好 18 较好 5 一般 1，满意率 95.8%');
    expect(report.computed!.figures).toContainEqual({ label: '述职报告', value: '2025年述职报告.pdf' });
    // No residents' representatives yet: 满意度 falls back on the members' rating, and says so.
    const sat = indicator('满意度');
    expect(sat.computed!.explanation).toBe('党员评议 好 18 较好 5 一般 1，满意率 95.8%（没有群众代表评议，按党员评议计）');
    expect(sat.computedScore).toBe(9.58);
    // The residents' rating, once recorded, is what 满意度 counts (好 + 较好 of all votes).
    saveSecretaryReview(t.ledger, {
      orgId: ids.branchA, year: 2025, secretary: '王建国', reportedOn: '2025-12-20', attendees: '街道党工委 周明，党员 24 人，居民代表 20 人',
      members: { good: 18, fair: 5, average: 1, poor: 0 }, residents: { good: 12, fair: 4, average: 3, poor: 1 },
    }, opts);
    expect(indicator('满意度')).toMatchObject({ computedScore: 8 });
    expect(indicator('满意度').computed!.working).toBe('80% ÷ 100% × 10 分 = 8 分');
    expect(listSecretaryReviews(t.ledger, 2025).find((x) => x.orgId === ids.branchA)!.review!.attachments.map((a) => a.fileName)).toEqual(['2025年述职报告.pdf']);
  });

  it('the committee may still override a computed score, with a reason, and its score counts', () => {
    const sat = indicator('满意度');
    expect(() => scoreIndicator(t.ledger, { contractId: contractA, indicatorId: sat.id, committeeScore: 9 }, opts))
      .toThrow('“群众满意度测评”的考核组评分与系统计算的 8 分不同，请填写调整理由');
    scoreIndicator(t.ledger, { contractId: contractA, indicatorId: sat.id, committeeScore: 9, overrideReason: '补充测评问卷 10 份已核实' }, opts);
    expect(indicator('满意度')).toMatchObject({ score: 9, computedScore: 8, overridden: true, overrideReason: '补充测评问卷 10 份已核实' });
  });

  it('prints the 述职评议表 with every org, the tallies and the satisfaction rates', { timeout: 120_000 }, async () => {
    const rows = await sheetRows(await exportTo('secretary-review', 'xlsx'));
    const a = rows.find((r) => r.includes('东风社区第一党支部'))!;
    expect(a.slice(1)).toEqual(['东风社区第一党支部', '王建国', '2025-12-20', '街道党工委 周明，党员 24 人，居民代表 20 人', '2025年述职报告.pdf',
      '18', '5', '1', '0', '95.8%', '12', '4', '3', '1', '80.0%']);
    // An org that has not reported yet is listed, with its secretary and 未述职.
    expect(rows.find((r) => r.includes('东风社区第二党支部'))!.slice(3, 4)).toEqual(['未述职']);
    expect(rows.some((r) => r.includes('东风社区党委'))).toBe(true);
    const text = pdfText(await exportTo('secretary-review', 'pdf'));
    expect(text).toContain('书记抓党建述职评议表');
    expect(text).toMatch(/东风社区第一党支部\s+王建国\s+2025-12-20/);
    expect(text).toContain('95.8%');
  });

  it('a voided record no longer counts', () => {
    const r = listSecretaryReviews(t.ledger, 2025).find((x) => x.orgId === ids.branchB)!;
    const saved = saveSecretaryReview(t.ledger, { orgId: r.orgId, year: 2025, reportedOn: '2025-12-22', members: { good: 1, fair: 0, average: 0, poor: 0 } }, opts);
    expect(computeMetric(t.ledger, 'secretaryReport', ids.branchB, 2025, opts).value).toBe(1);
    voidSecretaryReview(t.ledger, saved.id, '误录为第二党支部');
    expect(computeMetric(t.ledger, 'secretaryReport', ids.branchB, 2025, opts).value).toBe(0);
  });
});

describe('表彰', () => {
  it('a round trip: created with a file, in the 表彰台账 (Excel and PDF), counted, then voided', { timeout: 120_000 }, async () => {
    const member = createCommendation(t.ledger, { kind: 'member', memberId: ids.m1, title: '优秀共产党员', level: 'district', year: 2025, awardedOn: '2025-06-28', issuer: '区委', docNumber: '区委发〔2025〕12号' });
    expect(member.orgId).toBe(ids.branchA);
    const home = createCommendation(t.ledger, { kind: 'household', orgId: ids.branchA, householdName: '李秀英', householdAddress: '东风路幸福里小区3栋2单元501室', title: '社区党员文明户', level: 'street', year: 2025, docNumber: '街党工委〔2025〕8号' });
    const org = createCommendation(t.ledger, { kind: 'org', orgId: ids.community, title: '先进基层党组织', level: 'city', year: 2025, docNumber: '市委组〔2025〕3号' });
    attachToCommendation(t.ledger, { ownerId: org.id, fileName: '表彰决定.pdf', dataBase64: PDF_BYTES });
    expect(listCommendations(t.ledger, { memberId: ids.m1 }).map((c) => c.title)).toEqual(['优秀共产党员']);
    expect(listCommendations(t.ledger, { orgId: ids.community }).find((c) => c.id === org.id)!.attachments.map((a) => a.fileName)).toEqual(['表彰决定.pdf']);

    const rows = await sheetRows(await exportTo('commendations', 'xlsx'));
    expect(rows.find((r) => r.includes('王建国'))!.slice(1)).toEqual(['党员', '王建国', '东风社区第一党支部', '优秀共产党员', '区', '区委', '区委发〔2025〕12号', '2025-06-28']);
    expect(rows.find((r) => r.includes('先进基层党组织'))!.slice(1, 6)).toEqual(['党组织', '东风社区党委', '东风社区党委', '先进基层党组织', '市']);
    expect(rows.find((r) => r.includes('社区党员文明户'))![2]).toBe('李秀英家（东风路幸福里小区3栋2单元501室）');
    const masked = await sheetRows(await exportTo('commendations', 'xlsx', true));
    expect(masked.find((r) => r.includes('社区党员文明户'))![2]).not.toContain('501室');
    expect(pdfText(await exportTo('commendations', 'pdf'))).toMatch(/王建国\s+东风社区第一党支部\s+优秀共产党员/);

    // Counted for the branch (its member and the household it put forward), explained.
    const counted = computeMetric(t.ledger, 'commendations', ids.branchA, 2025, opts);
    expect(counted.value).toBe(2);
    expect(counted.explanation).toBe('2025 年度获表彰 2 次：区级“优秀共产党员”（王建国，区委发〔2025〕12号）；街道级“社区党员文明户”（李秀英家（东风路幸福里小区3栋2单元501室），街党工委〔2025〕8号）');

    voidCommendation(t.ledger, home.id, '评比结果撤回');
    expect(computeMetric(t.ledger, 'commendations', ids.branchA, 2025, opts).value).toBe(1);
    expect(listCommendations(t.ledger, { year: 2025 }).map((c) => c.id)).not.toContain(home.id);
    expect(listCommendations(t.ledger, { year: 2025, includeVoided: true }).find((c) => c.id === home.id)).toMatchObject({ voidReason: '评比结果撤回' });
    expect((await sheetRows(await exportTo('commendations', 'xlsx'))).some((r) => r.includes('社区党员文明户'))).toBe(false);
    const audit = t.ledger.db.prepare("SELECT action FROM audit_log WHERE entity = 'commendation' AND entity_id = ? ORDER BY id").pluck().all(home.id);
    expect(audit).toEqual(['create', 'void']);
    expect(() => voidCommendation(t.ledger, home.id, '再次作废')).toThrow('这条表彰记录已经作废了。');
  });
});
