// What every register builder shares: the header facts a query hands over, sections with the
// signature lines, the masking of personal data.
import { type RegisterName, registerInfo } from '../catalog';
import { type Period, SIGNATURES, periodLabel } from '../conventions';
import { type Masker, masker } from '../masking';
import type { Block, Orientation, RegisterDoc, Section } from '../model';

/** What every register's data carries besides its rows. */
export type ReportHeader = {
  /** The unit printed under the title: the scope's org (or the street committee). */
  unit: string;
  period: Period;
  /** 'YYYY-MM-DD' */
  printedOn: string;
  /** A masked export: ID numbers, birth dates, phones and addresses through `masking.ts`. */
  maskIds: boolean;
  /** What the query noticed for the clerk (limits hit, data missing); not printed. */
  warnings?: string[];
};

/** How this export prints personal data. */
export function maskerOf(h: ReportHeader): Masker {
  return masker(h.maskIds);
}

export function signatures(): Block {
  return { type: 'signatures', items: SIGNATURES };
}

export function periodOf(register: RegisterName, h: ReportHeader): string {
  const kind = registerInfo(register).periodKind;
  // A snapshot is as of the day it is printed when its year is still running: 截至 today, never a
  // 31 December still to come (the data is today's too).
  const period = kind === 'asOf' && h.printedOn < h.period.to ? { ...h.period, to: h.printedOn } : h.period;
  return periodLabel(period, kind);
}

/** A one-table register: title, unit and period, the table, the signature lines. */
export function tableSection(register: RegisterName, h: ReportHeader, orientation: Orientation, blocks: Block[], opts: { title?: string; unit?: string; sheet?: string } = {}): Section {
  const title = opts.title ?? registerInfo(register).title;
  return {
    title,
    unit: opts.unit ?? h.unit,
    period: periodOf(register, h),
    orientation,
    blocks: [...blocks, signatures()],
    sheet: opts.sheet ?? title,
    toc: title,
  };
}

export function registerDoc(register: RegisterName, h: ReportHeader, sections: Section[], warnings: string[] = []): RegisterDoc {
  const info = registerInfo(register);
  return { register, title: `${h.unit}${info.title}`, printedOn: h.printedOn, sections, masked: h.maskIds, warnings: [...(h.warnings ?? []), ...warnings] };
}

/** Ordinal captions: 一、二、三 … */
export function chineseOrdinal(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

/** Percent with one decimal, or '' for no base. */
export function percent(part: number, whole: number): string {
  if (!whole) return '';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}
