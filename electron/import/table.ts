// Step 2: find the member table in a sheet — the header row(s) wherever they are (title rows,
// unit/date rows and blank rows above; one- or two-row headers with merged cells) — and which
// rows below it are members.
import { type ImportField, fieldForHeader } from './fields';
import type { RawCell, RawSheet } from './read';
import { cleanText } from './text';

/** How far down a header may sit. */
const HEADER_SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;

export type ColumnMapping = {
  index: number;
  /** The file's own header text (the lowest header row that names something). */
  header: string;
  /** What the column was recognised as ('ignore' = 序号 and the like). */
  detected: ImportField | 'ignore' | null;
  /** What it is imported as: the detected field, or the clerk's choice in the wizard. */
  field: ImportField | null;
};

export type TableLayout = {
  /** 0-based rows of the header (one to three rows). */
  headerStart: number;
  headerEnd: number;
  columns: ColumnMapping[];
};

/** The text of any cell, for headers and summary rows. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  const v = cell.v;
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

function isEmptyCell(cell: RawCell | undefined): boolean {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z') return true;
  return typeof cell.v === 'string' && cell.v.trim() === '';
}

type HeaderCell = { text: string; originRow: number };

/** Header cells with merged regions filled in from their top-left cell. */
function headerGrid(sheet: RawSheet, rowCount: number, width: number): HeaderCell[][] {
  const grid: HeaderCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r];
    const out: HeaderCell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = { text: cellText(row?.[c]), originRow: r };
    grid.push(out);
  }
  for (const m of sheet.merges) {
    if (m.s.r >= rowCount) continue;
    const text = cellText(sheet.rows[m.s.r]?.[m.s.c]);
    for (let r = m.s.r; r <= Math.min(m.e.r, rowCount - 1); r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) grid[r]![c] = { text, originRow: m.s.r };
    }
  }
  return grid;
}

function sheetWidth(sheet: RawSheet, rows: number): number {
  let w = 0;
  for (let r = 0; r < rows; r++) w = Math.max(w, sheet.rows[r]?.length ?? 0);
  for (const m of sheet.merges) if (m.s.r < rows) w = Math.max(w, m.e.c + 1);
  return Math.min(w, 200);
}

/** A member table needs 姓名 and at least two more member columns. */
function isMemberHeader(fields: (ImportField | 'ignore' | null)[]): boolean {
  const found = new Set(fields.filter((f): f is ImportField => f !== null && f !== 'ignore'));
  return found.has('name') && found.size >= 3;
}

export function findTable(sheet: RawSheet): TableLayout | null {
  const scan = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  if (scan === 0) return null;
  const width = sheetWidth(sheet, scan);
  const grid = headerGrid(sheet, scan, width);
  const fields = grid.map((row) => row.map((h) => (h.text ? fieldForHeader(h.text) : null)));
  const named = (r: number) => fields[r]!.filter((f) => f !== null && f !== 'ignore').length;
  // A row adds to the header when it names columns of its own (not just a merge from above).
  const addsNames = (r: number) => fields[r]!.some((f, c) => f !== null && f !== 'ignore' && grid[r]![c]!.originRow === r);

  for (let r = 0; r < scan; r++) {
    if (named(r) < 2) continue;
    let end = r;
    while (end + 1 < scan && end - r + 1 < MAX_HEADER_ROWS && addsNames(end + 1)) end++;
    const columns = combineHeader(grid, fields, r, end, width);
    if (!isMemberHeader(columns.map((c) => c.detected))) continue;
    return { headerStart: r, headerEnd: end, columns };
  }
  return null;
}

/** Per column, the lowest header row that names a field wins ("基本信息" over "姓名" loses). */
function combineHeader(grid: HeaderCell[][], fields: (ImportField | 'ignore' | null)[][], start: number, end: number, width: number): ColumnMapping[] {
  const columns: ColumnMapping[] = [];
  const taken = new Set<ImportField>();
  for (let c = 0; c < width; c++) {
    let header = '';
    let detected: ImportField | 'ignore' | null = null;
    for (let r = end; r >= start; r--) {
      const f = fields[r]![c]!;
      if (f !== null) {
        detected = f;
        header = grid[r]![c]!.text;
        break;
      }
    }
    if (!header) {
      for (let r = end; r >= start && !header; r--) header = grid[r]![c]!.text;
      // Instructions standing beside the table are not a column of it.
      if (isNoticeText(header) || header.length > 40) header = '';
    }
    // The first column with a field keeps it; a second 手机/电话 column is left for the clerk to map.
    const field = detected !== null && detected !== 'ignore' && !taken.has(detected) ? detected : null;
    if (field) taken.add(field);
    columns.push({ index: c, header, detected, field });
  }
  while (columns.length > 0 && !columns[columns.length - 1]!.header && columns[columns.length - 1]!.field === null) columns.pop();
  return columns;
}

const SUMMARY = /^(合\s*计|总\s*计|共\s*计|小\s*计|累\s*计|汇\s*总|填\s*表\s*人|填\s*报\s*人|制\s*表\s*人|审\s*核\s*人|审\s*批\s*人|负\s*责\s*人|联\s*系\s*人|统\s*计\s*人|单\s*位\s*(盖\s*章|负\s*责)|填\s*(表|报)\s*(日\s*期|时\s*间)|说\s*明|备\s*注\s*[:：]|注\s*[:：])/;

