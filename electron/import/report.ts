// The JSON report of an import (the contract's shape) and the exit code that goes with it.
import type { Analysis, AnalyseOptions } from './analyse';
import { analyseFile } from './analyse';
import type { FileError, IssueCode } from './codes';
import { type CommitOptions, type CommitResult, commitPlan } from './commit';
import { type ImportPlan, type PlanOptions, planImport } from './plan';
import type { RawBook } from './read';
import type { Ledger } from '../ledger/ledger';

export type ReportIssue = { sheet: string | null; row: number; column: string; code: IssueCode; message: string; /** A1 reference of the cell, null when the file has no such column. */ cell: string | null };

export type ImportReport = {
  file: string;
  format: Analysis['format'];
  ignoredSheets: string[];
  rows: number;
  valid: number;
  /** What the import did — or, when `written` is false, what it would do for the valid rows. */
  created: number;
  updated: number;
  unchanged: number;
  written: boolean;
  /** Problems of the whole file (no data, no ID column, not a member list): nothing is written. */
  fileErrors: FileError[];
  errors: ReportIssue[];
  warnings: ReportIssue[];
  /** Per sheet, the columns nothing was imported from. */
  unmappedColumns: { sheet: string | null; columns: string[] }[];
  /** Rows under a header that are no members: 说明, 必填 rows, examples. */
  skippedRows: { sheet: string | null; row: number; reason: 'notice' | 'marker' | 'example'; text: string }[];
  /** Spellings written onto the code lists: 学历“大学本科” → “大学” on N rows. */
  valueMappings: Analysis['valueMappings'];
};

/** Excel's column letters of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function buildReport(plan: ImportPlan, result?: CommitResult): ImportReport {
  const errors: ReportIssue[] = [];
  const warnings: ReportIssue[] = [];
  for (const row of plan.rows) {
    for (const i of row.issues) {
      const item = { sheet: i.sheet, row: i.row, column: i.column, code: i.code, message: i.message, cell: i.columnIndex === null ? null : `${columnLetter(i.columnIndex)}${i.row}` };
      (i.severity === 'error' ? errors : warnings).push(item);
    }
  }
  const written = result?.written ?? false;
  return {
    file: plan.analysis.file,
    format: plan.analysis.format,
    ignoredSheets: plan.analysis.ignoredSheets,
    rows: plan.counts.rows,
    valid: plan.counts.valid,
    created: written ? result!.created : plan.counts.created,
    updated: written ? result!.updated : plan.counts.updated,
    unchanged: written ? result!.unchanged : plan.counts.unchanged,
    written,
    fileErrors: plan.analysis.fileErrors,
    errors,
    warnings,
    unmappedColumns: plan.analysis.sheets.filter((s) => s.unmapped.length > 0).map((s) => ({ sheet: s.name, columns: s.unmapped })),
    skippedRows: plan.analysis.skipped,
    valueMappings: plan.analysis.valueMappings,
  };
}

/** 0 when neither the file nor a row has an error, else 1 (whether or not the valid rows were written). */
export function exitCodeOf(report: ImportReport): 0 | 1 {
  return report.errors.length > 0 || report.fileErrors.length > 0 ? 1 : 0;
}

export type RunOptions = AnalyseOptions & PlanOptions & CommitOptions & { dryRun?: boolean };

/** The whole import in this thread: what the CLI, the tests and the benchmark call. */
export function runImport(ledger: Ledger, bytes: Uint8Array, fileName: string, opts: RunOptions = {}): { report: ImportReport; plan: ImportPlan; book: RawBook } {
  const { book, analysis } = analyseFile(bytes, fileName, { mapping: opts.mapping, mapByHeader: opts.mapByHeader, today: opts.today, surface: opts.surface });
  const plan = planImport(ledger, analysis, opts);
  const result = opts.dryRun ? undefined : commitPlan(ledger, plan, opts);
  return { report: buildReport(plan, result), plan, book };
}
