// A dues spreadsheet as clerks keep it (姓名, 身份证号, then 1月…12月 with amounts or ✓, or one
// 缴费月份 column with 金额 and 缴费日期) through the import engine: the same reader (xlsx, xls, WPS,
// GBK CSV), the same issue codes and report rows, the same rejects file. Each row is tried through
// the dues service inside a savepoint that is rolled back, so the preview says exactly what the
// commit will refuse (month already paid, not owed, no base, an amount other than the ledger's);
// the commit writes every row in ONE transaction or nothing.
import { today as localToday } from '../../shared/dates';
import { idNumberProblem } from '../../shared/domain/id-number';
import { LedgerError } from '../../shared/errors';
import type { DuesImportIssue, DuesImportReport } from '../../shared/api/dues-import';
import { payDues } from '../ledger/dues';
import type { Ledger } from '../ledger/ledger';
import { all, one } from '../ledger/sql';
import type { SheetSummary } from './analyse';
import { type ErrorCode, type FileError, type IssueCode, isErrorCode } from './codes';
import { parseDateNumber, parseDateText } from './dates';
import { fieldForHeader, normaliseHeader } from './fields';
import { type RawBook, type RawCell, readBook } from './read';
import { type RejectedRow, writeRejects } from './rejects';
import { columnLetter } from './report';
import type { Issue } from './rows';
import type { ColumnMapping } from './table';
import { cellText } from './table';
import { cleanName, excelNumberText, foldAll } from './text';

export type DuesImportOptions = {
  /** The year of 1月…12月 columns (default: a year in the title rows, else this year). */
  year?: number;
  /** The paid date of rows without a 缴费日期 (default: each month's last day, or today if earlier). */
  paidOn?: string;
  /** Write the valid rows even when others have errors (--skip-invalid). */
  skipInvalid?: boolean;
  today?: string;
};

type Payment = { months: string[]; paidOn: string; amount: number | null; receiptNo: string | null };

export type DuesImportRow = {
  sheet: string | null;
  sheetIndex: number;
  /** 1-based row of the file. */
  row: number;
  name: string;
  idNumber: string | null;
  memberId: number | null;
  payments: Payment[];
  issues: Issue[];
  hasError: boolean;
};

const MONTH_HEADER = /^(?:(\d{4})年)?(\d{1,2})月份?$/;
const PAID_MARK = /^(✓|√|✔|☑|v|V|y|Y|是|已交|已缴|已缴纳|已交纳)$/;
const UNPAID_MARK = /^(-|—|－|0|×|x|X|否|未交|未缴|欠|欠交|\/)$/;
const MONTHS_HEADERS = new Set(['缴费月份', '交纳月份', '缴纳月份', '所缴月份', '缴费月', '月份']);
const AMOUNT_HEADERS = new Set(['金额', '缴费金额', '交纳金额', '缴纳金额', '党费金额', '合计', '金额元']);
const DATE_HEADERS = new Set(['缴费日期', '交纳日期', '缴纳日期', '交费日期', '日期']);
const RECEIPT_HEADERS = new Set(['收据号', '收据编号', '票据号', '收据号码']);

type Layout = {
  headerRow: number;
  name: number;
  id: number | null;
  /** Month columns: index → month number. */
  monthCols: Map<number, number>;
  months: number | null;
  amount: number | null;
  date: number | null;
  receipt: number | null;
  headers: string[];
};

function findLayout(rows: (RawCell | undefined)[][]): Layout | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const headers = (rows[r] ?? []).map((c) => cellText(c));
    const keys = headers.map(normaliseHeader);
    const name = keys.findIndex((k) => fieldForHeader(k) === 'name');
    if (name < 0) continue;
    const idCol = keys.findIndex((k) => fieldForHeader(k) === 'idNumber');
    const monthCols = new Map<number, number>();
    keys.forEach((k, i) => {
      const m = MONTH_HEADER.exec(k);
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) monthCols.set(i, Number(m[2]));
    });
    const find = (set: Set<string>) => { const i = keys.findIndex((k) => set.has(k)); return i < 0 ? null : i; };
    const months = find(MONTHS_HEADERS);
    if (monthCols.size === 0 && months === null) continue;
    return { headerRow: r, name, id: idCol < 0 ? null : idCol, monthCols, months, amount: find(AMOUNT_HEADERS), date: find(DATE_HEADERS), receipt: find(RECEIPT_HEADERS), headers };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/** "1-3月", "1、2、3月", "2025年1月至3月", "2025-01,2025-02", "全年" → months of the year. */
