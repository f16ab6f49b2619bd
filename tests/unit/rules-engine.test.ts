import { describe, expect, it } from 'vitest';
import {
  type ActivityFact, type OrgFacts, type RuleDef, ActivityIndex, DEFAULT_BRANCH_RULES, committeeOn, completionRate,
  evaluateOrg, evaluateRule, parseComplianceConfig, rosterOn, rulesFor,
} from '../../shared/rules';

const rule = (id: string): RuleDef => DEFAULT_BRANCH_RULES.find((r) => r.id === id)!;
const AFTER_2025 = '2026-03-01';

function org(over: Partial<OrgFacts> = {}): OrgFacts {
  return { id: 1, name: '幸福里社区第一党支部', type: 'branch', foundedOn: '2010-05-01', dissolvedOn: null, groups: [], committee: [], roster: [], ...over };
}

let nextId = 1;
function act(type: string, date: string, over: Partial<ActivityFact> = {}): ActivityFact {
  return { id: nextId++, orgId: 1, type, date, attendance: [], ...over };
}

function monthlyDates(year: number, except: number[] = []): string[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !except.includes(m)).map((m) => `${year}-${String(m).padStart(2, '0')}-10`);
}

describe('frequency rules at period edges', () => {
  it('counts a meeting on the last day of a quarter for that quarter only', () => {
    const idx = new ActivityIndex([act('branchAssembly', '2025-03-31'), act('branchAssembly', '2025-07-01'), act('branchAssembly', '2025-12-31')]);
    const r = evaluateRule(rule('branchAssembly'), org(), idx, { year: 2025, today: AFTER_2025 });
    expect(r.periods.map((p) => p.status)).toEqual(['met', 'missing', 'met', 'met']);
    expect(r).toMatchObject({ rule: '支部党员大会', period: 'quarter', required: 4, met: 3, missing: ['2025-Q2'] });
  });

  it('reports the missing month of a monthly rule and names the satisfying activities', () => {
    const acts = monthlyDates(2025, [7]).map((d) => act('themeDay', d));
    const r = evaluateRule(rule('themeDay'), org(), new ActivityIndex(acts), { year: 2025, today: AFTER_2025 });
    expect(r).toMatchObject({ required: 12, met: 11, missing: ['2025-07'] });
    expect(r.periods[0]!.activityIds).toEqual([acts[0]!.id]);
    expect(r.periods[6]).toMatchObject({ period: '2025-07', status: 'missing', count: 0, needed: 1, activityIds: [] });
  });

  it('never counts a voided activity', () => {
    const idx = new ActivityIndex([act('partyLesson', '2025-02-10', { voided: true })]);
    const r = evaluateRule(rule('partyLesson'), org(), idx, { year: 2025, today: AFTER_2025 });
    expect(r.periods[0]).toMatchObject({ status: 'missing', activityIds: [] });
  });

  it('does not judge the current period until it is over, unless it is already met', () => {
    const idx = new ActivityIndex([act('themeDay', '2025-05-06')]);
    const r = evaluateRule(rule('themeDay'), org(), idx, { year: 2025, today: '2025-06-15' });
    expect(r.periods.slice(4, 8).map((p) => [p.status, p.reason])).toEqual([
      ['met', undefined], ['notDue', 'current'], ['notDue', 'future'], ['notDue', 'future'],
    ]);
    expect(r.missing).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    // The last day of a period is still inside it: not yet missing.
    const onLastDay = evaluateRule(rule('themeDay'), org(), idx, { year: 2025, today: '2025-06-30' });
    expect(onLastDay.periods[5]!.reason).toBe('current');
    const dayAfter = evaluateRule(rule('themeDay'), org(), idx, { year: 2025, today: '2025-07-01' });
    expect(dayAfter.periods[5]!.status).toBe('missing');
  });

  it('judges a branch founded mid-year only for the periods it existed through', () => {
    const founded = org({ foundedOn: '2025-07-10' });
    const acts = monthlyDates(2025).map((d) => act('themeDay', d));
    const monthly = evaluateRule(rule('themeDay'), founded, new ActivityIndex(acts), { year: 2025, today: AFTER_2025 });
    expect(monthly.periods.slice(0, 7).every((p) => p.status === 'notDue' && p.reason === 'beforeFounded')).toBe(true);
    expect(monthly).toMatchObject({ required: 5, met: 5, missing: [] });
    const quarterly = evaluateRule(rule('partyLesson'), founded, new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(quarterly).toMatchObject({ required: 1, met: 0, missing: ['2025-Q4'] });
    const yearly = evaluateRule(rule('lifeMeeting'), founded, new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(yearly.periods[0]).toMatchObject({ status: 'notDue', reason: 'beforeFounded' });
    // Founded on the first day of a month: that month is due.
    const onFirst = evaluateRule(rule('themeDay'), org({ foundedOn: '2025-07-01' }), new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(onFirst.required).toBe(6);
  });

  it('stops judging after an org is dissolved', () => {
    const r = evaluateRule(rule('themeDay'), org({ dissolvedOn: '2025-04-15' }), new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(r.missing).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(r.periods[3]).toMatchObject({ status: 'notDue', reason: 'afterDissolved' });
    // dissolved_on is the first day the org no longer exists: dissolved on 1 May, April was whole.
    const onFirst = evaluateRule(rule('themeDay'), org({ dissolvedOn: '2025-05-01' }), new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(onFirst.missing).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    const onLast = evaluateRule(rule('themeDay'), org({ dissolvedOn: '2025-04-30' }), new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(onLast.missing).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('counts a meeting on 29 February in a leap year', () => {
    const acts = monthlyDates(2024, [2]).map((d) => act('themeDay', d));
    acts.push(act('themeDay', '2024-02-29'));
    const r = evaluateRule(rule('themeDay'), org(), new ActivityIndex(acts), { year: 2024, today: AFTER_2025 });
    expect(r).toMatchObject({ required: 12, met: 12, missing: [] });
    expect(r.periods[1]).toMatchObject({ period: '2024-02', end: '2024-02-29', status: 'met' });
  });

  it('only counts activities of the org itself', () => {
    const r = evaluateRule(rule('partyLesson'), org(), new ActivityIndex([act('partyLesson', '2025-02-01', { orgId: 2 })]), { year: 2025, today: AFTER_2025 });
    expect(r.periods[0]!.status).toBe('missing');
  });
});

describe('支委会 quorum: more than half of the committee present', () => {
  const seats = [
    { memberId: 11, name: '李书记', role: 'secretary', from: '2023-01-01', to: null },
    { memberId: 11, name: '李书记', role: 'organization', from: '2023-01-01', to: null },
    { memberId: 12, name: '王副书记', role: 'deputySecretary', from: '2023-01-01', to: null },
    { memberId: 13, name: '张委员', role: 'propaganda', from: '2023-01-01', to: '2025-06-01' },
    { memberId: null, name: '赵委员', role: 'discipline', from: '2023-01-01', to: null },
  ];
  const committeeOrg = org({ committee: seats });
  const present = (...ids: (number | string)[]) => ids.map((x) => (typeof x === 'number' ? { memberId: x, name: null, status: 'present' as const } : { memberId: null, name: x, status: 'present' as const }));

  it('counts heads, not roles, and follows the seats in office on the day', () => {
    expect(committeeOn(seats, '2025-05-31').map((s) => s.name)).toEqual(['李书记', '王副书记', '张委员', '赵委员']);
    expect(committeeOn(seats, '2025-06-01').map((s) => s.name)).toEqual(['李书记', '王副书记', '赵委员']);
  });

  it('rejects a meeting with half or fewer of the committee present, and says why', () => {
    const tooFew = act('committeeMeeting', '2025-05-20', { attendance: [...present(11, 12), { memberId: 13, name: null, status: 'absent' }] });
    const enough = act('committeeMeeting', '2025-06-20', { attendance: present(11, 12) });
    const byName = act('committeeMeeting', '2025-07-20', { attendance: present(11, '赵委员') });
    const r = evaluateRule(rule('committeeMeeting'), committeeOrg, new ActivityIndex([tooFew, enough, byName]), { year: 2025, today: AFTER_2025 });
    expect(r.periods[4]).toMatchObject({ status: 'missing', rejected: [{ activityId: tooFew.id, reason: '到会支委 2 人，未超过支委会 4 人的半数' }] });
    expect(r.periods[5]).toMatchObject({ status: 'met', activityIds: [enough.id] });
    expect(r.periods[6]).toMatchObject({ status: 'met', activityIds: [byName.id] });
  });

  it('takes a meeting as it is when no committee is on record', () => {
    const r = evaluateRule(rule('committeeMeeting'), org(), new ActivityIndex([act('committeeMeeting', '2025-01-08')]), { year: 2025, today: AFTER_2025 });
    expect(r.periods[0]!.status).toBe('met');
  });
});

describe('远程教育 on the 5th, 15th and 25th', () => {
  it('needs a session on each day and lists the days missed', () => {
    const acts = [act('remoteEducation', '2025-03-05'), act('remoteEducation', '2025-03-25'), act('remoteEducation', '2025-03-16')];
    const r = evaluateRule(rule('remoteEducation'), org(), new ActivityIndex(acts), { year: 2025, today: AFTER_2025 });
    expect(r.periods[2]).toMatchObject({ status: 'missing', count: 2, needed: 3, missingDays: ['2025-03-15'] });
  });

  it('accepts a moved session within the configured tolerance', () => {
    const cfg = parseComplianceConfig(JSON.stringify({ byOrgType: { branch: { remoteEducation: { toleranceDays: 1 } } } }));
    const r = evaluateRule(rulesFor('branch', cfg).find((x) => x.id === 'remoteEducation')!, org(),
      new ActivityIndex([act('remoteEducation', '2025-03-05'), act('remoteEducation', '2025-03-16'), act('remoteEducation', '2025-03-24')]), { year: 2025, today: AFTER_2025 });
    expect(r.periods[2]).toMatchObject({ status: 'met', count: 3 });
  });

  it('shows a day already passed in the current month while the month is still open', () => {
    const r = evaluateRule(rule('remoteEducation'), org(), new ActivityIndex([act('remoteEducation', '2025-03-15')]), { year: 2025, today: '2025-03-20' });
    expect(r.periods[2]).toMatchObject({ status: 'notDue', reason: 'current', missingDays: ['2025-03-05'] });
  });

  it('skips a fixed day that the month does not have (29 February outside leap years)', () => {
    const cfg = parseComplianceConfig(JSON.stringify({ byOrgType: { branch: { remoteEducation: { days: [5, 29] } } } }));
    const r0 = rulesFor('branch', cfg).find((x) => x.id === 'remoteEducation')!;
    const feb = (y: number) => [act('remoteEducation', `${y}-02-05`)];
    expect(evaluateRule(r0, org(), new ActivityIndex(feb(2025)), { year: 2025, today: AFTER_2025 }).periods[1]).toMatchObject({ status: 'met', needed: 1 });
    expect(evaluateRule(r0, org(), new ActivityIndex(feb(2024)), { year: 2024, today: AFTER_2025 }).periods[1]).toMatchObject({ status: 'missing', needed: 2, missingDays: ['2024-02-29'] });
  });
});

describe('党小组会 per group', () => {
  it('is met only when every group that existed all month met', () => {
    const groups = [
      { id: 21, name: '第一党小组', foundedOn: null, dissolvedOn: null },
      { id: 22, name: '第二党小组', foundedOn: '2025-03-15', dissolvedOn: null },
    ];
    const acts = [act('groupMeeting', '2025-03-10', { orgId: 21 }), act('groupMeeting', '2025-04-10', { orgId: 21 })];
    const r = evaluateRule(rule('groupMeeting'), org({ groups }), new ActivityIndex(acts), { year: 2025, today: AFTER_2025 });
    expect(r.periods[2]).toMatchObject({ status: 'met', count: 1, needed: 1 });
    expect(r.periods[3]).toMatchObject({ status: 'missing', count: 1, needed: 2, missingGroups: [{ id: 22, name: '第二党小组' }] });
  });

  it('asks nothing of a branch without groups', () => {
    const r = evaluateRule(rule('groupMeeting'), org(), new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(r.periods.every((p) => p.reason === 'notApplicable')).toBe(true);
    expect(r.required).toBe(0);
  });
});

describe('谈心谈话 once a year per member, and the roster on a date', () => {
  const roster = [
    { memberId: 1, name: '刘一', from: '2015-01-01', to: null },
    { memberId: 2, name: '陈二', from: '2015-01-01', to: '2025-03-16' },
    { memberId: 3, name: '张三', from: '2025-03-16', to: null },
    { memberId: 4, name: '李四', from: '2015-01-01', to: null, inactiveFrom: '2025-08-01' },
  ];

  it('puts a member transferred mid-month on the roster from the day of the transfer', () => {
    expect(rosterOn(roster, '2025-03-15').map((m) => m.memberId)).toEqual([1, 2, 4]);
    expect(rosterOn(roster, '2025-03-16').map((m) => m.memberId)).toEqual([1, 3, 4]);
    expect(rosterOn(roster, '2025-08-01').map((m) => m.memberId)).toEqual([1, 3]);
  });

  it('asks for a talk with everyone on the roster at year end, wherever the talk was held', () => {
    const talks = [
      act('heartTalk', '2025-02-01', { orgId: 9, attendance: [{ memberId: 3, name: null, status: 'present' }] }),
      act('heartTalk', '2025-06-01', { attendance: [{ memberId: 2, name: null, status: 'present' }] }),
    ];
    const r = evaluateRule(rule('heartTalk'), org({ roster }), new ActivityIndex(talks), { year: 2025, today: AFTER_2025 });
    expect(r.periods[0]).toMatchObject({ status: 'missing', count: 1, needed: 2, missingMembers: [{ id: 1, name: '刘一' }] });
  });
});

describe('rules configured per org type', () => {
  it('applies overrides, disables rules and adds new ones; a damaged setting falls back to the defaults', () => {
    const cfg = parseComplianceConfig(JSON.stringify({
      byOrgType: {
        jointBranch: {
          committeeMeeting: { period: 'quarter' },
          remoteEducation: { enabled: false },
          jointMeeting: { activityType: 'jointMeeting', label: '党建联席会', period: 'quarter', minCount: 1 },
        },
      },
    }));
    const joint = rulesFor('jointBranch', cfg);
    expect(joint.find((r) => r.id === 'committeeMeeting')).toMatchObject({ period: 'quarter', quorum: 'committeeMajority' });
    expect(joint.find((r) => r.id === 'jointMeeting')).toMatchObject({ period: 'quarter', minCount: 1, scope: 'org', enabled: true });
    expect(rulesFor('branch', cfg).find((r) => r.id === 'committeeMeeting')!.period).toBe('month');
    expect(rulesFor('committee', cfg)).toEqual([]);
    const results = evaluateOrg(org({ type: 'jointBranch' }), joint, new ActivityIndex([]), { year: 2025, today: AFTER_2025 });
    expect(results.map((r) => r.ruleId)).not.toContain('remoteEducation');
    expect(results.find((r) => r.ruleId === 'committeeMeeting')!.required).toBe(4);
    expect(parseComplianceConfig('{"byOrgType": {"branch": {"themeDay": {"minCount": -3}}}}')).toEqual({ byOrgType: {} });
    expect(parseComplianceConfig('not json')).toEqual({ byOrgType: {} });
  });

  it('computes a completion rate over judged periods', () => {
    const acts = monthlyDates(2025, [1, 2, 3]).map((d) => act('themeDay', d));
    const results = evaluateOrg(org(), rulesFor('branch'), new ActivityIndex(acts), { year: 2025, today: AFTER_2025 });
    expect(completionRate(results, ['themeDay'])).toBe(9 / 12);
    expect(completionRate([], ['themeDay'])).toBeNull();
  });
});
