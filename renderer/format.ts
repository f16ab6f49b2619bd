// Dates between antd's pickers (dayjs) and the ledger (ISO 'YYYY-MM-DD'), and display helpers.
import dayjs, { type Dayjs } from 'dayjs';

export const toIso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const fromIso = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);
export const todayIso = (): string => dayjs().format('YYYY-MM-DD');

/** '2024-07-01' → '2024年7月1日' */
export function cnDate(s: string | null | undefined): string {
  if (!s) return '—';
  const d = dayjs(s);
  return d.isValid() ? d.format('YYYY年M月D日') : s;
}

/** ISO timestamp → local '2026-03-05 14:20'. */
export function cnTime(s: string | null | undefined): string {
  return s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—';
}

export function ageFrom(birth: string | null | undefined, on: Dayjs = dayjs()): number | null {
  return birth ? on.diff(dayjs(birth), 'year') : null;
}

export const dash = (v: string | number | null | undefined): string | number => (v === null || v === undefined || v === '' ? '—' : v);
