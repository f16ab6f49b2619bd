import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  draftFromLast, expectedAttendees, getActivity, listActivities, recordActivity, saveCustomActivityTypes, updateActivity, voidActivity,
} from '../../electron/ledger/activities';
import { addAttachment, attachmentData, attachmentThumbnail, listAttachments, voidAttachment } from '../../electron/ledger/attachments';
import { attendanceReport, complianceForOrg, complianceReport, dueAndOverdue, saveComplianceConfig } from '../../electron/ledger/compliance';
import { Ledger } from '../../electron/ledger/ledger';
import { createMember, transferInternal } from '../../electron/ledger/members';
import { createOrg, electCommittee } from '../../electron/ledger/orgs';
import type { ActivityInput } from '../../shared/schemas/activity';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

const LATER = '2026-02-01';
const NAMES = ['王建国', '李秀英', '张志强', '刘桂兰', '陈国华', '杨丽娟'];

/** A branch with six members (a committee of three, a group of three) and a second branch. */
async function setup() {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  const street = smallStreet(t.ledger);
  const group = createOrg(t.ledger, { parentId: street.branchA, name: '第一党小组', type: 'group', foundedOn: '2015-01-01' });
  const ids = NAMES.map((name, i) => createMember(t.ledger, memberInput(street.branchA, {
    name, idNumber: makeId(`1970010${i + 1}`, 11 + i * 2), groupId: i < 3 ? group : null,
  }), { since: '2015-01-01' }));
  electCommittee(t.ledger, street.branchA, {
    electedOn: '2023-01-10',
    roles: [
      { memberId: ids[0]!, personName: NAMES[0]!, role: 'secretary' },
      { memberId: ids[1]!, personName: NAMES[1]!, role: 'organization' },
      { memberId: ids[2]!, personName: NAMES[2]!, role: 'propaganda' },
    ],
  });
  return { ...t, ...street, group, ids };
}

function committeeMeeting(s: Awaited<ReturnType<typeof setup>>, date: string, absent: number[] = []): ActivityInput {
  return {
    orgId: s.branchA, type: 'committeeMeeting', date, startTime: '14:30', endTime: '16:00', place: '党员活动室',
    topic: '研究发展党员工作', host: NAMES[0], recorder: NAMES[1],
    attendance: s.ids.slice(0, 3).map((memberId) => (absent.includes(memberId) ? { memberId, status: 'absent' as const, absenceReason: 'sick' as const } : { memberId, status: 'present' as const })),
  };
}

const committeeRule = (s: Awaited<ReturnType<typeof setup>>, year = 2025) =>
  complianceReport(s.ledger, { year, orgId: s.branchA, today: LATER }).orgs.find((o) => o.orgId === s.branchA)!.rules.find((r) => r.ruleId === 'committeeMeeting')!;
const rateOf = (s: Awaited<ReturnType<typeof setup>>, memberId: number) =>
  attendanceReport(s.ledger, { year: 2025, orgId: s.branchA }).members.find((m) => m.memberId === memberId);

