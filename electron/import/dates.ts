// Dates as clerks type them: real Excel dates, serial numbers, and ten kinds of text.
import { foldAll } from './text';

export type ParsedDate =
  | { kind: 'date'; iso: string; partial: boolean }
  | { kind: 'invalid' };

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A real calendar date (1900–2199) as ISO, or null. */
function ymd(y: number, m: number, d: number, partial: boolean): ParsedDate {
  if (!(y >= 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return { kind: 'invalid' };
  return { kind: 'date', iso: `${y}-${pad(m)}-${pad(d)}`, partial };
}

// Excel's day 0 is 1899-12-30 once past its fictitious 1900-02-29 (serial 60).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);

/** An Excel serial day number as y/m/d (time of day dropped). */
export function serialToYmd(serial: number, date1904 = false): [number, number, number] | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  let day = Math.floor(serial);
  if (!date1904 && day < 61) day += 1; // before the phantom 1900-02-29 the serials run one ahead
  const t = new Date((date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS) + day * 86_400_000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** True when a number format shows a day (so a date cell formatted as 1985年3月 is year-month). */
function formatShowsDay(fmt: string | undefined): boolean {
  if (!fmt || fmt === 'General') return true;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /d/i.test(bare) || !/[ym]/i.test(bare);
}

/**
 * A number in a date column: YYYYMMDD and YYYYMM typed as numbers, 1985.3 typed as a number
 * (year.month), or an Excel serial day (a date cell, or a bare serial left by a broken format).
 */
export function parseDateNumber(v: number, fmt?: string, date1904 = false): ParsedDate {
  if (Number.isInteger(v) && v >= 19000101 && v <= 21991231) {
    return ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100, false);
  }
  if (Number.isInteger(v) && v >= 190001 && v <= 219912) return ymd(Math.floor(v / 100), v % 100, 1, true);
  if (v >= 1900 && v < 2200) {
    if (Number.isInteger(v)) return { kind: 'invalid' }; // a year alone is not a date
    // 1985.3 is March; 1985.10 arrives as 1985.1 unless the format kept two decimals.
    const twoDecimals = fmt !== undefined && /\.00/.test(fmt);
    const hundredths = Math.round((v - Math.floor(v)) * 100);
    const month = twoDecimals || hundredths % 10 !== 0 ? hundredths : hundredths / 10;
    return ymd(Math.floor(v), month, 1, true);
  }
  const parts = serialToYmd(v, date1904);
  if (!parts) return { kind: 'invalid' };
  const [y, m, d] = parts;
  return ymd(y, m, d, d === 1 && !formatShowsDay(fmt));
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/;
const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_YM = /^(\d{4})(\d{2})$/;
// "1985-03-12 00:00:00" and "1985/3/12 0:00" from exports of other systems.
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Text in a date column; the caller has already trimmed it and knows it is not empty. */
export function parseDateText(text: string): ParsedDate {
  const s = foldAll(text).trim().replace(TIME_SUFFIX, '').replace(/。/g, '.');
  let m = FULL.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), false);
  m = YEAR_MONTH.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), 1, true);
  m = COMPACT.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), false);
  m = COMPACT_YM.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), 1, true);
  return { kind: 'invalid' };
}
