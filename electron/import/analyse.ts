// read → find table(s) → map headers → normalise → validate, for a whole file. Pure Node and
// ledger-free, so it can run in a worker thread (worker.ts) while the window stays responsive.
import { today as localToday } from '../../shared/dates';
import { parseDateNumber } from './dates';
import { DATE_FIELDS, type ImportField } from './fields';
import { type ImportFormat, type RawBook, type RawCell, type RawSheet, readBook, ImportReadError } from './read';
import { excelNumberText } from './text';
import type { FileError } from './codes';
import { type ImportRow, KIND_TEXT, type ValueMapping, addYears, analyseRow, columnsByField } from './rows';
import { type SkipReason, type TableLayout, cellText, classifyRow, findTable, noticesBeside, sectionTitleRows } from './table';
import { normaliseHeader } from './fields';

/** Hand-made column mappings from the wizard: sheet name ('' for CSV) → column index → field. */
export type ColumnOverrides = Record<string, Record<number, ImportField | null>>;

export type AnalyseOptions = {
  mapping?: ColumnOverrides;
  /** Hand-made mappings by header text, for every sheet (the CLI's --map "编入党支部=org"). */
  mapByHeader?: Record<string, ImportField | null>;
  /** 'YYYY-MM-DD'; the clerk's today by default (tests pin it). */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Keep each row's cells as the file shows them (for the wizard's preview table). */
  withCells?: boolean;
  /** Who reads the messages: the CLI's name options, the app its controls. */
  surface?: Surface;
};

export type Surface = 'cli' | 'app';

/** A row under a header that is no member: instructions, a 必填 row, an example. */
type SkippedRow = { sheet: string | null; row: number; reason: SkipReason; text: string };

export type SheetSummary = {
  name: string | null;
  index: number;
  table: TableLayout | null;
  /** 1-based row number of the first header row, for people. */
  headerRow: number | null;
  rows: number;
  /** Headers of columns the import does not know (and the clerk has not mapped). */
  unmapped: string[];
};

export type Analysis = {
  file: string;
  format: ImportFormat;
  encoding?: string;
  sheets: SheetSummary[];
  ignoredSheets: string[];
  rows: ImportRow[];
  fileErrors: FileError[];
  skipped: SkippedRow[];
  /** Each spelling written onto its code list (大学本科 → 大学), with how many rows had it. */
  valueMappings: (ValueMapping & { rows: number })[];
};

function valueMappingsOf(rows: ImportRow[]): (ValueMapping & { rows: number })[] {
  const out = new Map<string, ValueMapping & { rows: number }>();
  for (const r of rows) {
    for (const m of r.mapped ?? []) {
      const k = `${m.field}|${m.from}`;
      const hit = out.get(k);
      if (hit) hit.rows++;
      else out.set(k, { ...m, rows: 1 });
    }
  }
  return [...out.values()];
}

export const sheetKey = (name: string | null): string => name ?? '';

function applyOverrides(table: TableLayout, overrides: Record<number, ImportField | null> | undefined): TableLayout {
  if (!overrides) return table;
  const chosen = new Map<number, ImportField | null>(Object.entries(overrides).map(([k, v]) => [Number(k), v]));
  // A field the clerk put on one column leaves every other column that had it.
  const claimed = new Set([...chosen.values()].filter((f): f is ImportField => f !== null && f !== 'extra'));
  return {
    ...table,
    columns: table.columns.map((col) => {
      if (chosen.has(col.index)) return { ...col, field: chosen.get(col.index) ?? null };
      return col.field && claimed.has(col.field) ? { ...col, field: null } : col;
    }),
  };
}

