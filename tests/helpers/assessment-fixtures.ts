// A small hand-built branch year (2025) for the metric and assessment tests: every figure the
// metrics should produce is known by construction (see the comments beside each row).
import { nowIso } from '../../shared/dates';
import type { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { electCommittee, updateOrg } from '../../electron/ledger/orgs';
import { recordFeedback } from '../../electron/ledger/residents';
import { makeId, memberInput, smallStreet } from './builders';

const full = { ethnicity: '汉族', education: '大学', job: '在岗职工', address: '东风路 1 号', phone: '13800001111' } as const;

/** Activities and attendance go in with SQL: the metrics read rows, whoever wrote them. */
export function addActivity(ledger: Ledger, a: { orgId: number; type: string; date: string; voided?: boolean; attendance?: [number, 'present' | 'absent' | 'observer'][] }): number {
  const at = nowIso();
  const id = Number(ledger.db.prepare('INSERT INTO activities (org_id, type, date, topic, voided_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?)')
    .run(a.orgId, a.type, a.date, `${a.type} ${a.date}`, a.voided ? at : null, at, at).lastInsertRowid);
  for (const [memberId, status] of a.attendance ?? []) {
    ledger.db.prepare('INSERT INTO attendance (activity_id, member_id, status, absence_reason) VALUES (?,?,?,?)').run(id, memberId, status, status === 'absent' ? 'sick' : null);
  }
  return id;
}

export function addAppraisal(ledger: Ledger, memberId: number, orgId: number, year: number, grade: string | null, on: string): void {
  ledger.db.prepare('INSERT INTO appraisals (member_id, year, org_id, grade, appraised_on, created_at) VALUES (?,?,?,?,?,?)').run(memberId, year, orgId, grade, on, nowIso());
}

const months = (skip: number[] = []) => Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skip.includes(m));
const d = (m: number, day = 10) => `2025-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function branchYear(ledger: Ledger) {
  const street = smallStreet(ledger);
  const { branchA, branchB } = street;
  // Roster of branch A at 2025-12-31: four members.
  const m1 = createMember(ledger, memberInput(branchA, { ...full, name: '王建国', idNumber: makeId('19650301', 11), joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }));
  // No phone: one gap.
  const m2 = createMember(ledger, memberInput(branchA, { ...full, name: '李秀英', idNumber: makeId('19700815', 22), joinedOn: '2000-07-01', confirmedOn: '2001-07-01', phone: null }));
  // Admitted as probationary this year (no 转正日期 is no gap for a probationary member).
  const m3 = createMember(ledger, memberInput(branchA, { ...full, name: '张伟', idNumber: makeId('19980120', 33), kind: 'probationary', joinedOn: '2025-06-01', confirmedOn: null }));
  // Joined elsewhere in 2024, arrived 2025-09-15: not admitted here; no 民族 and no 现居住地: one gap.
  const m4 = createMember(ledger, memberInput(branchA, { ...full, name: '刘洋', idNumber: makeId('19900606', 44), joinedOn: '2024-03-01', confirmedOn: null, kind: 'probationary', ethnicity: null, address: null }), { since: '2025-09-15' });
  // Branch B: one member, to check nothing leaks between branches.
  const b1 = createMember(ledger, memberInput(branchB, { ...full, name: '陈静', idNumber: makeId('19751212', 56), joinedOn: '1999-07-01', confirmedOn: '2000-07-01' }));

  // 十有: 7 of 10.
  updateOrg(ledger, branchA, { facilities: ['office', 'activityRoom', 'serviceStation', 'remoteEducation', 'ledger', 'activityRecords', 'memberInfo'] });
  // Committee of three elected 2021-03-01 (community: 5 years, expires 2026-03-01).
  electCommittee(ledger, branchA, { electedOn: '2021-03-01', roles: [
    { memberId: m1, personName: '王建国', role: 'secretary' },
    { memberId: m2, personName: '李秀英', role: 'organization' },
    { personName: '赵敏', role: 'propaganda' },
  ] });

  // 支委会: every month but July; March's had only the secretary (no quorum) → met 10 of 12.
  for (const m of months([7])) addActivity(ledger, { orgId: branchA, type: 'committeeMeeting', date: d(m), attendance: m === 3 ? [[m1, 'present'], [m2, 'absent']] : [[m1, 'present'], [m2, 'present']] });
  // 党员大会 every quarter; attendance 4+3+… (roster members on each date).
  addActivity(ledger, { orgId: branchA, type: 'branchAssembly', date: '2025-02-20', attendance: [[m1, 'present'], [m2, 'present']] });
  addActivity(ledger, { orgId: branchA, type: 'branchAssembly', date: '2025-05-20', attendance: [[m1, 'present'], [m2, 'absent']] });
  addActivity(ledger, { orgId: branchA, type: 'branchAssembly', date: '2025-08-20', attendance: [[m1, 'present'], [m2, 'present'], [m3, 'present']] });
  addActivity(ledger, { orgId: branchA, type: 'branchAssembly', date: '2025-11-20', attendance: [[m1, 'present'], [m2, 'absent'], [m3, 'absent'], [m4, 'present']] });
  // 党课 in Q1, Q3, Q4 (Q2 missing); no attendance recorded.
  for (const date of ['2025-03-25', '2025-09-25', '2025-12-25']) addActivity(ledger, { orgId: branchA, type: 'partyLesson', date });
  // 主题党日 in 10 months (not Jan, Feb) plus a voided one in January that must not count.
  for (const m of months([1, 2])) addActivity(ledger, { orgId: branchA, type: 'themeDay', date: d(m, 5) });
  addActivity(ledger, { orgId: branchA, type: 'themeDay', date: d(1, 5), voided: true });
  addActivity(ledger, { orgId: branchA, type: 'lifeMeeting', date: '2025-12-20' });
  for (const m of [3, 6, 9]) addActivity(ledger, { orgId: branchA, type: 'jointMeeting', date: d(m, 15) });
  for (const m of [4, 5, 5, 8, 10]) addActivity(ledger, { orgId: branchA, type: 'volunteer', date: d(m, 18) });
  addActivity(ledger, { orgId: branchA, type: 'volunteer', date: d(6, 18), voided: true });
  // Branch B's activities never count for A.
  addActivity(ledger, { orgId: branchB, type: 'volunteer', date: d(6, 18) });
  addActivity(ledger, { orgId: branchB, type: 'jointMeeting', date: d(6, 18) });

  // 设岗定责: m1 and m3 hold posts at year end; m2's post ended in June.
  const post = Number(ledger.db.prepare("INSERT INTO posts (name, created_at) VALUES ('政策宣传岗', ?)").run(nowIso()).lastInsertRowid);
  const addPost = (memberId: number, from: string, to: string | null) =>
    ledger.db.prepare('INSERT INTO member_posts (member_id, post_id, from_date, to_date, created_at) VALUES (?,?,?,?,?)').run(memberId, post, from, to, nowIso());
  addPost(m1, '2023-01-01', null);
  addPost(m2, '2023-01-01', '2025-06-30');
  addPost(m3, '2025-07-01', null);

  // 民主评议 2025: m1, m2 on time; m3 (probationary, not graded) late in April 2026; m4 none → on time 2/4.
  addAppraisal(ledger, m1, branchA, 2025, 'excellent', '2026-01-15');
  addAppraisal(ledger, m2, branchA, 2025, 'qualified', '2026-01-15');
  addAppraisal(ledger, m3, branchA, 2025, null, '2026-04-10');

  // An applicant admitted in November before the member record exists, and an activist.
  ledger.db.prepare("INSERT INTO applicants (org_id, name, applied_on, activist_on, admitted_on, stage, created_at, updated_at) VALUES (?, '孙丽', '2023-05-01', '2024-03-01', '2025-11-20', 'probationary', ?, ?)").run(branchA, nowIso(), nowIso());
  ledger.db.prepare("INSERT INTO applicants (org_id, name, applied_on, activist_on, stage, created_at, updated_at) VALUES (?, '周强', '2024-09-01', '2025-03-01', 'activist', ?, ?)").run(branchA, nowIso(), nowIso());

  // 流动: m2 out with card and phone (kept up), m4 out without a card (not).
  const mobile = (memberId: number, card: string | null) => ledger.db.prepare("INSERT INTO mobile_records (member_id, direction, place, card_number, contact_phone, from_date, created_at) VALUES (?, 'out', '深圳', ?, '13900000000', '2025-02-01', ?)").run(memberId, card, nowIso());
  mobile(m2, 'LD-001');
  mobile(m4, null);
  // 在职党员报到 at branch A from May: Q2, Q3, Q4 owed; Q2 and Q3 given.
  const reg = Number(ledger.db.prepare('INSERT INTO resident_registrations (member_id, community_org_id, registered_on, created_at) VALUES (?,?,?,?)').run(b1, branchA, '2025-05-01', nowIso()).lastInsertRowid);
  for (const quarter of [2, 3]) recordFeedback(ledger, { registrationId: reg, year: 2025, quarter, attended: 2, hours: 4, comment: '表现良好' });

  // 党费: m1 and m2 for 12 months, three months unpaid.
  for (const memberId of [m1, m2]) {
    for (const m of months()) {
      const unpaid = (memberId === m2 && m >= 10) ;
      ledger.db.prepare('INSERT INTO dues (member_id, month, amount_due, amount_paid, created_at) VALUES (?,?,?,?,?)').run(memberId, `2025-${String(m).padStart(2, '0')}`, 20, unpaid ? null : 20, nowIso());
    }
  }
  return { ...street, m1, m2, m3, m4, b1 };
}