describe('recording, editing and voiding activities', () => {
  it('turns a month green when recorded, moves with an edit, fails quorum and disappears when voided', async () => {
    const s = await setup();
    expect(committeeRule(s).periods[2]!.status).toBe('missing');

    const id = recordActivity(s.ledger, committeeMeeting(s, '2025-03-31', [s.ids[2]!]));
    expect(committeeRule(s).periods[2]).toMatchObject({ period: '2025-03', status: 'met', activityIds: [id] });
    expect(rateOf(s, s.ids[2]!)).toMatchObject({ expected: 1, present: 0, absent: 1, excused: 1, rate: 0 });
    expect(rateOf(s, s.ids[0]!)!.rate).toBe(1);
    const detail = getActivity(s.ledger, id);
    expect(detail).toMatchObject({ typeLabel: '支部委员会会议', orgName: '东风社区第一党支部', expectedCount: 3, presentCount: 2, absentCount: 1 });
    expect(detail.attendance.map((a) => [a.name, a.status])).toEqual([[NAMES[0], 'present'], [NAMES[1], 'present'], [NAMES[2], 'absent']]);

    // Moved to April: March is missing again and April is met.
    updateActivity(s.ledger, id, committeeMeeting(s, '2025-04-01', [s.ids[2]!]));
    expect(committeeRule(s).periods.slice(2, 4).map((p) => p.status)).toEqual(['missing', 'met']);

    // Only one of three committee members present: the meeting does not count.
    updateActivity(s.ledger, id, committeeMeeting(s, '2025-04-01', [s.ids[1]!, s.ids[2]!]));
    const april = committeeRule(s).periods[3]!;
    expect(april).toMatchObject({ status: 'missing', rejected: [{ activityId: id, reason: '到会支委 1 人，未超过支委会 3 人的半数' }] });
    expect(rateOf(s, s.ids[1]!)).toMatchObject({ expected: 1, absent: 1 });

    voidActivity(s.ledger, id, '重复录入');
    expect(committeeRule(s).periods[3]).toMatchObject({ status: 'missing', activityIds: [] });
    expect(committeeRule(s).periods[3]!.rejected).toBeUndefined();
    expect(rateOf(s, s.ids[1]!)).toBeUndefined();
    expect(listActivities(s.ledger, { orgId: s.branchA })).toEqual([]);
    expect(listActivities(s.ledger, { orgId: s.branchA, includeVoided: true })[0]).toMatchObject({ id, voidReason: '重复录入' });
    expect(() => updateActivity(s.ledger, id, committeeMeeting(s, '2025-04-01'))).toThrow(/已作废/);

    const audit = s.ledger.db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'activity' ORDER BY id").all() as { action: string; summary: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'void']);
    expect(audit[3]!.summary).toContain('重复录入');
  });

  it('refuses what a clerk must not record, in Chinese, and writes nothing', async () => {
    const s = await setup();
    const before = (s.ledger.db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n;
    const outsider = createMember(s.ledger, memberInput(s.branchB, { name: '外支部党员', idNumber: makeId('19750101', 31) }), { since: '2015-01-01' });
    const base = { orgId: s.branchA, type: 'branchAssembly', date: '2025-05-10', topic: '学习党章' };
    expect(() => recordActivity(s.ledger, { ...base, attendance: [{ memberId: outsider, status: 'present' }] })).toThrow(/外支部党员.*不属于本次会议的应到人员/);
    expect(() => recordActivity(s.ledger, { ...base, type: 'groupMeeting', attendance: [] })).toThrow(/党小组会请选择/);
    expect(() => recordActivity(s.ledger, { ...base, date: '2099-01-01', attendance: [] })).toThrow(/不能晚于今天/);
    expect(() => recordActivity(s.ledger, { ...base, orgId: s.branchB, date: '2012-05-31', attendance: [] })).toThrow(/早于.*成立日期/);
    expect(() => recordActivity(s.ledger, { ...base, attendance: [{ memberId: s.ids[0]!, status: 'absent' }] })).toThrow(/缺席原因/);
    expect(() => recordActivity(s.ledger, { ...base, type: 'nonsense', attendance: [] })).toThrow(/未知的活动类型/);
    // An outsider may attend as 列席, and a guest with only a name too.
    const ok = recordActivity(s.ledger, { ...base, attendance: [{ memberId: outsider, status: 'observer' }, { personName: '街道组织委员', status: 'observer' }] });
    expect(getActivity(s.ledger, ok).observerCount).toBe(2);
    expect((s.ledger.db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n).toBe(before + 1);
  });
});

describe('expected attendees', () => {
  it('follows the roster of the day: a member transferred in mid-month is expected from that day', async () => {
    const s = await setup();
    const mover = createMember(s.ledger, memberInput(s.branchB, { name: '周转入', idNumber: makeId('19800101', 51) }), { since: '2015-01-01' });
    transferInternal(s.ledger, mover, { date: '2025-03-16', toOrgId: s.branchA });
    const on = (orgId: number, date: string) => expectedAttendees(s.ledger, { orgId, type: 'branchAssembly', date }).attendees.map((a) => a.name);
    expect(on(s.branchA, '2025-03-15')).not.toContain('周转入');
    expect(on(s.branchA, '2025-03-16')).toContain('周转入');
    expect(on(s.branchB, '2025-03-15')).toEqual(['周转入']);
    expect(on(s.branchB, '2025-03-16')).toEqual([]);
    // Recorded before the transfer, he cannot be marked at the new branch's meeting.
    expect(() => recordActivity(s.ledger, { orgId: s.branchA, type: 'branchAssembly', date: '2025-03-15', topic: '学习', attendance: [{ memberId: mover, status: 'present' }] })).toThrow(/不属于本次会议的应到人员/);
  });

  it('keeps an edit savable when the roster of that day was corrected after the meeting was recorded', async () => {
    const s = await setup();
    const base = { orgId: s.branchA, type: 'branchAssembly', date: '2025-06-10', topic: '学习党章' };
    const id = recordActivity(s.ledger, { ...base, attendance: s.ids.map((memberId) => ({ memberId, status: 'present' as const })) });
    // Later it turns out 杨丽娟 had moved to the other branch in May.
    transferInternal(s.ledger, s.ids[5]!, { date: '2025-05-20', toOrgId: s.branchB });
    updateActivity(s.ledger, id, { ...base, topic: '学习党章（第一章）', attendance: s.ids.map((memberId) => ({ memberId, status: 'present' as const })) });
    expect(getActivity(s.ledger, id)).toMatchObject({ topic: '学习党章（第一章）', presentCount: 6 });
    // Moved to another day, the meeting is checked against that day's roster again.
    expect(() => updateActivity(s.ledger, id, { ...base, date: '2025-06-11', attendance: s.ids.map((memberId) => ({ memberId, status: 'present' as const })) })).toThrow(/杨丽娟.*不属于本次会议的应到人员/);
  });

  it('lists the committee for 支委会 and the group for 党小组会', async () => {
    const s = await setup();
    const committee = expectedAttendees(s.ledger, { orgId: s.branchA, type: 'committeeMeeting', date: '2025-06-01' });
    expect(committee).toMatchObject({ basis: 'committee', notice: null });
    expect(committee.attendees.map((a) => [a.name, a.role])).toEqual([[NAMES[0], '书记'], [NAMES[1], '组织委员'], [NAMES[2], '宣传委员']]);
    // Before the committee was elected there is none on record: the roster, with a notice.
    const early = expectedAttendees(s.ledger, { orgId: s.branchA, type: 'committeeMeeting', date: '2022-06-01' });
    expect(early.basis).toBe('roster');
    expect(early.notice).toMatch(/没有.*支委会成员/);
    const group = expectedAttendees(s.ledger, { orgId: s.group, type: 'groupMeeting', date: '2025-06-01' });
    expect(group.attendees.map((a) => a.name)).toEqual(NAMES.slice(0, 3));
    expect(expectedAttendees(s.ledger, { orgId: s.branchA, type: 'volunteer', date: '2025-06-01' }).attendees).toEqual([]);
  });

  it('drafts from last month: same place, host and topic, everyone of the new date present, linked to the original', async () => {
    const s = await setup();
    const first = recordActivity(s.ledger, committeeMeeting(s, '2025-05-08', [s.ids[1]!]));
    const { draft, copiedFrom } = draftFromLast(s.ledger, { orgId: s.branchA, type: 'committeeMeeting', date: '2025-06-08' });
    expect(copiedFrom?.id).toBe(first);
    expect(draft).toMatchObject({ place: '党员活动室', host: NAMES[0], startTime: '14:30', topic: '研究发展党员工作', copiedFrom: first, date: '2025-06-08' });
    expect(draft.attendance).toEqual(s.ids.slice(0, 3).map((memberId) => ({ memberId, status: 'present' })));
    const second = recordActivity(s.ledger, { ...draft, topic: '研究六月工作' });
    expect(getActivity(s.ledger, second)).toMatchObject({ copiedFrom: first, presentCount: 3 });
  });
});

describe('compliance over the ledger', () => {
  it('judges group meetings per group, talks per member and honours rule overrides', async () => {
    const s = await setup();
    recordActivity(s.ledger, { orgId: s.group, type: 'groupMeeting', date: '2025-01-20', topic: '学习', attendance: s.ids.slice(0, 3).map((memberId) => ({ memberId, status: 'present' as const })) });
    recordActivity(s.ledger, { orgId: s.branchA, type: 'heartTalk', date: '2025-09-01', topic: '谈心', attendance: s.ids.map((memberId) => ({ memberId, status: 'present' as const })) });
    const rules = complianceForOrg(s.ledger, s.branchA, 2025, { today: LATER });
    expect(rules.find((r) => r.ruleId === 'groupMeeting')).toMatchObject({ met: 1, required: 12 });
    expect(rules.find((r) => r.ruleId === 'heartTalk')).toMatchObject({ met: 1, required: 1 });

    saveComplianceConfig(s.ledger, { byOrgType: { branch: { committeeMeeting: { period: 'quarter' }, remoteEducation: { enabled: false } } } });
    const after = complianceForOrg(s.ledger, s.branchA, 2025, { today: LATER });
    expect(after.find((r) => r.ruleId === 'committeeMeeting')).toMatchObject({ period: 'quarter', required: 4 });
    expect(after.some((r) => r.ruleId === 'remoteEducation')).toBe(false);
    expect(() => saveComplianceConfig(s.ledger, { byOrgType: { branch: { themeDay: { minCount: 0 } } } })).toThrow(/检查规则设置不正确/);
  });

  it('records a street-defined type and judges it once a rule is configured for it', async () => {
    const s = await setup();
    expect(() => recordActivity(s.ledger, { orgId: s.branchA, type: 'custom1', date: '2025-02-10', topic: '党务公开', attendance: [] })).toThrow(/未知的活动类型/);
    const types = saveCustomActivityTypes(s.ledger, [{ code: 'custom1', label: '党务公开', expected: 'none' }]);
    expect(types.find((t) => t.code === 'custom1')).toMatchObject({ label: '党务公开', builtin: false, countsForAttendance: false });
    expect(() => saveCustomActivityTypes(s.ledger, [{ code: 'custom2', label: '党课' }])).toThrow(/已是内置/);
    const id = recordActivity(s.ledger, { orgId: s.branchA, type: 'custom1', date: '2025-02-10', topic: '一季度党务公开', attendance: [] });
    expect(getActivity(s.ledger, id).typeLabel).toBe('党务公开');
    expect(complianceForOrg(s.ledger, s.branchA, 2025, { today: LATER }).some((r) => r.activityType === 'custom1')).toBe(false);
    saveComplianceConfig(s.ledger, { byOrgType: { branch: { partyAffairs: { activityType: 'custom1', label: '党务公开', period: 'quarter' } } } });
    expect(complianceForOrg(s.ledger, s.branchA, 2025, { today: LATER }).find((r) => r.ruleId === 'partyAffairs')).toMatchObject({ rule: '党务公开', required: 4, met: 1, missing: ['2025-Q2', '2025-Q3', '2025-Q4'] });
  });

  it('puts the current month on the dashboard as due and last month as overdue', async () => {
    const s = await setup();
    recordActivity(s.ledger, committeeMeeting(s, '2025-05-10'));
    const { items } = dueAndOverdue(s.ledger, { today: '2025-06-10', orgId: s.branchA });
    const committee = items.filter((i) => i.ruleId === 'committeeMeeting' && i.orgId === s.branchA);
    expect(committee.filter((i) => i.kind === 'due').map((i) => i.period)).toEqual(['2025-06']);
    expect(committee.filter((i) => i.kind === 'overdue').map((i) => i.period)).toEqual(['2025-03', '2025-04']);
    expect(items[0]!.kind).toBe('overdue');
    const remote = items.find((i) => i.ruleId === 'remoteEducation' && i.kind === 'due')!;
    expect(remote.missingDays).toEqual(['2025-06-05']);
  });

  it('finds three absences in a row', async () => {
    const s = await setup();
    for (const d of ['2025-02-10', '2025-03-10', '2025-04-10']) recordActivity(s.ledger, committeeMeeting(s, d, [s.ids[2]!]));
    recordActivity(s.ledger, committeeMeeting(s, '2025-05-10'));
    const runs = attendanceReport(s.ledger, { year: 2025 }).runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ memberId: s.ids[2], name: NAMES[2], count: 3, from: '2025-02-10', to: '2025-04-10', ongoing: false, org: '东风社区第一党支部' });
  });
});

