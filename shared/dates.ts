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

export function isIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && dayjs(s, 'YYYY-MM-DD').format('YYYY-MM-DD') === s;
}

/** Whole years between a birth date and a date (both ISO). */
export function ageOn(birth: string, on: string): number {
  return dayjs(on).diff(dayjs(birth), 'year');
}
