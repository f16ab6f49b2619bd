// Per-member attendance of organisational life: the yearly rate, and runs of consecutive absences
// (an inspector's favourite question; the 党章 treats six months without 组织生活 as lapsing).
import type { AbsenceReason } from '../domain/activity-types';
import { daysBetween } from './periods';

export type AttendanceRecord = {
  activityId: number;
  date: string;
  type: string;
  memberId: number;
  name: string;
  status: 'present' | 'absent' | 'observer';
  absenceReason?: AbsenceReason | null;
  /** The member was 流出 (mobile, out) on that date. */
  mobileOut?: boolean;
};

export type MemberAttendance = {
  memberId: number;
  name: string;
  /** Meetings the member was expected at (present + absent; 列席 and excused 外出/流出 do not count). */
  expected: number;
  present: number;
  absent: number;
  /** Absences for illness or official business (因病/因公). */
  excused: number;
  /** present / expected; null when nothing was expected. */
  rate: number | null;
};

export type AbsenceRun = {
  memberId: number;
  name: string;
  count: number;
  from: string;
  to: string;
  activityIds: number[];
  reasons: (AbsenceReason | null)[];
  /** Whether the run ends at the member's latest meeting (still absent now). */
  ongoing: boolean;
  /** The run spans six months or more with no meeting attended. */
  sixMonths: boolean;
};

const EXCUSED: ReadonlySet<string> = new Set(['sick', 'business']);

/** DOMAIN.md: a member away with leave (外出) or 流出 that day is not absent, and not expected. */
export function isAway(r: Pick<AttendanceRecord, 'status' | 'absenceReason' | 'mobileOut'>): boolean {
  return r.status === 'absent' && (r.absenceReason === 'away' || r.mobileOut === true);
}

function byMember(records: readonly AttendanceRecord[]): Map<number, AttendanceRecord[]> {
  const m = new Map<number, AttendanceRecord[]>();
  for (const r of records) {
    if (r.status === 'observer' || isAway(r)) continue;
    const list = m.get(r.memberId);
    if (list) list.push(r);
    else m.set(r.memberId, [r]);
  }
  for (const list of m.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.activityId - b.activityId));
  return m;
}

/** Attendance per member over the records given (the caller picks the year and the types that count). */
export function memberAttendance(records: readonly AttendanceRecord[]): MemberAttendance[] {
  const out: MemberAttendance[] = [];
  for (const [memberId, list] of byMember(records)) {
    const present = list.filter((r) => r.status === 'present').length;
    const absentList = list.filter((r) => r.status === 'absent');
    out.push({
      memberId,
      name: list[list.length - 1]!.name,
      expected: list.length,
      present,
      absent: absentList.length,
      excused: absentList.filter((r) => r.absenceReason && EXCUSED.has(r.absenceReason)).length,
      rate: list.length ? present / list.length : null,
    });
  }
  return out.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Runs of at least `minRun` consecutive absences per member, longest first. */
export function absenceRuns(records: readonly AttendanceRecord[], minRun = 3): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  for (const [memberId, list] of byMember(records)) {
    let start = -1;
    const close = (endExclusive: number) => {
      if (start >= 0 && endExclusive - start >= minRun) {
        const slice = list.slice(start, endExclusive);
        const from = slice[0]!.date;
        const to = slice[slice.length - 1]!.date;
        runs.push({
          memberId,
          name: slice[0]!.name,
          count: slice.length,
          from,
          to,
          activityIds: slice.map((r) => r.activityId),
          reasons: slice.map((r) => r.absenceReason ?? null),
          ongoing: endExclusive === list.length,
          sixMonths: daysBetween(from, to) >= 182,
        });
      }
      start = -1;
    };
    list.forEach((r, i) => {
      if (r.status === 'absent') {
        if (start < 0) start = i;
      } else {
        close(i);
      }
    });
    close(list.length);
  }
  return runs.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}