export function analyseBook(book: RawBook, file: string, opts: AnalyseOptions = {}): Analysis {
  const today = opts.today ?? localToday();
  const sheets: SheetSummary[] = [];
  const ignoredSheets: string[] = [];
  const fileErrors: FileError[] = [];
  const skipped: SkippedRow[] = [];
  const plans: { sheet: SheetSummary; from: number }[] = [];
  let tables = 0;
  let total = 0;
  book.sheets.forEach((sheet, index) => {
    const found = findTable(sheet);
    const other = otherList(sheet, found);
    const table = found && !other ? applyOverrides(resolveKindColumns(sheet, found), overridesFor(found, opts, sheetKey(sheet.name))) : null;
    const summary: SheetSummary = { name: sheet.name, index, table, headerRow: table ? table.headerStart + 1 : null, rows: 0, unmapped: table ? unmappedOf(table) : [] };
    sheets.push(summary);
    if (other) {
      fileErrors.push({ sheet: sheet.name, code: 'NOT_A_MEMBER_LIST', message: `${sheetLabel(book, sheet.name)}${other}` });
      return;
    }
    if (!table) {
      if (sheet.name !== null) ignoredSheets.push(sheet.name);
      return;
    }
    tables++;
    if (!table.columns.some((c) => c.field === 'idNumber')) {
      const headers = table.columns.map((c) => c.header).filter(Boolean).join('、');
      const fix = opts.surface === 'cli' ? '若表中有这一列但写法不同，请用 --map "列名=idNumber" 指定' : '若表中有这一列但写法不同，请在“核对表头”一步把它设为“公民身份号码”';
      fileErrors.push({
        sheet: sheet.name, code: 'NO_ID_COLUMN',
        message: `${sheetLabel(book, sheet.name)}没有公民身份号码一列（表头：${headers}）。身份证号是党员在台帐中的唯一标识：请加上“公民身份号码”一列；${fix}。`,
      });
      return;
    }
    plans.push({ sheet: summary, from: table.headerEnd + 1 });
    total += Math.max(0, sheet.rows.length - table.headerEnd - 1);
  });

  const rows: ImportRow[] = [];
  const seenIds = new Map<string, { sheet: string | null; row: number }>();
  let done = 0;
  const step = 500;
  let nextReport = step;
  opts.onProgress?.(0, total);
  for (const { sheet: summary, from } of plans) {
    const sheet = book.sheets[summary.index]!;
    const table = summary.table!;
    const mapped = table.columns.filter((c) => c.field !== null).map((c) => c.index);
    const sections = sectionTitleRows(sheet, table.headerEnd);
    const colOf = columnsByField(table.columns);
    // A second column for a fact already mapped (入党时间 beside 加入党组织日期): compared, not dropped.
    const duplicates = table.columns
      .filter((c) => c.field === null && c.detected !== null && c.detected !== 'ignore' && colOf.get(c.detected)?.detected === c.detected)
      .map((c) => ({ column: c, of: colOf.get(c.detected as ImportField)! }));
    const ctx = { sheet: sheet.name, sheetIndex: summary.index, columns: table.columns, colOf, duplicates, date1904: book.date1904, today, yearAgo: addYears(today, -1), seenIds };
    const skippedHere: SkippedRow[] = noticesBeside(sheet, table).map((row) => ({ sheet: sheet.name, row, reason: 'notice', text: rowText(sheet.rows[row - 1]) }));
    for (let r = from; r < sheet.rows.length; r++) {
      if (++done >= nextReport) {
        opts.onProgress?.(done, total);
        nextReport += step;
      }
      const kind = classifyRow(sheet, r, table, mapped, sections);
      if (kind === 'notice' || kind === 'marker' || kind === 'example') {
        if (!skippedHere.some((s) => s.row === r + 1)) skippedHere.push({ sheet: sheet.name, row: r + 1, reason: kind, text: rowText(sheet.rows[r]) });
        continue;
      }
      if (kind !== 'data') continue;
      const row = analyseRow(sheet.rows[r]!, r + 1, ctx);
      if (opts.withCells) row.cells = table.columns.map((c) => displayCell(sheet.rows[r]![c.index], c.field, book.date1904));
      rows.push(row);
      summary.rows++;
    }
    skipped.push(...skippedHere.sort((a, b) => a.row - b.row));
  }
  opts.onProgress?.(total, total);
  if (tables === 0 && fileErrors.length === 0) {
    const where = book.format === 'csv' ? '文件中' : `所有工作表（${book.sheets.map((s) => s.name).join('、')}）中`;
    throw new ImportReadError(
      'IMPORT_NO_TABLE',
      `${where}都没有找到党员名单：需要一行表头，至少包含“姓名”和另外两列（如“公民身份号码”“性别”“入党日期”）。请检查表头的写法。`,
      { file },
    );
  }
  if (plans.length > 0 && rows.length === 0 && fileErrors.length === 0) {
    const first = plans[0]!.sheet;
    fileErrors.push({
      sheet: first.name, code: 'NO_DATA',
      message: `${sheetLabel(book, first.name)}只有表头（第 ${first.headerRow} 行），下面没有党员数据。请在表头下逐行填写党员后再导入。`,
    });
  }
  return { file, format: book.format, ...(book.encoding ? { encoding: book.encoding } : {}), sheets, ignoredSheets, rows, fileErrors, skipped, valueMappings: valueMappingsOf(rows) };
}

