import { afterEach, describe, expect, it } from 'vitest';
import { listAppraisals, recordAppraisals } from '../../electron/ledger/appraisals';
import { createMember, memberHistory } from '../../electron/ledger/members';
import { computeMetric } from '../../electron/ledger/metrics';
import { tempLedger } from '../helpers/temp-ledger';
import { makeId, memberInput, smallStreet } from '../helpers/builders';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

async function setup(fullMembers = 6) {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  const street = smallStreet(t.ledger);
  const full = Array.from({ length: fullMembers }, (_, i) =>
    createMember(t.ledger, memberInput(street.branchA, { name: `党员${i + 1}`, idNumber: makeId('19700101', 100 + i * 2 + 1), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' })));
  const probationary = createMember(t.ledger, memberInput(street.branchA, { name: '预备党员甲', idNumber: makeId('19990101', 301), kind: 'probationary', joinedOn: '2025-05-01', confirmedOn: null }));
  const other = createMember(t.ledger, memberInput(street.branchB, { name: '二支部党员', idNumber: makeId('19800101', 401), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' }));
  return { ...t, ...street, full, probationary, other };
}

describe('民主评议党员', () => {
  it('records grades with a dated appraisal event on each member and one audit entry', async () => {
    const t = await setup();
    const sheet = recordAppraisals(t.ledger, {
      orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18',
      entries: [
        { memberId: t.full[0]!, grade: 'excellent' },
        { memberId: t.full[1]!, grade: 'excellent' },
        { memberId: t.full[2]!, grade: 'qualified' },
        { memberId: t.full[3]!, grade: 'qualified' },
        { memberId: t.full[4]!, grade: 'basicallyQualified', note: '参加组织生活较少' },
        { memberId: t.full[5]!, grade: 'qualified' },
        { memberId: t.probationary, grade: null },
      ],
    });
    expect(sheet.counts).toEqual({ excellent: 2, qualified: 3, basicallyQualified: 1, unqualified: 0, notGraded: 1, notAppraised: 0 });
    expect(sheet).toMatchObject({ graded: 6, excellentLimit: 2, warnings: [] });
    const ev = memberHistory(t.ledger, t.full[4]!).find((e) => e.type === 'appraisal')!;
    expect(ev).toMatchObject({ date: '2026-01-18', toOrgId: t.branchA, note: '参加组织生活较少', data: { year: 2025, grade: 'basicallyQualified', label: '基本合格' } });
    expect(memberHistory(t.ledger, t.probationary).find((e) => e.type === 'appraisal')!.data).toMatchObject({ grade: null, label: '参加评议，不评定等次' });
    const audit = t.ledger.db.prepare("SELECT summary FROM audit_log WHERE entity = 'appraisal'").all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual(['“东风社区第一党支部”2025 年度民主评议党员：登记 7 人（累计优秀 2、合格 3、基本合格 1、不合格 0、不定等次 1）']);
    // The completion metric sees it: 7 of 7 on time.
    expect(computeMetric(t.ledger, 'appraisalDone', t.branchA, 2025, { today: '2026-11-22' }).value).toBe(1);
  });

  it('refuses a grade for a probationary member', async () => {
    const t = await setup();
    expect(() => recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries: [{ memberId: t.probationary, grade: 'qualified' }] }))
      .toThrow('“预备党员甲”是预备党员，参加民主评议但不评定等次。');
  });

  it('refuses 优秀 above a third of those graded, unless a reason is given; nothing is written on refusal', async () => {
    const t = await setup();
    const entries = t.full.map((memberId, i) => ({ memberId, grade: i < 3 ? ('excellent' as const) : ('qualified' as const) }));
    expect(() => recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries }))
      .toThrow('评为优秀的 3 人超过了评定等次人数（6 人）的三分之一（最多 2 人）。请调整，或填写理由后保存。');
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM appraisals').get()).toEqual({ n: 0 });
    expect(t.ledger.db.prepare("SELECT count(*) AS n FROM member_events WHERE type = 'appraisal'").get()).toEqual({ n: 0 });
    const sheet = recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries, excellentOverReason: '抗洪抢险中三人表现突出，经党工委同意' });
    expect(sheet.warnings).toEqual(['评为优秀的 3 人超过了评定等次人数（6 人）的三分之一', '还有 1 名党员未参加评议']);
    // The one-third rule looks at the whole branch-year, not just the batch being saved.
    const t2 = await setup();
    recordAppraisals(t2.ledger, { orgId: t2.branchA, year: 2025, appraisedOn: '2026-01-18', entries: t2.full.slice(0, 3).map((memberId, i) => ({ memberId, grade: i === 0 ? ('excellent' as const) : ('qualified' as const) })) });
    expect(() => recordAppraisals(t2.ledger, { orgId: t2.branchA, year: 2025, appraisedOn: '2026-01-18', entries: [{ memberId: t2.full[3]!, grade: 'excellent' }] }))
      .toThrow('评为优秀的 2 人超过了评定等次人数（4 人）的三分之一（最多 1 人）');
  });

  it('refuses members of another branch; a correction voids the old event', async () => {
    const t = await setup();
    expect(() => recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries: [{ memberId: t.other, grade: 'qualified' }] }))
      .toThrow('“二支部党员”2025 年底和评议当天都不在“东风社区第一党支部”，不能参加本支部的评议。');
    recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries: [{ memberId: t.full[0]!, grade: 'qualified' }] });
    recordAppraisals(t.ledger, { orgId: t.branchA, year: 2025, appraisedOn: '2026-01-18', entries: [{ memberId: t.full[0]!, grade: 'basicallyQualified', note: '更正' }] });
    const events = memberHistory(t.ledger, t.full[0]!).filter((e) => e.type === 'appraisal');
    expect(events.map((e) => [e.data.grade, e.voidedAt === null])).toEqual([['basicallyQualified', true], ['qualified', false]]);
    const sheet = listAppraisals(t.ledger, { orgId: t.branchA, year: 2025 });
    expect(sheet.members.find((m) => m.memberId === t.full[0])!.grade).toBe('basicallyQualified');
    expect(sheet.counts.notAppraised).toBe(6);
    expect(sheet.warnings).toEqual(['还有 6 名党员未参加评议']);
  });
});
