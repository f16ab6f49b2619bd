// 组织设置规则, one rule at a time, at and either side of each limit.
import { describe, expect, it } from 'vitest';
import { settingIssues, unitList, type SettingFacts, type SettingRule } from '../../shared/domain/org-setting';

const ON = '2026-06-30';
const base: SettingFacts = { type: 'branch', full: 5, probationary: 0, units: [], committeeSize: null, termExpiresOn: null };
const rules = (over: Partial<SettingFacts>, on = ON): SettingRule[] => settingIssues({ ...base, ...over }, on).map((i) => i.rule);

describe('a branch needs at least 3 full members', () => {
  it('2 full members break it, probationary ones do not count, 3 are enough', () => {
    expect(rules({ full: 2, probationary: 4 })).toEqual(['minFull']);
    expect(rules({ full: 3 })).toEqual([]);
    expect(rules({ full: 0 })).toEqual(['minFull']);
  });
  it('applies to joint and temporary branches, not to 党委, 党总支 or 党小组', () => {
    expect(rules({ type: 'jointBranch', full: 2 })).toEqual(['minFull']);
    expect(rules({ type: 'temporaryBranch', full: 2 })).toEqual(['minFull']);
    for (const type of ['committee', 'partyCommittee', 'generalBranch', 'group'] as const) expect(rules({ type, full: 0 })).toEqual([]);
  });
  it('says what to do', () => {
    expect(settingIssues({ ...base, full: 2 }, ON)[0]!.message).toContain('联合党支部');
  });
});

describe('a branch generally has at most 50 members', () => {
  it('counts full and probationary members: 50 is fine, 51 is not', () => {
    expect(rules({ full: 45, probationary: 5, committeeSize: 5 })).toEqual([]);
    expect(rules({ full: 45, probationary: 6, committeeSize: 5 })).toEqual(['maxMembers']);
    expect(settingIssues({ ...base, full: 51, committeeSize: 5 }, ON)[0]!.message).toMatch(/党小组.*分设/);
  });
});

describe('a joint branch spans at most 5 units', () => {
  it('5 units are fine, 6 are not; an ordinary branch is never checked', () => {
    expect(rules({ type: 'jointBranch', units: ['a', 'b', 'c', 'd', 'e'] })).toEqual([]);
    expect(rules({ type: 'jointBranch', units: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['jointUnits']);
    expect(rules({ type: 'branch', units: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([]);
  });
  it('reads the stored units one per line, ignoring blank lines', () => {
    expect(unitList('甲公司\n\n 乙公司 \n')).toEqual(['甲公司', '乙公司']);
    expect(unitList(null)).toEqual([]);
  });
});

describe('a branch with 7+ full members has a committee of 3–5 (at most 7)', () => {
  it('below 7 full members no committee is required', () => {
    expect(rules({ full: 6, committeeSize: null })).toEqual([]);
    expect(rules({ full: 6, committeeSize: 1 })).toEqual([]);
  });
  it('from 7 full members: none, 2 or 8 break it; 3 and 7 are within', () => {
    expect(rules({ full: 7, committeeSize: null })).toEqual(['committeeSize']);
    expect(rules({ full: 7, committeeSize: 2 })).toEqual(['committeeSize']);
    expect(rules({ full: 7, committeeSize: 3 })).toEqual([]);
    expect(rules({ full: 30, committeeSize: 7 })).toEqual([]);
    expect(rules({ full: 30, committeeSize: 8 })).toEqual(['committeeSize']);
    expect(settingIssues({ ...base, full: 7 }, ON)[0]!.message).toContain('未设支部委员会');
  });
});

describe('a committee term runs out', () => {
  it('the expiry day itself is still within the term, the day after is not', () => {
    expect(rules({ termExpiresOn: ON })).toEqual([]);
    expect(rules({ termExpiresOn: '2026-06-29' })).toEqual(['termExpired']);
    expect(rules({ type: 'partyCommittee', termExpiresOn: '2020-01-01' })).toEqual(['termExpired']);
  });
});

it('lists every rule an org breaks, in a fixed order', () => {
  expect(rules({ type: 'jointBranch', full: 60, units: ['1', '2', '3', '4', '5', '6'], committeeSize: 9, termExpiresOn: '2020-01-01' }))
    .toEqual(['maxMembers', 'jointUnits', 'committeeSize', 'termExpired']);
});
