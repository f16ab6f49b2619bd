// 组织设置规则 on a real ledger: each rule broken by one org of a hand-built street, found from
// today's roll, listed by `verify` as 提示 without failing it, and on 首页's 需要关注.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgDetail, OrgNode } from '../../shared/api/orgs';
import { today } from '../../shared/dates';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { settingFindings } from '../../electron/ledger/org-setting';
import { createOrg, electCommittee } from '../../electron/ledger/orgs';
import { runCli } from '../helpers/cli';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempDir } from '../helpers/temp-ledger';

const { dir, cleanup } = tempDir('org-setting-');
afterAll(cleanup);
const db = join(dir, 'street.ledger');
const PW = 'first-password-1';
let seq = 1;
let ids: { branchA: number; branchB: number; joint: number; big: number; community: number };

function addMembers(ledger: Ledger, orgId: number, n: number, kind: 'full' | 'probationary' = 'full'): number[] {
  return Array.from({ length: n }, () => {
    const s = seq++;
    const over = kind === 'full' ? {} : { kind, joinedOn: '2026-01-01', confirmedOn: null };
    return createMember(ledger, memberInput(orgId, { name: `党员${s}`, idNumber: makeId('19800512', s), ...over }));
  });
}

beforeAll(async () => {
  const { ledger } = await Ledger.create(db, PW);
  try {
    const s = smallStreet(ledger);
    // branchA: 2 full + 3 probationary → fewer than 3 full members.
    addMembers(ledger, s.branchA, 2);
    addMembers(ledger, s.branchA, 3, 'probationary');
    // branchB: 8 full members and a committee of 2 whose term ran out.
    const b = addMembers(ledger, s.branchB, 8);
    electCommittee(ledger, s.branchB, { electedOn: '2018-03-01', expiresOn: '2021-03-01', roles: [
      { memberId: b[0], personName: '党员', role: 'secretary' }, { memberId: b[1], personName: '党员', role: 'organization' }] });
    // A joint branch of 6 units with 3 full members.
    const joint = createOrg(ledger, { parentId: s.community, name: '东风商圈联合党支部', type: 'jointBranch', category: 'nonPublic', units: '甲\n乙\n丙\n丁\n戊\n己' });
    addMembers(ledger, joint, 3);
    // 51 members, with a committee of 5 in term.
    const big = createOrg(ledger, { parentId: s.community, name: '东风社区离退休党支部', type: 'branch', category: 'community' });
    const m = addMembers(ledger, big, 51);
    electCommittee(ledger, big, { electedOn: today(), roles: m.slice(0, 5).map((id) => ({ memberId: id, personName: '党员', role: 'member' as const })) });
    ids = { branchA: s.branchA, branchB: s.branchB, joint, big, community: s.community };
  } finally {
    ledger.close();
  }
});

describe('setting rules on a real ledger', () => {
  it('finds each broken rule at the org that breaks it, and nothing else', async () => {
    const ledger = await Ledger.open(db, PW);
    try {
      const found = settingFindings(ledger).map((f) => [f.orgId, f.rule]);
      expect(found).toEqual(expect.arrayContaining([
        [ids.branchA, 'minFull'],
        [ids.branchB, 'committeeSize'],
        [ids.branchB, 'termExpired'],
        [ids.joint, 'jointUnits'],
        [ids.big, 'maxMembers'],
      ]));
      expect(found).toHaveLength(5);
      const dash = dashboardSummary(ledger, null);
      // 首页 shows the term under its own heading (terms); the other rules under 组织设置.
      expect(dash.settings.map((f) => [f.orgId, f.rule])).toEqual(found.filter(([, r]) => r !== 'termExpired'));
      expect(dash.terms.map((t) => [t.orgId, t.state])).toContainEqual([ids.branchB, 'expired']);
      expect(dashboardSummary(ledger, ids.joint).settings.map((f) => f.rule)).toEqual(['jointUnits']);
    } finally {
      ledger.close();
    }
  });

  it('verify lists them as 提示 and still exits 0', () => {
    const v = runCli(['verify', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(v.code, v.stderr).toBe(0);
    const out = v.json();
    expect(out).toMatchObject({ ok: true, findings: [] });
    expect(out.hints.map((h: { rule: string }) => h.rule).sort()).toEqual(['committeeSize', 'jointUnits', 'maxMembers', 'minFull', 'termExpired']);
    const text = runCli(['verify', '--db', db], { LEDGER_PASSWORD: PW });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('检查通过');
    expect(text.stdout).toContain('提示：东风社区第一党支部：正式党员 2 人');
  });
});

describe('the 组织 page data', () => {
  it('carries each org\'s setting warnings, in the tree and on the org', async () => {
    const ledger = await Ledger.open(db, PW);
    try {
      const state = new SessionState(db);
      state.ledger = ledger;
      const tree = await dispatch(state, 'orgs.tree', {});
      if (!tree.ok) throw new Error(tree.error.message);
      const nodes = tree.value as OrgNode[];
      const rules = (id: number) => nodes.find((o) => o.id === id)!.settingIssues.map((i) => i.rule);
      expect(rules(ids.branchA)).toEqual(['minFull']);
      expect(rules(ids.branchB)).toEqual(['committeeSize', 'termExpired']);
      expect(rules(ids.joint)).toEqual(['jointUnits']);
      expect(rules(ids.big)).toEqual(['maxMembers']);
      expect(rules(ids.community)).toEqual([]);
      const big = await dispatch(state, 'orgs.get', { id: ids.big });
      if (!big.ok) throw new Error(big.error.message);
      expect((big.value as OrgDetail).settingIssues).toEqual([{ rule: 'maxMembers', message: '党员 51 人，超过 50 人：宜划分党小组或分设党支部' }]);
    } finally {
      ledger.close();
    }
  });
});
