import { describe, expect, it } from 'vitest';
import { type AttendanceRecord, absenceRuns, memberAttendance } from '../../shared/rules';

function rec(memberId: number, date: string, status: AttendanceRecord['status'], absenceReason: AttendanceRecord['absenceReason'] = null, activityId = Number(date.replace(/-/g, ''))): AttendanceRecord {
  return { activityId, date, type: 'branchAssembly', memberId, name: `党员${memberId}`, status, absenceReason };
}

describe('attendance rate and runs of absences', () => {
  const records = [
    rec(1, '2025-01-10', 'present'), rec(1, '2025-02-10', 'absent', 'sick'), rec(1, '2025-03-10', 'present'), rec(1, '2025-04-10', 'observer'),
    rec(2, '2025-03-10', 'absent', 'away'), rec(2, '2025-01-10', 'absent', 'other'), rec(2, '2025-02-10', 'absent', 'business'), rec(2, '2025-04-10', 'present'),
    rec(3, '2025-01-10', 'absent'), rec(3, '2025-02-10', 'absent'), rec(3, '2025-08-10', 'absent'), rec(3, '2025-09-10', 'absent'),
  ];

  it('rates present over expected, ignoring 列席 and 外出/流出 (DOMAIN.md: not absences), and counts 因病/因公 absences', () => {
    const rates = memberAttendance(records);
    expect(rates.find((r) => r.memberId === 1)).toMatchObject({ expected: 3, present: 2, absent: 1, excused: 1, rate: 2 / 3 });
    expect(rates.find((r) => r.memberId === 2)).toMatchObject({ expected: 3, present: 1, excused: 1, rate: 1 / 3 });
    // 流出 that day: not expected, whatever the reason written.
    const mobile = memberAttendance([rec(4, '2025-01-10', 'present'), { ...rec(4, '2025-02-10', 'absent'), mobileOut: true }]);
    expect(mobile[0]).toMatchObject({ expected: 1, present: 1, absent: 0, rate: 1 });
    expect(rates[0]!.memberId).toBe(3);
  });

  it('finds three or more absences in a row in date order, whether finished or ongoing; 外出 is not an absence', () => {
    const runs = absenceRuns(records);
    expect(runs.map((r) => [r.memberId, r.count, r.from, r.to, r.ongoing, r.sixMonths])).toEqual([
      [3, 4, '2025-01-10', '2025-09-10', true, true],
    ]);
    const three = absenceRuns([...records, rec(2, '2025-02-20', 'absent', 'sick')]);
    expect(three.find((r) => r.memberId === 2)!.reasons).toEqual(['other', 'business', 'sick']);
    expect(absenceRuns(records, 5)).toEqual([]);
  });
});