/** True for 合计/总计/共计 rows, signature lines (填表人, 审核人 …) and notes under a table. */
export function isSummaryRow(row: (RawCell | undefined)[] | undefined): boolean {
  if (!row) return false;
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    return SUMMARY.test(cellText(cell));
  }
  return false;
}

export type RowKind = 'data' | 'blank' | 'summary' | 'header' | 'section' | SkipReason;

/** Rows under a header that are no members, named in the preview: 说明, 必填 rows, examples. */
export type SkipReason = 'notice' | 'marker' | 'example';

const NOTICE = /^(填写注意事项|填表注意事项|填写说明|填表说明|注意事项|注意|说明|注|提示|温馨提示)\s*[:：、.．]|^(填写注意事项|填表注意事项|填写说明|填表说明|注意事项)/;
/** 1、… / 一、… / (1) … : a numbered instruction (a 序号 alone is no sentence). */
const NUMBERED = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．）)]\s*\S{4,}|^[（(]\d{1,2}[）)]\s*\S{4,}/;

/** A cell of instructions: 注：…, 填写说明 …, numbered sentences, or a long multi-line text. */
function isNoticeText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  return NOTICE.test(t) || NUMBERED.test(t) || (t.length >= 30 && /\n/.test(t));
}

const MARKER = /^[*＊]?(必填|选填|非必填|可选|必填项|选填项|可不填)[*＊]?$/;
const EXAMPLE = /^(示例|样例|例|举例|填写示例|填表示例|例子)[:：]?$/;

/** A 必填/选填 row under the header, or a row marked 示例 in its first cell. */
function markerKind(row: (RawCell | undefined)[]): SkipReason | null {
  let first: string | null = null;
  let allMarkers = true;
  let any = false;
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    const t = cellText(cell);
    if (first === null) first = t;
    any = true;
    if (!MARKER.test(t)) allMarkers = false;
  }
  if (!any) return null;
  if (allMarkers) return 'marker';
  return first !== null && EXAMPLE.test(first) ? 'example' : null;
}


/**
 * What a row under the header is. A row is blank when every mapped column is empty (a
 * pre-numbered 序号 alone is no member); repeated header rows and one-cell section titles
 * merged across the table are not members either.
 */
export function classifyRow(sheet: RawSheet, r: number, table: TableLayout, mapped: number[], sectionRows: Set<number>): RowKind {
  const row = sheet.rows[r];
  if (!row || row.length === 0) return 'blank';
  const first = firstValue(row);
  if (typeof first === 'string' && isNoticeText(first)) return 'notice';
  const marker = markerKind(row);
  if (marker) return marker;
  if (isSummaryRow(row)) return 'summary';
  let filled = 0;
  for (const c of mapped) if (!isEmptyCell(row[c])) filled++;
  if (filled === 0) return 'blank';
  if (sectionRows.has(r)) return 'section';
  // A header repeated for printing, or the header of a second block of the same table. Only a
  // row whose 姓名 cell says 姓名 can be one, so most rows cost one lookup.
  const nameCol = table.columns.find((c) => c.field === 'name');
  if (!nameCol || fieldForHeader(cellText(row[nameCol.index])) !== 'name') return 'data';
  let headerLike = 0;
  for (const col of table.columns) {
    const f = col.detected;
    if (f && f !== 'ignore' && fieldForHeader(cellText(row[col.index])) === f) headerLike++;
  }
  return headerLike >= 2 ? 'header' : 'data';
}

function firstValue(row: (RawCell | undefined)[]): RawCell['v'] {
  for (const cell of row) if (!isEmptyCell(cell)) return cell!.v;
  return undefined;
}

/**
 * Instructions beside the table (a merged box or a lone cell outside its columns, from the header
 * down): 1-based rows where one starts, for the preview's "已跳过：说明".
 */
export function noticesBeside(sheet: RawSheet, table: TableLayout): number[] {
  const used = new Set(table.columns.filter((c) => c.header).map((c) => c.index));
  const rows = new Set<number>();
  const scan = Math.min(sheet.rows.length, table.headerEnd + 1 + 200);
  for (let r = table.headerStart; r < scan; r++) {
    const row = sheet.rows[r] ?? [];
    row.forEach((cell, c) => {
      if (!used.has(c) && !isEmptyCell(cell) && typeof cell!.v === 'string' && isNoticeText(cell!.v)) rows.add(r + 1);
    });
  }
  return [...rows].sort((a, b) => a - b);
}

/** Rows whose only content is one cell merged across three or more columns: a section title. */
export function sectionTitleRows(sheet: RawSheet, afterRow: number): Set<number> {
  const rows = new Set<number>();
  for (const m of sheet.merges) {
    if (m.s.r <= afterRow || m.s.r !== m.e.r || m.e.c - m.s.c < 2) continue;
    const row = sheet.rows[m.s.r] ?? [];
    const others = row.some((cell, c) => (c < m.s.c || c > m.e.c) && !isEmptyCell(cell));
    if (!others) rows.add(m.s.r);
  }
  return rows;
}

export { isEmptyCell };
