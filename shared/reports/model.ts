// A register as a neutral document: sections of tables, form grids and text. Each register's
// builder produces one; pdf.ts and xlsx.ts render it to pdfmake and exceljs, so both formats carry
// the same columns, titles and signature lines by construction.
import type { RegisterName } from './catalog';

export type Orientation = 'portrait' | 'landscape';
export type Cell = string | number | null;

/**
 * text: ordinary text · code: ID numbers, phones, card numbers — always text, never wrapped or
 * turned into numbers · date: 'YYYY-MM-DD' kept as text · number: right-aligned figures ·
 * center: short labels (性别, 等次, ✓).
 */
export type ColumnKind = 'text' | 'code' | 'date' | 'number' | 'center';

export type Column = {
  header: string;
  kind?: ColumnKind;
  /** Upper bound of the width in character units (a Chinese character counts 2); longer text wraps. */
  max?: number;
  /** Lower bound, in character units. */
  min?: number;
  /** Whether long values wrap onto more lines (default: only 'text' columns). Names do not. */
  wrap?: boolean;
  /** Figures printed with exactly this many decimals in both formats (scores: 2). */
  decimals?: number;
};

/** A figure with a column's fixed decimals: 4.5 → '4.50'; anything else unchanged. */
export function withDecimals(v: Cell, decimals: number | undefined): Cell {
  if (decimals === undefined || v === null || v === '') return v;
  const n = typeof v === 'number' ? v : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
  return n === null ? v : n.toFixed(decimals);
}

export type TableBlock = {
  type: 'table';
  columns: Column[];
  /** An upper header row grouping columns, e.g. 第一季度 over three months; spans sum to the columns. */
  groups?: { header: string; span: number }[];
  rows: Cell[][];
  /** Full-width caption rows inserted before the given row index (a branch's name over its members). */
  captions?: { before: number; text: string }[];
  /**
   * PDF: start a new table at each caption, its caption and column header repeating over page
   * breaks (long rosters, default); false keeps one table with caption rows (a contract's categories).
   */
  splitAtCaptions?: boolean;
  /** A last, emphasised row (合计). */
  totals?: Cell[];
  /** Shown instead of an empty table body. */
  emptyText?: string;
};

export type GridCell = {
  text: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** Rows this cell spans (default 1). */
  rowSpan?: number;
  /** A field label (shaded, centred) rather than a value. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
};

/** A form laid out on a grid (采集表, 会议记录): every row's spans sum to widths.length. */
export type GridBlock = {
  type: 'grid';
  /** Relative column widths. */
  widths: number[];
  rows: GridCell[][];
  /** Minimum height of each row in lines of text (default 1); for boxes to write or stamp in. */
  heights?: number[];
};

export type TextBlock = {
  type: 'text';
  text: string;
  style?: 'body' | 'heading' | 'note' | 'right';
};

/** 填表人 / 审核人 / 单位盖章 lines, or the two parties of a contract. */
export type SignaturesBlock = {
  type: 'signatures';
  items: string[];
  /** Adds 「年 月 日」 under the items (contracts, forms signed by hand). */
  dated?: boolean;
};

export type Block = TableBlock | GridBlock | TextBlock | SignaturesBlock;

export type Section = {
  /** Centred title. */
  title: string;
  /** 「填报单位：…」 and 「期间：…」 under the title; either may be empty. */
  unit: string;
  period: string;
  orientation: Orientation;
  blocks: Block[];
  /**
   * The worksheet this section goes to. Consecutive sections with the same sheet stack in it,
   * each starting on a new printed page (one member's form, one meeting's record).
   */
  sheet: string;
  /** The line in the binder's 目录; sections without it continue the previous entry. */
  toc?: string;
};

export type Cover = {
  title: string;
  subtitle: string;
  lines: string[];
};

export type RegisterDoc = {
  register: RegisterName;
  /** The document's title: PDF metadata and the footer's left side. */
  title: string;
  /** 'YYYY-MM-DD', printed in every footer. */
  printedOn: string;
  sections: Section[];
  /** Personal data masked (masking.ts): the footers say so. */
  masked?: boolean;
  /** The binder only: a cover page and a table of contents before the sections. */
  cover?: Cover;
  /** Things a clerk should know about this print (empty registers, characters missing from the font …). */
  warnings: string[];
};

/**
 * How wide a string prints, in half-em units: CJK and full-width forms count 2, Latin letters and
 * digits `latin` (1.2 in the PDF font, whose digits are 0.6 em; 1 in Excel's 宋体), narrow
 * punctuation less.
 */
export function textWidth(s: string, latin = 1.2): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    if (cp >= 0x2e80) {
      w += 2;
      if (cp >= 0xd800 && cp <= 0xdbff) i++;
    } else if (cp === 0x20 || cp === 0x2d || cp === 0x2e || cp === 0x3a || cp === 0xb7 || cp === 0x2c) w += 0.7;
    else if (cp >= 0x2000 && cp <= 0x206f) w += cp === 0x2022 ? 0.7 : 2;
    else w += latin;
  }
  return w;
}
