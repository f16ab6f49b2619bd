// read → find table(s) → map headers → normalise → validate, for a whole file. Pure Node and
// ledger-free, so it can run in a worker thread (worker.ts) while the window stays responsive.
import { today as localToday } from '../../shared/dates';
import { parseDateNumber } from './dates';
import { DATE_FIELDS, type ImportField } from './fields';
import { type ImportFormat, type RawBook, type RawCell, readBook, ImportReadError } from './read';
import { excelNumberText } from './text';
import { type ImportRow, addYears, analyseRow, columnsByField } from './rows';
import { type TableLayout, classifyRow, findTable, sectionTitleRows } from './table';

/** Hand-made column mappings from the wizard: sheet name ('' for CSV) → column index → field. */
export type ColumnOverrides = Record<string, Record<number, ImportField | null>>;

export type AnalyseOptions = {
  mapping?: ColumnOverrides;
  /** 'YYYY-MM-DD'; the clerk's today by default (tests pin it). */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Keep each row's cells as the file shows them (for the wizard's preview table). */
  withCells?: boolean;
};

export type SheetSummary = {
  name: string | null;
  index: number;
  table: TableLayout | null;
  /** 1-based row number of the first header row, for people. */
  headerRow: number | null;
  rows: number;
};

export type Analysis = {
  file: string;
  format: ImportFormat;
  encoding?: string;
  sheets: SheetSummary[];
  ignoredSheets: string[];
  rows: ImportRow[];
};

export const sheetKey = (name: string | null): string => name ?? '';

function applyOverrides(table: TableLayout, overrides: Record<number, ImportField | null> | undefined): TableLayout {
  if (!overrides) return table;
  const chosen = new Map<number, ImportField | null>(Object.entries(overrides).map(([k, v]) => [Number(k), v]));
  // A field the clerk put on one column leaves every other column that had it.
  const claimed = new Set([...chosen.values()].filter((f): f is ImportField => f !== null));
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
  const plans: { sheet: SheetSummary; from: number }[] = [];
  let total = 0;
  book.sheets.forEach((sheet, index) => {
    const found = findTable(sheet);
    const table = found ? applyOverrides(found, opts.mapping?.[sheetKey(sheet.name)]) : null;
    const summary: SheetSummary = { name: sheet.name, index, table, headerRow: table ? table.headerStart + 1 : null, rows: 0 };
    sheets.push(summary);
    if (!table) {
      if (sheet.name !== null) ignoredSheets.push(sheet.name);
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
    const ctx = { sheet: sheet.name, sheetIndex: summary.index, columns: table.columns, colOf: columnsByField(table.columns), date1904: book.date1904, today, yearAgo: addYears(today, -1), seenIds };
    for (let r = from; r < sheet.rows.length; r++) {
      if (++done >= nextReport) {
        opts.onProgress?.(done, total);
        nextReport += step;
      }
      if (classifyRow(sheet, r, table, mapped, sections) !== 'data') continue;
      const row = analyseRow(sheet.rows[r]!, r + 1, ctx);
      if (opts.withCells) row.cells = table.columns.map((c) => displayCell(sheet.rows[r]![c.index], c.field, book.date1904));
      rows.push(row);
      summary.rows++;
    }
  }
  opts.onProgress?.(total, total);
  if (plans.length === 0) {
    const where = book.format === 'csv' ? '文件中' : `所有工作表（${book.sheets.map((s) => s.name).join('、')}）中`;
    throw new ImportReadError(
      'IMPORT_NO_TABLE',
      `${where}都没有找到党员名单：需要一行表头，至少包含“姓名”和另外两列（如“公民身份号码”“性别”“入党日期”）。请检查表头的写法。`,
      { file },
    );
  }
  return { file, format: book.format, ...(book.encoding ? { encoding: book.encoding } : {}), sheets, ignoredSheets, rows };
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
