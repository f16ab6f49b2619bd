// The print conventions of DOMAIN.md, in one place for both formats: A4, landscape for wide
// tables, title centred with unit and period under it, 第 X 页 共 Y 页 and the print date in the
// footer, 填表人 / 审核人 / 单位盖章 lines.
import { type Cell, type Column, type Orientation, textWidth } from './model';

export const SIGNATURES = ['填表人：', '审核人：', '单位（盖章）：'];

export function pageFooter(page: number, pages: number): string {
  return `第 ${page} 页 共 ${pages} 页`;
}

export function printDateText(isoDate: string): string {
  return `打印日期：${chineseDate(isoDate)}`;
}

/** '2025-03-07' → '2025年3月7日'; '' when empty. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!d) return m ? `${y}年${Number(m)}月` : `${y}年`;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export type Period = { from: string; to: string };

/** The 期间 line: a calendar year reads 「2025年度」, other ranges 「2025年1月1日至2025年6月30日」. */
export function periodLabel(p: Period, kind: 'asOf' | 'range' | 'year'): string {
  if (kind === 'asOf') return `截至${chineseDate(p.to)}`;
  const y = p.from.slice(0, 4);
  if (p.from === `${y}-01-01` && p.to === `${y}-12-31`) return `${y}年度`;
  return `${chineseDate(p.from)}至${chineseDate(p.to)}`;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };
/** Page margins in points: left, top, right, bottom (the footer sits in the bottom margin). */
export const PAGE_MARGINS: [number, number, number, number] = [32, 34, 32, 44];

export function pageWidth(o: Orientation): number {
  return o === 'landscape' ? A4.height : A4.width;
}

export function usableWidth(o: Orientation): number {
  return pageWidth(o) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

export const FONT_SIZE = { title: 18, subtitle: 10.5, body: 10.5, table: 9, tableMin: 7.5, footer: 8 };

/** Default maximum widths (half-em units) of wrapping columns by kind. */
const KIND_MAX: Record<NonNullable<Column['kind']>, number> = { text: 28, code: 24, date: 12, number: 8, center: 12 };

/** want: width to aim for; min: narrowest acceptable; full: width without wrapping at all. */
export type ColumnFit = { want: number; min: number; full: number; wrap: boolean };

/** Whether a column's values may wrap: text columns unless told otherwise. */
export function wraps(col: Column): boolean {
  return col.wrap ?? (col.kind ?? 'text') === 'text';
}

/**
 * Widths in half-em units that fit each column's header and content. A column that does not wrap
 * wants its widest value; a wrapping one its widest value up to its max (beyond that it wraps),
 * and can shrink to its min. A header breaks over at most two lines.
 */
export function measureColumns(columns: Column[], rows: Cell[][], latin = 1.2, width: (s: string) => number = (s) => textWidth(s, latin)): ColumnFit[] {
  return columns.map((col, i) => {
    const wrap = wraps(col);
    const cap = wrap ? (col.max ?? KIND_MAX[col.kind ?? 'text']) : Infinity;
    let widest = 0;
    for (const row of rows) {
      const v = row[i];
      if (v === null || v === undefined || v === '') continue;
      const s = String(v);
      const w = s.includes('\n') ? Math.max(...s.split('\n').map(width)) : width(s);
      if (w > widest) widest = w;
    }
    const header = width(col.header);
    // Whole characters on each of two lines, and half a unit of slack so that a header exactly as
    // wide as its column is not broken by rounding (「备/注」).
    const headerNeed = (header <= 8 ? header : Math.ceil(header / 4) * 2) + 0.5;
    const want = Math.max(col.min ?? 2, headerNeed, Math.min(widest, cap));
    const min = wrap ? Math.min(want, Math.max(col.min ?? 4, headerNeed, 4)) : want;
    // A column that must not wrap gets half an em of slack against rounding in the layout.
    const full = Math.max(want, widest);
    return wrap ? { want, min, full, wrap } : { want: want + 1, min: min + 1, full: full + 1, wrap };
  });
}

/** Excel column widths (its unit is one '0' of the default font; 宋体's Latin is half an em). */
export function excelWidths(columns: Column[], rows: Cell[][]): number[] {
  // +2: the cell's padding, and 宋体 prints a little wider than the count.
  return measureColumns(columns, rows, 1).map((f) => Math.min(60, f.want + 2));
}

/** Widths in points at one font size, or null when the wrapping columns cannot get their minimum. */
function widthsAt(fits: ColumnFit[], avail: number, size: number, force: boolean): number[] | null {
  const pt = size / 2;
  const fixed = fits.reduce((a, f) => a + (f.wrap ? 0 : f.want * pt), 0);
  const textWant = fits.reduce((a, f) => a + (f.wrap ? f.want * pt : 0), 0);
  const textMin = fits.reduce((a, f) => a + (f.wrap ? f.min * pt : 0), 0);
  const room = avail - fixed;
  if (room < textMin) {
    if (!force) return null;
    // Below the smallest size nothing more can be done but squeeze every column alike.
    const all = fits.reduce((a, f) => a + f.want, 0);
    return fits.map((f) => (f.want / all) * avail);
  }
  if (!fits.some((f) => f.wrap)) return fits.map((f) => f.want * pt * (avail / fixed));
  if (room <= textWant) {
    // Water-filling: the widest columns give way first, narrow ones (籍贯, 党小组) keep their want.
    const capped = (level: number) => fits.reduce((a, f) => a + (f.wrap ? Math.max(f.min, Math.min(f.want, level)) * pt : 0), 0);
    let lo = 0;
    let hi = Math.max(...fits.map((f) => f.want));
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (capped(mid) > room) hi = mid;
      else lo = mid;
    }
    return fits.map((f) => (f.wrap ? Math.max(f.min, Math.min(f.want, lo)) * pt : f.want * pt));
  }
  // Spare width first lets capped columns grow toward not wrapping at all, then goes to all.
  let spare = room - textWant;
  const short = fits.reduce((a, f) => a + (f.wrap ? (f.full - f.want) * pt : 0), 0);
  const grow = Math.min(spare, short);
  spare -= grow;
  const grown = fits.map((f) => (f.wrap ? f.want * pt + (short > 0 ? (grow * (f.full - f.want) * pt) / short : 0) : f.want * pt));
  // What is left widens every column alike, so figures get air too.
  const sum = grown.reduce((a, w) => a + w, 0);
  return grown.map((w) => w + (spare * w) / sum);
}

/**
 * Font size and point widths for a PDF table. Every size from 9 pt down to 7.5 is tried: columns
 * that must not wrap get their full width, wrapping ones share the rest. The size whose table is
 * shortest wins (wrapped addresses cost more height than a half point of type), the larger of
 * two within 5 % of each other. `height(size, widths)` estimates the table's height.
 */
export function layoutPdfTable(fits: ColumnFit[], orientation: Orientation, cellExtra: number, height?: (size: number, widths: number[]) => number): { fontSize: number; widths: number[] } {
  const avail = usableWidth(orientation) - fits.length * cellExtra;
  const options: { fontSize: number; widths: number[]; h: number }[] = [];
  for (let size = FONT_SIZE.table; size >= FONT_SIZE.tableMin; size -= 0.5) {
    const widths = widthsAt(fits, avail, size, size === FONT_SIZE.tableMin && options.length === 0);
    if (!widths) continue;
    if (!height) return { fontSize: size, widths };
    options.push({ fontSize: size, widths, h: height(size, widths) });
  }
  const best = Math.min(...options.map((o) => o.h));
  return options.find((o) => o.h <= best * 1.05)!;
}
