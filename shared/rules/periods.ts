// Calendar periods of the rules (month / quarter / year) on ISO date strings. Plain arithmetic on
// 'YYYY-MM-DD' text: no time zones, and string order is date order.
export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
/** How registers and pages name the quarters. */
export const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;
export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** One period: `key` is 'YYYY-MM', 'YYYY-Qn' or 'YYYY'; start and end are inclusive ISO dates. */
export type Period = { unit: PeriodUnit; key: string; start: string; end: string };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function parseIso(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function monthPeriod(y: number, m: number): Period {
  return { unit: 'month', key: `${pad(y, 4)}-${pad(m)}`, start: isoDate(y, m, 1), end: isoDate(y, m, daysInMonth(y, m)) };
}

function quarterPeriod(y: number, q: number): Period {
  const lastMonth = q * 3;
  return { unit: 'quarter', key: `${pad(y, 4)}-Q${q}`, start: isoDate(y, lastMonth - 2, 1), end: isoDate(y, lastMonth, daysInMonth(y, lastMonth)) };
}

function yearPeriod(y: number): Period {
  return { unit: 'year', key: pad(y, 4), start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) };
}

/** The period of `unit` that contains `date`. */
export function periodOf(date: string, unit: PeriodUnit): Period {
  const { y, m } = parseIso(date);
  if (unit === 'month') return monthPeriod(y, m);
  if (unit === 'quarter') return quarterPeriod(y, Math.ceil(m / 3));
  return yearPeriod(y);
}

/** Every period of `unit` in a calendar year, in order. */
export function periodsOfYear(year: number, unit: PeriodUnit): Period[] {
  if (unit === 'month') return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
  if (unit === 'quarter') return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
  return [yearPeriod(year)];
}

/** Parses a period key back ('2025-07', '2025-Q3', '2025'); null when it is not one. */
export function periodFromKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const mm = Number(m[2]);
    return mm >= 1 && mm <= 12 ? monthPeriod(Number(m[1]), mm) : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(key);
  return m ? yearPeriod(Number(m[1])) : null;
}

export function inPeriod(date: string, p: Period): boolean {
  return date >= p.start && date <= p.end;
}

/** Days from a to b (b − a), both ISO dates; UTC arithmetic so DST never shifts a day. */
export function daysBetween(a: string, b: string): number {
  const pa = parseIso(a);
  const pb = parseIso(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  const { y, m, d } = parseIso(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The period label a person reads: 2025年7月, 2025年第3季度, 2025年. */
export function periodLabel(p: Period | string): string {
  const period = typeof p === 'string' ? periodFromKey(p) : p;
  if (!period) return String(p);
  const y = period.key.slice(0, 4);
  if (period.unit === 'month') return `${y}年${Number(period.key.slice(5, 7))}月`;
  if (period.unit === 'quarter') return `${y}年第${period.key.slice(6)}季度`;
  return `${y}年`;
}
