// An exported workbook's first sheet read back as text cells (exceljs), row by row.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** Cells as text; amounts come back as Excel numbers (90, not '90.00'). */
export async function firstSheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}
