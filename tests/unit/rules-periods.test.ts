import { describe, expect, it } from 'vitest';
import {
  addDays, daysBetween, daysInMonth, isLeapYear, periodFromKey, periodLabel, periodOf, periodsOfYear,
} from '../../shared/rules';

describe('periods of the rules', () => {
  it('puts the last day of a quarter in that quarter and the next day in the next', () => {
    expect(periodOf('2025-03-31', 'quarter').key).toBe('2025-Q1');
    expect(periodOf('2025-04-01', 'quarter').key).toBe('2025-Q2');
    expect(periodOf('2025-09-30', 'quarter')).toEqual({ unit: 'quarter', key: '2025-Q3', start: '2025-07-01', end: '2025-09-30' });
    expect(periodOf('2025-12-31', 'year')).toEqual({ unit: 'year', key: '2025', start: '2025-01-01', end: '2025-12-31' });
    expect(periodOf('2026-01-01', 'year').key).toBe('2026');
  });

  it('knows leap years, including the century rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(periodOf('2024-02-29', 'month')).toEqual({ unit: 'month', key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2024-02-29', 'quarter').key).toBe('2024-Q1');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('lists every period of a year and parses keys back', () => {
    const months = periodsOfYear(2024, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]!.end).toBe('2024-02-29');
    expect(months[11]!.end).toBe('2024-12-31');
    expect(periodsOfYear(2025, 'quarter').map((p) => p.end)).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
    expect(periodFromKey('2025-Q3')).toEqual(periodOf('2025-08-15', 'quarter'));
    expect(periodFromKey('2025-13')).toBeNull();
    expect(periodLabel('2025-07')).toBe('2025年7月');
    expect(periodLabel('2025-Q4')).toBe('2025年第4季度');
  });
});