export function parseMonthList(text: string, year: number): string[] | null {
  const t = foldAll(text).replace(/\s/g, '').replace(/月份/g, '月');
  if (!t) return null;
  if (t === '全年') return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
  const out: string[] = [];
  for (const part of t.split(/[,，、;；]/).filter(Boolean)) {
    const range = /^(?:(\d{4})[年.-])?(\d{1,2})月?(?:[-~—至到](?:(\d{4})[年.-])?(\d{1,2}))?月?$/.exec(part);
    if (!range) return null;
    const y = Number(range[1] ?? range[3] ?? year);
    const from = Number(range[2]);
    const to = Number(range[4] ?? range[2]);
    if (from < 1 || to > 12 || from > to) return null;
    for (let m = from; m <= to; m++) out.push(`${y}-${pad(m)}`);
  }
  return out.length ? [...new Set(out)] : null;
}

/** A yuan amount with at most two decimals, or null. */
function amountOf(cell: RawCell | undefined): number | null | 'bad' {
  if (!cell || cell.v === undefined || cell.v === null || cell.v === '') return null;
  const raw = typeof cell.v === 'number' ? cell.v : Number(foldAll(String(cell.v)).replace(/[元￥¥,\s]/g, ''));
  if (!Number.isFinite(raw) || raw <= 0 || raw > 100_000 || Math.abs(Math.round(raw * 100) - raw * 100) > 1e-6) return 'bad';
  return Math.round(raw * 100) / 100;
}

function dateOf(cell: RawCell | undefined, date1904: boolean): string | null | 'bad' {
  if (!cell || cell.v === undefined || cell.v === null || cell.v === '') return null;
  const d = typeof cell.v === 'number' ? parseDateNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined, date1904) : parseDateText(cellText(cell));
  return d.kind === 'date' ? d.iso : 'bad';
}

const ERROR_OF: Record<string, ErrorCode> = { ALREADY_PAID: 'MONTH_ALREADY_PAID', NOT_OWED: 'MONTH_NOT_OWED', NO_BASE: 'NO_DUES_BASE', INVALID_DATE: 'AMOUNT_INVALID' };

class AmountDiffers extends Error {}

export type DuesImportPlan = { file: string; book: RawBook; year: number; rows: DuesImportRow[]; sheets: SheetSummary[]; fileErrors: FileError[]; options: DuesImportOptions };