describe('attachments', () => {
  // A PNG signature followed by bytes no ledger page would hold by chance.
  const marker = Buffer.from('DANGJIAN-ATTACHMENT-MARKER-会议签到表-7f3a9c', 'utf8');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), marker, Buffer.alloc(5000, 0xab), marker]);

  it('round-trips byte-exact, with the image as its own thumbnail, and is not readable in the ledger file', async () => {
    const s = await setup();
    const act = recordActivity(s.ledger, committeeMeeting(s, '2025-03-10'));
    const meta = addAttachment(s.ledger, { activityId: act, fileName: '签到表.png', mime: 'text/plain', dataBase64: png.toString('base64'), caption: '签到表' });
    expect(meta).toMatchObject({ fileName: '签到表.png', mime: 'image/png', size: png.length, hasThumbnail: true, caption: '签到表' });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(400_000, 0x20)]);
    const doc = addAttachment(s.ledger, { activityId: act, fileName: '会议记录.pdf', dataBase64: pdf.toString('base64') });
    expect(doc.hasThumbnail).toBe(false);
    expect(attachmentThumbnail(s.ledger, doc.id)).toBeNull();
    expect(() => addAttachment(s.ledger, { activityId: act, fileName: 'again.png', dataBase64: png.toString('base64') })).toThrow(/已经是本次活动的附件/);

    expect(attachmentData(s.ledger, meta.id).data.equals(png)).toBe(true);
    expect(attachmentThumbnail(s.ledger, meta.id)!.data.equals(png)).toBe(true);
    expect(getActivity(s.ledger, act).attachmentCount).toBe(2);

    s.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(s.path);
    expect(file.length).toBeGreaterThan(png.length + pdf.length);
    expect(file.includes(marker)).toBe(false);
    expect(file.includes(Buffer.alloc(64, 0xab))).toBe(false);
    s.ledger.close();

    const reopened = await Ledger.open(s.path, TEST_PASSWORD);
    try {
      expect(attachmentData(reopened, meta.id).data.equals(png)).toBe(true);
      voidAttachment(reopened, meta.id);
      expect(listAttachments(reopened, act).map((a) => a.fileName)).toEqual(['会议记录.pdf']);
      expect(() => attachmentData(reopened, meta.id)).toThrow(/找不到这个附件/);
    } finally {
      reopened.close();
    }
  });

  it('keeps a thumbnail the renderer drew, and refuses attachments on a voided activity', async () => {
    const s = await setup();
    const act = recordActivity(s.ledger, committeeMeeting(s, '2025-03-10'));
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600_000, 1)]);
    const thumb = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 2)]);
    const withThumb = addAttachment(s.ledger, { activityId: act, fileName: 'photo.jpg', dataBase64: big.toString('base64'), thumbnailBase64: thumb.toString('base64') });
    expect(attachmentThumbnail(s.ledger, withThumb.id)).toEqual({ mime: 'image/jpeg', data: thumb });
    const noThumb = addAttachment(s.ledger, { activityId: act, fileName: 'photo2.jpg', dataBase64: Buffer.concat([big, Buffer.from([3])]).toString('base64') });
    expect(noThumb.hasThumbnail).toBe(false);
    voidActivity(s.ledger, act, '录错支部');
    expect(() => addAttachment(s.ledger, { activityId: act, fileName: 'late.png', dataBase64: png.toString('base64') })).toThrow(/已作废/);
  });
});
