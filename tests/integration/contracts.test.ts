import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../shared/assessment';
import {
  adjustContract, createTemplate, getContract, getTemplate, issueContracts, listContracts, listTemplates, saveTemplate, signContract, withdrawContract,
} from '../../electron/ledger/contracts';
import { createOrg, dissolveOrg } from '../../electron/ledger/orgs';
import type { Ledger } from '../../electron/ledger/ledger';
import { tempLedger } from '../helpers/temp-ledger';
import { smallStreet } from '../helpers/builders';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

async function setup() {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  return { ...t, ...smallStreet(t.ledger) };
}

const audits = (t: { ledger: Ledger }, entity: string) =>
  t.ledger.db.prepare('SELECT action, summary FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as { action: string; summary: string }[];

describe('contract templates', () => {
  it('starts from the default 五个好 template, and copies last year’s with the year changed', async () => {
    const t = await setup();
    const y2025 = createTemplate(t.ledger, { year: 2025 });
    expect(y2025).toMatchObject({ year: 2025, title: '2025 年度基层党组织党建工作责任书', sum: 100, warning: null, copiedFromYear: null });
    expect(y2025.indicators).toHaveLength(DEFAULT_TEMPLATE.indicators.length);
    // Edit 2025: one indicator's points and a new one, so the copy is provably of 2025, not the default.
    const edited = y2025.indicators.map((i) => (i.content.includes('述职') ? { ...i, points: 3 } : i));
    saveTemplate(t.ledger, { id: y2025.id, title: y2025.title, preamble: y2025.preamble, indicators: [...edited, { category: '领导班子好', content: '书记参加街道培训', points: 2, source: 'manual', ruleText: '参加得 2 分' }] });
    const y2026 = createTemplate(t.ledger, { year: 2026, copyFromYear: 2025 });
    expect(y2026).toMatchObject({ title: '2026 年度基层党组织党建工作责任书', copiedFromYear: 2025, sum: 100 });
    expect(y2026.preamble).toContain('2026 年度党建工作责任书');
    expect(y2026.indicators.map((i) => [i.content, i.points])).toContainEqual(['书记参加街道培训', 2]);
    expect(y2026.indicators.find((i) => i.content.includes('述职'))!.points).toBe(3);
    expect(listTemplates(t.ledger).map((x) => x.year)).toEqual([2026, 2025]);
    expect(() => createTemplate(t.ledger, { year: 2026 })).toThrow('2026 年度党支部责任书模板已经存在');
    expect(() => createTemplate(t.ledger, { year: 2027, copyFromYear: 2019 })).toThrow('没有 2019 年度党支部责任书模板可以复制');
    expect(audits(t, 'contractTemplate').map((a) => a.summary)).toEqual([
      '按默认“五个好”模板新建 2025 年度党支部责任书模板',
      '修改 2025 年度党支部责任书模板：新增 1 项、修改 1 项，合计 100 分',
      '复制 2025 年度党支部责任书模板为 2026 年度模板',
    ]);
  });

  it('saves a template that does not sum to 100, with the warning', async () => {
    const t = await setup();
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const saved = saveTemplate(t.ledger, { id: tpl.id, title: tpl.title, preamble: null, indicators: tpl.indicators.slice(1) });
    expect(saved.sum).toBe(95);
    expect(saved.warning).toBe('各项指标分值合计 95 分，应为 100 分（少 5 分）');
    expect(saved.indicators).toHaveLength(tpl.indicators.length - 1);
    // The dropped row is retired, not deleted.
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM template_indicators WHERE retired_at IS NOT NULL').get()).toEqual({ n: 1 });
  });

  it('refuses a computed indicator without a metric', async () => {
    const t = await setup();
    const tpl = createTemplate(t.ledger, { year: 2025 });
    expect(() => saveTemplate(t.ledger, { id: tpl.id, title: tpl.title, indicators: [{ category: 'A', content: '按期换届', points: 100, source: 'computed' }] }))
      .toThrow('“按期换届”是系统计算的指标，请选择计算依据');
  });
});

describe('issuing contracts', () => {
  it('issues to every live branch of the year, once; skips the ones already issued', async () => {
    const t = await setup();
    const gone = createOrg(t.ledger, { parentId: t.community, name: '已撤销党支部', type: 'branch', foundedOn: '2000-01-01' });
    dissolveOrg(t.ledger, gone, { date: '2024-06-30' });
    const later = createOrg(t.ledger, { parentId: t.community, name: '2026 年新建党支部', type: 'branch', foundedOn: '2026-03-01' });
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const first = issueContracts(t.ledger, { templateId: tpl.id, issuedOn: '2025-01-20' });
    expect(first.issued.map((x) => x.org)).toEqual(['东风社区第一党支部', '东风社区第二党支部']);
    expect(listContracts(t.ledger, { year: 2025 }).map((c) => c.orgId)).not.toContain(later);
    const again = issueContracts(t.ledger, { templateId: tpl.id });
    expect(again).toEqual({ issued: [], refreshed: [], skipped: [{ org: '东风社区第一党支部', reason: '已下达' }, { org: '东风社区第二党支部', reason: '已下达' }] });
    const c = getContract(t.ledger, first.issued[0]!.contractId);
    expect(c).toMatchObject({ year: 2025, issuedOn: '2025-01-20', sum: 100, adjusted: false, status: 'notScored' });
    expect(c.indicators).toHaveLength(tpl.indicators.length);
    expect(() => issueContracts(t.ledger, { templateId: tpl.id, orgIds: [t.community] })).toThrow('“东风社区党委”是社区党委，请用 2025 年度社区党委/党总支责任书模板下达');
  });

  it('issues to some branches only', async () => {
    const t = await setup();
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const r = issueContracts(t.ledger, { templateId: tpl.id, orgIds: [t.branchB] });
    expect(r.issued.map((x) => x.org)).toEqual(['东风社区第二党支部']);
    expect(getTemplate(t.ledger, { year: 2025 })!.contracts.map((c) => c.org)).toEqual(['东风社区第二党支部']);
  });

  it('keeps a per-branch adjustment apart from the template and from the other branch', async () => {
    const t = await setup();
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const r = issueContracts(t.ledger, { templateId: tpl.id });
    const a = getContract(t.ledger, r.issued[0]!.contractId);
    // Branch A has no partner units: 联席会 is dropped and its 4 points go to 志愿服务.
    const adjusted = a.indicators
      .filter((i) => !i.content.includes('联席会'))
      .map((i) => (i.content.includes('志愿服务') ? { ...i, points: i.points + 4 } : i));
    const after = adjustContract(t.ledger, { contractId: a.id, indicators: adjusted, note: '无共建单位' });
    expect(after).toMatchObject({ adjusted: true, sum: 100, warning: null });
    expect(after.indicators.find((i) => i.content.includes('志愿服务'))!.points).toBe(9);
    const b = getContract(t.ledger, r.issued[1]!.contractId);
    expect(b.adjusted).toBe(false);
    expect(b.indicators.some((i) => i.content.includes('联席会'))).toBe(true);
    expect(getTemplate(t.ledger, { id: tpl.id })!.indicators.some((i) => i.content.includes('联席会'))).toBe(true);
    expect(audits(t, 'contract').at(-1)!.summary).toBe('调整“东风社区第一党支部”2025 年度责任书：修改 1 项、删除 1 项，合计 100 分（无共建单位）');

    // A template edit reaches issued contracts only on refresh, which keeps the branch's own adjustments.
    const tplNow = getTemplate(t.ledger, { id: tpl.id })!;
    saveTemplate(t.ledger, { id: tpl.id, title: tplNow.title, preamble: tplNow.preamble, indicators: tplNow.indicators.map((i) => (i.content.includes('述职') ? { ...i, content: '支部书记年度述职评议' } : i)) });
    expect(getContract(t.ledger, b.id)).toMatchObject({ adjusted: false, outOfDate: true });
    expect(getContract(t.ledger, b.id).indicators.some((i) => i.content === '支部书记年度述职评议')).toBe(false);
    const refreshed = issueContracts(t.ledger, { templateId: tpl.id, refresh: true });
    expect(refreshed.refreshed.map((x) => x.org)).toEqual(['东风社区第一党支部', '东风社区第二党支部']);
    expect(getContract(t.ledger, b.id)).toMatchObject({ adjusted: false, outOfDate: false });
    const aNow = getContract(t.ledger, a.id);
    expect(aNow).toMatchObject({ adjusted: true, outOfDate: false, sum: 100 });
    for (const c of [getContract(t.ledger, b.id), aNow]) expect(c.indicators.some((i) => i.content === '支部书记年度述职评议')).toBe(true);
    expect(aNow.indicators.find((i) => i.content.includes('志愿服务'))!.points).toBe(9);
    expect(aNow.indicators.some((i) => i.content.includes('联席会'))).toBe(false);
    expect(issueContracts(t.ledger, { templateId: tpl.id, refresh: true }).skipped.map((x) => x.reason)).toEqual(['已是最新', '已是最新']);
  });

  it('withdraws and re-issues; signs', async () => {
    const t = await setup();
    const tpl = createTemplate(t.ledger, { year: 2025 });
    const id = issueContracts(t.ledger, { templateId: tpl.id, orgIds: [t.branchA] }).issued[0]!.contractId;
    signContract(t.ledger, { contractId: id, signedOn: '2025-02-01' });
    withdrawContract(t.ledger, { contractId: id, reason: '下达错了支部' });
    expect(listContracts(t.ledger, { year: 2025 })).toHaveLength(0);
    expect(() => withdrawContract(t.ledger, { contractId: id, reason: '再撤一次' })).toThrow('已撤回');
    const again = issueContracts(t.ledger, { templateId: tpl.id, orgIds: [t.branchA], issuedOn: '2025-02-10' });
    expect(again.issued).toEqual([{ contractId: id, org: '东风社区第一党支部' }]);
    expect(getContract(t.ledger, id)).toMatchObject({ withdrawnAt: null, issuedOn: '2025-02-10', signedOn: '2025-02-01' });
    expect(audits(t, 'contract').map((a) => a.action)).toEqual(['update', 'withdraw']);
  });
});
