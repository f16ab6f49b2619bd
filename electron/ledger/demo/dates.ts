// Date arithmetic on ISO 'YYYY-MM-DD' strings via UTC day numbers: the demo makes ~10^5 of
// these, and dayjs objects in that loop would cost more than the inserts.
import { addDays, daysInMonth } from '../../../shared/rules/periods';

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// The one date helper: the same addDays and daysInMonth as the rules use.
export { addDays, daysInMonth };

/** Same day n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m)));
}

export function addYears(iso: string, n: number): string {
  return addMonths(iso, 12 * n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Moves a weekend date to the next Monday (meetings of employed members fall on workdays). */
export function nextWorkday(iso: string): string {
  const wd = weekday(iso);
  return wd === 6 ? addDays(iso, 2) : wd === 0 ? addDays(iso, 1) : iso;
}

/** A uniformly random date in [from, to]. */
export function randomDate(rng: { int(min: number, max: number): number }, from: string, to: string): string {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