export function planDuesImport(ledger: Ledger, bytes: Uint8Array, file: string, options: DuesImportOptions = {}): DuesImportPlan {
  const today = options.today ?? localToday();
  const book = readBook(bytes, file);
  const rows: DuesImportRow[] = [];
  const sheets: SheetSummary[] = [];
  const fileErrors: FileError[] = [];
  let year = options.year ?? Number(today.slice(0, 4));
  book.sheets.forEach((sheet, sheetIndex) => {
    const name = book.format === 'csv' ? null : sheet.name;
    const layout = findLayout(sheet.rows);
    const columns: ColumnMapping[] = (layout?.headers ?? []).map((header, index) => {
      const field = index === layout?.id ? 'idNumber' : index === layout?.name ? 'name' : null;
      return { index, header, detected: field, field };
    });
    sheets.push({ name, index: sheetIndex, table: layout ? { headerStart: layout.headerRow, headerEnd: layout.headerRow, columns } : null, headerRow: layout ? layout.headerRow + 1 : null, rows: 0, unmapped: [] });
    if (!layout) return;
    if (options.year === undefined) {
      const title = sheet.rows.slice(0, layout.headerRow).map((r) => (r ?? []).map((c) => cellText(c)).join(' ')).join(' ');
      const y = /(20\d{2})\s*年/.exec(title);
      if (y) year = Number(y[1]);
    }
    for (let r = layout.headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      const issues: Issue[] = [];
      const add = (col: number | null, field: Issue['field'], code: IssueCode, message: string) => issues.push({
        sheet: name, row: r + 1, column: col === null ? (field === 'idNumber' ? '身份证号' : '姓名') : layout.headers[col] ?? '', columnIndex: col, field, code,
        severity: isErrorCode(code) ? 'error' : 'warning', message,
      });
      const personName = cleanName(cellText(cells[layout.name]));
      const idCell = layout.id === null ? undefined : cells[layout.id];
      const idText = idCell?.t === 'n' && typeof idCell.v === 'number' ? excelNumberText(idCell.v) : foldAll(cellText(idCell)).replace(/[\s'‘’`]/g, '').replace(/x$/, 'X');
      if (!personName && !idText) continue;
      if (/^(合计|总计|小计)/.test(personName)) continue;
      const row: DuesImportRow = { sheet: name, sheetIndex, row: r + 1, name: personName, idNumber: null, memberId: null, payments: [], issues, hasError: false };
      rows.push(row);
      // Who: by ID number (the name must agree), else by a name the ledger holds once.
      if (!personName) add(layout.name, 'name', 'NAME_MISSING', '姓名为空。请填写交纳党费的党员姓名。');
      if (idText) {
        if ((idCell?.t === 'n' && typeof idCell.v === 'number' && Math.abs(idCell.v) >= 1e16) || /E\+?\d+$/i.test(idText)) {
          add(layout.id, 'idNumber', 'ID_PRECISION_LOST', '身份证号已被 Excel 当成数字，最后几位变成了 0 或科学计数法，无法还原。请把这一列设为“文本”格式后，对照身份证重新录入。');
        } else {
          row.idNumber = idText;
          const m = one<{ id: number; name: string }>(ledger, 'SELECT id, name FROM members WHERE upper(id_number) = ?', idText.toUpperCase());
          if (!m) {
            const bad = idNumberProblem(idText);
            if (bad === 'ID_CHECKSUM' || bad === 'ID_FORMAT') add(layout.id, 'idNumber', bad, `身份证号“${idText}”${bad === 'ID_CHECKSUM' ? '的最后一位（校验位）对不上，说明号码中有数字抄错了' : '格式不对'}。请对照台帐或身份证核对。`);
            else add(layout.id, 'idNumber', 'MEMBER_NOT_FOUND', `台帐中没有身份证号为“${idText}”的党员。请核对号码，或先在“党员”中登记此人。`);
          } else if (personName && m.name !== personName) {
            add(layout.name, 'name', 'NAME_MISMATCH', `身份证号“${idText}”在台帐中是“${m.name}”，表中姓名是“${personName}”。请核对姓名或身份证号。`);
          } else row.memberId = m.id;
        }
      } else if (personName) {
        const found = all<{ id: number }>(ledger, "SELECT id FROM members WHERE name = ? AND status = 'active'", personName);
        if (found.length === 1) row.memberId = found[0]!.id;
        else if (found.length === 0) add(layout.name, 'name', 'MEMBER_NOT_FOUND', `台帐中没有名为“${personName}”的党员。请核对姓名，或先在“党员”中登记此人。`);
        else add(layout.id, 'idNumber', 'ID_MISSING', `台帐中有 ${found.length} 名党员叫“${personName}”，请填写身份证号以区分。`);
      }
      // What was paid: a month grid, or a months column with its amount and date.
      const rowDate = layout.date === null ? null : dateOf(cells[layout.date], book.date1904);
      if (rowDate === 'bad') add(layout.date, 'extra', 'DATE_INVALID', `缴费日期“${cellText(cells[layout.date!])}”无法识别。请写成 2025-03-15 这样的日期。`);
      const receiptNo = layout.receipt === null ? null : cellText(cells[layout.receipt]) || null;
      const paidOnFor = (y: number, m: number) => (typeof rowDate === 'string' ? rowDate : options.paidOn ?? (monthEnd(y, m) < today ? monthEnd(y, m) : today));
      if (layout.months !== null) {
        const text = cellText(cells[layout.months]);
        const months = parseMonthList(text, year);
        if (!months && text) add(layout.months, 'extra', 'DATE_INVALID', `缴费月份“${text}”无法识别。请写成“1-3月”“1、2月”或“2025年1月至12月”。`);
        const amount = layout.amount === null ? null : amountOf(cells[layout.amount]);
        if (amount === 'bad') add(layout.amount, 'extra', 'AMOUNT_INVALID', `金额“${cellText(cells[layout.amount!])}”不对：应为大于 0、最多两位小数的元数，如 45.50。`);
        if (months) {
          const last = months.at(-1)!;
          row.payments.push({ months, paidOn: paidOnFor(Number(last.slice(0, 4)), Number(last.slice(5))), amount: amount === 'bad' ? null : amount, receiptNo });
        }
      }
      for (const [col, month] of layout.monthCols) {
        const cell = cells[col];
        const text = cellText(cell);
        if (!text || UNPAID_MARK.test(text)) continue;
        const amount = PAID_MARK.test(text) ? null : amountOf(cell);
        if (amount === 'bad') {
          add(col, 'extra', 'AMOUNT_INVALID', `${month}月“${text}”不是金额也不是“✓”：已交的月份请填金额（如 45.50）或 ✓，未交的留空。`);
          continue;
        }
        row.payments.push({ months: [`${year}-${pad(month)}`], paidOn: paidOnFor(year, month), amount, receiptNo });
      }
    }
    sheets[sheetIndex]!.rows = rows.filter((x) => x.sheetIndex === sheetIndex).length;
  });
  if (sheets.every((s) => s.table === null)) {
    fileErrors.push({ sheet: null, code: 'NOT_A_DUES_LIST', message: '没有找到党费表：需要“姓名”一列，以及“1月”…“12月”各列或“缴费月份”一列。请核对表头后再导入。' });
  } else if (rows.length === 0) {
    fileErrors.push({ sheet: null, code: 'NO_DATA', message: '表中只有表头，没有党员的交纳记录。' });
  }
  const plan: DuesImportPlan = { file, book, year, rows, sheets, fileErrors, options: { ...options, today } };
  // Each row through the dues service, then rolled back: what the commit would refuse.
  if (fileErrors.length === 0) {
    try {
      ledger.db.transaction(() => {
        writeRows(ledger, plan, (row, e) => recordFailure(row, e));
        throw new Rollback();
      })();
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
  }
  for (const r of rows) r.hasError = r.issues.some((i) => i.severity === 'error');
  return plan;
}

class Rollback extends Error {}

function recordFailure(row: DuesImportRow, e: unknown): void {
  if (e instanceof AmountDiffers) {
    row.issues.push({ sheet: row.sheet, row: row.row, column: '金额', columnIndex: null, field: 'extra', code: 'AMOUNT_INVALID', severity: 'error', message: e.message });
    return;
  }
  if (e instanceof LedgerError) {
    row.issues.push({ sheet: row.sheet, row: row.row, column: '缴费月份', columnIndex: null, field: 'extra', code: ERROR_OF[e.code] ?? 'TEXT_INVALID', severity: 'error', message: e.message });
    return;
  }
  throw e;
}

/** Pays each error-free row's months, each row in a savepoint; `onFailure` hears each refusal. */
function writeRows(ledger: Ledger, plan: DuesImportPlan, onFailure: (row: DuesImportRow, e: unknown) => void): { payments: number; months: number } {
  let payments = 0;
  let months = 0;
  const note = `导入党费表《${plan.file}》`;
  for (const row of plan.rows) {
    if (row.memberId === null || row.issues.some((i) => i.severity === 'error')) continue;
    try {
      ledger.db.transaction(() => {
        for (const p of row.payments) {
          payDues(ledger, { memberId: row.memberId!, months: p.months, paidOn: p.paidOn, receiptNo: p.receiptNo, note }, { today: plan.options.today });
          if (p.amount !== null) {
            const recorded = one<{ fen: number }>(ledger, 'SELECT amount_fen AS fen FROM dues_payments WHERE id = (SELECT max(id) FROM dues_payments WHERE member_id = ?)', row.memberId)!.fen;
            if (recorded !== Math.round(p.amount * 100)) {
              throw new AmountDiffers(`“${row.name}”${p.months.join('、')} 表中金额 ${p.amount.toFixed(2)} 元，台帐按交纳基数应交 ${(recorded / 100).toFixed(2)} 元。请核对金额，或先在“党费”中修改此人的交纳基数。`);
            }
          }
          payments += 1;
          months += p.months.length;
        }
      })();
    } catch (e) {
      onFailure(row, e);
    }
  }
  return { payments, months };
}

function reportIssues(rows: DuesImportRow[], severity: Issue['severity']): DuesImportIssue[] {
  return rows.flatMap((r) => r.issues.filter((i) => i.severity === severity)).map((i) => ({
    sheet: i.sheet, row: i.row, column: i.column, code: i.code, message: i.message, cell: i.columnIndex === null ? null : `${columnLetter(i.columnIndex)}${i.row}`,
  }));
}

/** Writes the plan (all rows in one transaction, or nothing) and reports like the member import. */
export function commitDuesImport(ledger: Ledger, plan: DuesImportPlan, opts: { dryRun?: boolean } = {}): DuesImportReport {
  const valid = plan.rows.filter((r) => !r.hasError);
  const may = plan.fileErrors.length === 0 && (valid.length === plan.rows.length || Boolean(plan.options.skipInvalid)) && !opts.dryRun;
  const would = { payments: valid.reduce((s, r) => s + r.payments.length, 0), months: valid.reduce((s, r) => s + r.payments.reduce((n, p) => n + p.months.length, 0), 0) };
  let written = false;
  if (may && valid.length > 0) {
    ledger.tx(() => {
      writeRows(ledger, { ...plan, rows: valid }, (_row, e) => { throw e; });
      ledger.audit({ action: 'import', entity: 'duesPayment', summary: `导入党费表《${plan.file}》：${valid.length} 名党员，${would.payments} 条交纳记录，共 ${would.months} 个月`, after: { file: plan.file, rows: valid.length, ...would } });
    });
    written = true;
  }
  return {
    file: plan.file, format: plan.book.format, year: plan.year, rows: plan.rows.length, valid: valid.length, ...would, written,
    fileErrors: plan.fileErrors, errors: reportIssues(plan.rows, 'error'), warnings: reportIssues(plan.rows, 'warning'),
  };
}

/** The rejected rows in the file's own columns plus 错误原因 (the member import's rejects file). */
export function duesRejects(plan: DuesImportPlan): Promise<Buffer | null> {
  const rejected: RejectedRow[] = plan.rows.filter((r) => r.hasError).map((r) => ({ sheetIndex: r.sheetIndex, row: r.row, issues: r.issues }));
  return writeRejects(plan.book, plan.sheets, rejected);
}
