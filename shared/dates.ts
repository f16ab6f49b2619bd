import dayjs from 'dayjs';

/** Timestamps are stored as ISO 8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date as 'YYYY-MM-DD' in local time (what a clerk calls today). */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written 'YYYY-MM-DD' (cheap: runs for every date of every imported row). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Whole years between a birth date and a date (both ISO). */
export function ageOn(birth: string, on: string): number {
  return dayjs(on).diff(dayjs(birth), 'year');
}
