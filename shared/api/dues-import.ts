// 党费 page → 导入: a dues spreadsheet previewed, written, and its rejected rows fetched. Each call
// sends the (small) file again: the preview is the same plan the commit writes (electron/import/dues.ts).
import { z } from 'zod';
import { call } from './contract';
import { importBytes } from './import';

export type DuesImportIssue = { sheet: string | null; row: number; column: string; code: string; message: string; cell: string | null };

export type DuesImportReport = {
  file: string;
  format: 'xlsx' | 'xls' | 'csv';
  year: number;
  rows: number;
  valid: number;
  /** Payment records and months the import makes (or made, when `written`). */
  payments: number;
  months: number;
  written: boolean;
  fileErrors: { sheet: string | null; code: string; message: string }[];
  errors: DuesImportIssue[];
  warnings: DuesImportIssue[];
};

/** One row of the file as the preview shows it. */
export type DuesImportLine = { sheet: string | null; row: number; name: string; idNumber: string | null; months: string[]; hasError: boolean };

export type DuesImportPreview = { report: DuesImportReport; lines: DuesImportLine[] };

const input = z.object({
  fileName: z.string().trim().min(1).max(255),
  data: importBytes,
  year: z.number().int().min(1990, '年度不正确').max(2100, '年度不正确').optional(),
  skipInvalid: z.boolean().default(false),
});

export const duesImportCalls = {
  'duesImport.preview': call<DuesImportPreview>()(input),
  'duesImport.commit': call<DuesImportPreview>()(input),
  'duesImport.rejects': call<{ fileName: string; data: Uint8Array }>()(input),
};
