// 导出错误行: the rejected rows in the file's own columns plus 错误原因, so a clerk can fix them
// in Excel or WPS and import the same file again. One sheet per source sheet, same name (a sheet
// named after its branch keeps naming it); ID numbers are text so Excel cannot mangle them again.
import ExcelJS from 'exceljs';
import type { SheetSummary } from './analyse';
import type { ImportPlan } from './plan';
import type { Issue } from './rows';
import type { RawBook, RawCell } from './read';
import { excelNumberText } from './text';

export const REASON_HEADER = '错误原因';

function cellValue(cell: RawCell | undefined, isId: boolean): { value: ExcelJS.CellValue; numFmt?: string } {
  if (!cell || cell.v === undefined || cell.v === null) return { value: null };
  const v = cell.v;
  if (typeof v === 'number') {
    if (isId) return { value: excelNumberText(v), numFmt: '@' };
    const fmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
    return { value: v, ...(fmt ? { numFmt: fmt } : {}) };
  }
  if (typeof v === 'string') return { value: v, ...(isId ? { numFmt: '@' } : {}) };
  if (typeof v === 'boolean') return { value: v };
  return { value: v instanceof Date ? v : String(v) };
}

/** A rejected row: where it is in the file, and why. */
export type RejectedRow = { sheetIndex: number; row: number; issues: Pick<Issue, 'severity' | 'column' | 'message'>[] };

export function rejectedRows(plan: ImportPlan): RejectedRow[] {
  return plan.rows.filter((r) => r.hasError).map((r) => ({ sheetIndex: r.source.sheetIndex, row: r.source.row, issues: r.issues }));
}

/** The rejects workbook of a plan as .xlsx bytes; null when no row was rejected. */
export function buildRejectsWorkbook(book: RawBook, plan: ImportPlan): Promise<Buffer | null> {
  return writeRejects(book, plan.analysis.sheets, rejectedRows(plan));
}

/** The rejects workbook as .xlsx bytes (the sheets' tables as found by the analysis); null when none. */
export async function writeRejects(book: RawBook, sheets: SheetSummary[], rejected: RejectedRow[]): Promise<Buffer | null> {
  if (rejected.length === 0) return null;
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建台帐';
  const bySheet = new Map<number, typeof rejected>();
  for (const r of rejected) {
    const list = bySheet.get(r.sheetIndex) ?? [];
    list.push(r);
    bySheet.set(r.sheetIndex, list);
  }
  for (const [sheetIndex, rows] of bySheet) {
    const summary = sheets[sheetIndex]!;
    const source = book.sheets[sheetIndex]!;
    const columns = summary.table!.columns;
    const width = columns.length;
    const idCols = new Set(columns.filter((c) => c.field === 'idNumber').map((c) => c.index));
    // A CSV has no sheet name; a default one names no branch when the file is imported again.
    const ws = wb.addWorksheet(summary.name ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.getRow(1);
    columns.forEach((c, i) => { header.getCell(i + 1).value = c.header || null; });
    header.getCell(width + 1).value = REASON_HEADER;
    header.font = { bold: true };
    header.getCell(width + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    rows.forEach((planned, k) => {
      const out = ws.getRow(k + 2);
      const cells = source.rows[planned.row - 1] ?? [];
      for (let c = 0; c < width; c++) {
        const { value, numFmt } = cellValue(cells[c], idCols.has(c));
        const cell = out.getCell(c + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      }
      const errors = planned.issues.filter((i) => i.severity === 'error').map((i) => `【${i.column}】${i.message}`);
      const warnings = planned.issues.filter((i) => i.severity === 'warning').map((i) => `提示【${i.column}】${i.message}`);
      const reason = out.getCell(width + 1);
      reason.value = [...errors, ...warnings].join('\n');
      reason.font = { color: { argb: 'FFC00000' } };
      reason.alignment = { wrapText: true, vertical: 'top' };
    });
    for (const c of idCols) ws.getColumn(c + 1).numFmt = '@';
    columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.field === 'idNumber' ? 21 : c.field === 'address' || c.field === 'employer' ? 28 : 12; });
    ws.getColumn(width + 1).width = 60;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file name offered for the rejects of `file`. */
export function rejectsFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${base}-错误行.xlsx`;
}
