// The activity registers' data: the meeting list and record pages (from the activities service),
// member × month attendance (the compliance service's yearly figures, split by month) and the
// 民主评议 results (the appraisal service's sheet per branch).
import { ABSENCE_REASON_LABELS, type AbsenceReason } from '../../../shared/domain/activity-types';
import { APPRAISAL_GRADE_LABELS, MEMBER_KIND_LABELS } from '../../../shared/domain/member';
import type { AppraisalData } from '../../../shared/reports/registers/appraisal';
import type { AttendanceData, AttendanceMember } from '../../../shared/reports/registers/attendance';
import type { MeetingLine, MeetingPage, MeetingPagesData, MeetingsData } from '../../../shared/reports/registers/meetings';
import type { ActivityDetail, ActivityRow } from '../../../shared/api/activities';
import { getActivity, listActivities } from '../../ledger/activities';
import { listAppraisals } from '../../ledger/appraisals';
import { attendanceRecords, attendanceReport } from '../../ledger/compliance';
import { isAway } from '../../../shared/rules/attendance';
import type { Ledger } from '../../ledger/ledger';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';
import { scopeMembers } from './roster';

const ACTIVITY_LIMIT = 5000;

/** The scope's activities in the period, oldest first, grouped by branch in tree order. */
function scopeActivities(ledger: Ledger, scope: Scope): { rows: ActivityRow[]; warnings: string[] } {
  const rows = listActivities(ledger, { orgId: scope.root.id, includeDescendants: true, from: scope.period.from, to: scope.period.to, limit: ACTIVITY_LIMIT })
    .filter((a) => scope.orgIds.has(a.orgId));
  const order = new Map(scope.orgs.map((o, i) => [o.id, i]));
  const branchOf = (a: ActivityRow) => a.branchId ?? a.orgId;
  rows.sort((a, b) => (order.get(branchOf(a)) ?? 0) - (order.get(branchOf(b)) ?? 0) || a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.id - b.id);
  const warnings = rows.length >= ACTIVITY_LIMIT ? [`期间内的活动超过 ${ACTIVITY_LIMIT} 次，只打印了前 ${ACTIVITY_LIMIT} 次。请缩短期间或按党支部分别打印。`] : [];
  return { rows, warnings };
}

function line(a: ActivityRow): MeetingLine {
  return {
    org: a.orgName, branch: a.branchName ?? a.orgName, typeLabel: a.typeLabel, date: a.date, startTime: a.startTime, endTime: a.endTime,
    place: a.place, topic: a.topic, host: a.host, recorder: a.recorder, lecturer: a.lecturer,
    expected: a.expectedCount, present: a.presentCount, absent: a.absentCount, observers: a.observerCount,
  };
}

export function meetingsData(ledger: Ledger, scope: Scope, opts: QueryOptions): MeetingsData {
  const { rows, warnings } = scopeActivities(ledger, scope);
  return { ...headerFor(scope, opts), meetings: rows.map(line), warnings };
}

/** One meeting's record page (会议记录): the activity, who came, who did not and why, the minutes. */
export function meetingPage(d: ActivityDetail): MeetingPage {
  const reason = (r: { absenceReason: AbsenceReason | null; reasonText: string | null }) =>
    r.reasonText ? `${r.absenceReason ? ABSENCE_REASON_LABELS[r.absenceReason] : ''}${r.absenceReason ? '，' : ''}${r.reasonText}` : r.absenceReason ? ABSENCE_REASON_LABELS[r.absenceReason] : '';
  return {
    ...line(d),
    presentNames: d.attendance.filter((x) => x.status === 'present').map((x) => x.name),
    absentNames: d.attendance.filter((x) => x.status === 'absent').map((x) => (reason(x) ? `${x.name}（${reason(x)}）` : x.name)),
    observerNames: d.attendance.filter((x) => x.status === 'observer').map((x) => x.name),
    minutes: d.minutes,
    decisions: d.decisions,
    attachments: d.attachmentCount,
  };
}

export function meetingPagesData(ledger: Ledger, scope: Scope, opts: QueryOptions): MeetingPagesData {
  const { rows, warnings } = scopeActivities(ledger, scope);
  return { ...headerFor(scope, opts), meetings: rows.map((a) => meetingPage(getActivity(ledger, a.id))), warnings };
}

/** 'YYYY-MM' of every month from the period's start to its end. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function attendanceData(ledger: Ledger, scope: Scope, opts: QueryOptions): AttendanceData {
  const months = monthsOf(scope.period.from, scope.period.to);
  // Monthly split of the same records the compliance service counts (present + absent; 列席 and 外出/流出 not).
  const records = attendanceRecords(ledger, scope.period.from, scope.period.to).filter((r) => r.status !== 'observer' && !isAway(r));
  const monthly = new Map<number, Map<string, [number, number]>>();
  for (const r of records) {
    const byMonth = monthly.get(r.memberId) ?? new Map<string, [number, number]>();
    const month = r.date.slice(0, 7);
    const cell = byMonth.get(month) ?? [0, 0];
    cell[1]++;
    if (r.status === 'present') cell[0]++;
    byMonth.set(month, cell);
    monthly.set(r.memberId, byMonth);
  }
  // The year's totals are the compliance service's (one figure everywhere in the app).
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const totals = new Map<number, { expected: number; present: number; excused: number }>();
  for (const year of years) {
    for (const t of attendanceReport(ledger, { year, orgId: scope.root.id }).members) {
      const inPeriod = months.filter((m) => m.startsWith(String(year)));
      const whole = inPeriod.length === 12 && scope.period.from <= `${year}-01-01` && scope.period.to >= `${year}-12-31`;
      const prev = totals.get(t.memberId) ?? { expected: 0, present: 0, excused: 0 };
      if (whole) totals.set(t.memberId, { expected: prev.expected + t.expected, present: prev.present + t.present, excused: prev.excused + t.excused });
    }
  }
  const byOrg = scopeMembers(ledger, scope);
  const branches = scope.branches.map((b) => ({
    name: b.name,
    members: (byOrg.get(b.id) ?? []).map((m): AttendanceMember => {
      const cells = months.map((mo) => monthly.get(m.id)?.get(mo) ?? ([0, 0] as [number, number]));
      const sum = cells.reduce((a, [p, e]) => ({ present: a.present + p, expected: a.expected + e }), { present: 0, expected: 0 });
      const t = totals.get(m.id);
      return { name: m.name, kind: MEMBER_KIND_LABELS[m.kind], months: cells, expected: t?.expected ?? sum.expected, present: t?.present ?? sum.present, excused: t?.excused ?? 0 };
    }),
  })).filter((b) => b.members.length > 0);
  return { ...headerFor(scope, opts), months, branches };
}

export function appraisalData(ledger: Ledger, scope: Scope, opts: QueryOptions): AppraisalData {
  const branches = scope.branches.map((b) => {
    const sheet = listAppraisals(ledger, { orgId: b.id, year: scope.year });
    return {
      name: b.name,
      counts: sheet.counts,
      members: sheet.members.map((m) => ({
        name: m.name,
        kind: MEMBER_KIND_LABELS[m.kind],
        grade: !m.recorded ? '未评议' : m.grade ? APPRAISAL_GRADE_LABELS[m.grade] : '不评定等次',
        appraisedOn: m.appraisedOn,
        note: m.note,
      })),
    };
  }).filter((b) => b.members.length > 0);
  return { ...headerFor(scope, opts), year: scope.year, branches };
}