/** The wizard's mapping of a sheet, with the mappings by header text applied to its columns. */
function overridesFor(table: TableLayout, opts: AnalyseOptions, key: string): Record<number, ImportField | null> | undefined {
  const byHeader = opts.mapByHeader ?? {};
  const wanted = new Map(Object.entries(byHeader).map(([h, f]) => [normaliseHeader(h), f]));
  const out: Record<number, ImportField | null> = {};
  for (const col of table.columns) {
    const key2 = normaliseHeader(col.header);
    if (key2 && wanted.has(key2)) out[col.index] = wanted.get(key2)!;
  }
  Object.assign(out, opts.mapping?.[key]);
  return Object.keys(out).length > 0 ? out : undefined;
}

function sheetLabel(book: RawBook, name: string | null): string {
  return name === null || book.sheets.length === 1 ? '这个文件' : `工作表“${name}”`;
}

function rowText(row: (RawCell | undefined)[] | undefined): string {
  const texts = (row ?? []).map((c) => cellText(c)).filter(Boolean);
  const t = texts.join(' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

/** Columns the import has no field for, by their header (序号 and the like are known). */
function unmappedOf(table: TableLayout): string[] {
  return table.columns.filter((c) => c.field === null && c.detected === null && c.header).map((c) => c.header);
}

const KIND_HEADER_RANK = (header: string): number => {
  const h = normaliseHeader(header);
  return h.startsWith('党籍状态') || h === '党员类别' || h === '党员身份' || h === '党员状态' ? 0 : 1;
};
const CATEGORY_HEADERS = new Set(['人员类别', '类别']);

/**
 * 党籍状态（正式党员或预备党员） and 人员类别 both read as the kind by name. The kind is the column
 * whose values are 正式/预备 (or, in a file with no rows, the one named like the kind); an 人员类别
 * holding 在职, 事业编制 … is the member category; a 党籍状态 of 正常/停止党籍 is left unmapped.
 */
function resolveKindColumns(sheet: RawSheet, table: TableLayout): TableLayout {
  const candidates = table.columns.filter((c) => c.detected === 'kind');
  if (candidates.length === 0) return table;
  const share = (index: number): number | null => {
    let filled = 0;
    let kinds = 0;
    for (let r = table.headerEnd + 1; r < sheet.rows.length; r++) {
      const t = cellText(sheet.rows[r]?.[index]).replace(/\s/g, '');
      if (!t || /^(必填|选填|示例|样例)$/.test(t)) continue;
      filled++;
      if (KIND_TEXT.test(t)) kinds++;
    }
    return filled === 0 ? null : kinds / filled;
  };
  const shares = new Map(candidates.map((c) => [c.index, share(c.index)]));
  const byValues = candidates.find((c) => (shares.get(c.index) ?? 0) >= 0.5);
  const kindCol = byValues ?? (candidates.every((c) => shares.get(c.index) === null) ? [...candidates].sort((a, b) => KIND_HEADER_RANK(a.header) - KIND_HEADER_RANK(b.header))[0] : undefined);
  let categoryTaken = table.columns.some((c) => c.field === 'category');
  return {
    ...table,
    columns: table.columns.map((col) => {
      if (col.detected !== 'kind') return col;
      if (col === kindCol) return { ...col, field: 'kind' };
      if (!categoryTaken && CATEGORY_HEADERS.has(normaliseHeader(col.header))) {
        categoryTaken = true;
        return { ...col, detected: 'category', field: 'category' };
      }
      return { ...col, detected: null, field: null };
    }),
  };
}

const APPLICANT = /当前发展阶段|发展阶段|入党积极分子|积极分子|发展对象|入党申请人|培养联系人/;
const APPLIED = /提交书面申请书|递交入党申请书|申请入党(时间|日期)|入党申请书/;
const OTHER_PARTY = /民主党派|所属党派|^党派|加入党派|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟/;
const TRANSFER = /介绍信|党费交至|党费交到|转往党组织|转往|去往党组织/;

/**
 * What a sheet is when its header or title shows a list that is no Party roster: applicants and
 * activists, 民主党派 members, a transfer form. A sentence saying what and where it belongs, or null.
 */
function otherList(sheet: RawSheet, table: TableLayout | null): string | null {
  const last = table ? table.headerEnd : Math.min(sheet.rows.length, 10) - 1;
  const texts: string[] = [];
  for (let r = 0; r <= last; r++) for (const c of sheet.rows[r] ?? []) { const t = cellText(c); if (t) texts.push(t); }
  const hit = (re: RegExp) => texts.find((t) => re.test(normaliseHeader(t)) || re.test(t));
  const joined = table?.columns.some((c) => c.field === 'joinedOn');
  const applicant = hit(APPLICANT) ?? (joined ? undefined : hit(APPLIED));
  if (applicant) {
    return `像是入党申请人、积极分子或发展对象的名单（有“${applicant}”），不是党员花名册，不能作为党员导入。申请人和积极分子请在“发展党员”中登记（发展党员的导入功能上线后可导入这张表）。`;
  }
  const party = hit(OTHER_PARTY);
  if (party) return `像是民主党派成员名单（有“${party}”），不是中国共产党党员花名册，不能导入本台帐。`;
  const transfer = hit(TRANSFER);
  if (transfer) return `像是组织关系介绍信或转接登记表（有“${transfer}”），不是党员花名册。组织关系的转入、转出请在党员档案中办理。`;
  return null;
}

const DATE_FORMAT = /[yd]/i;

/** A cell as a person reads it in Excel: dates as dates, long numbers without exponent. */
export function displayCell(cell: RawCell | undefined, field: ImportField | null, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  const v = cell.v;
  if (typeof v === 'number') {
    const fmt = typeof cell.z === 'string' ? cell.z : undefined;
    if ((field && DATE_FIELDS.includes(field)) || (fmt && fmt !== 'General' && DATE_FORMAT.test(fmt.replace(/"[^"]*"/g, '')))) {
      const d = parseDateNumber(v, fmt, date1904);
      if (d.kind === 'date') return d.partial ? d.iso.slice(0, 7) : d.iso;
    }
    return excelNumberText(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

export function analyseFile(bytes: Uint8Array, fileName: string, opts: AnalyseOptions = {}): { book: RawBook; analysis: Analysis } {
  const book = readBook(bytes, fileName);
  return { book, analysis: analyseBook(book, fileName, opts) };
}
