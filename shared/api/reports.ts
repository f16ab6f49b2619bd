// Calls of 台帐打印: the register list, a preview of the first pages, and exports that run as jobs
// (render in a worker, poll for progress, then download the file's bytes).
import { z } from 'zod';
import { REGISTER_NAMES, type RegisterInfo } from '../reports/catalog';
import type { RegisterDoc } from '../reports/model';
import { id, optDate } from '../schemas/common';
import { call } from './contract';

const reportRequest = z.object({
  register: z.enum(REGISTER_NAMES, { message: '请选择要打印的台帐' }),
  /** null: the whole street. */
  orgId: id.nullish().transform((v) => v ?? null),
  /** With orgId: also every org under it (default). */
  includeDescendants: z.boolean().default(true),
  /** A calendar year, or a date range (from/to). */
  year: z.number().int().min(1921, '年份不正确').max(2200, '年份不正确').nullish().transform((v) => v ?? null),
  from: optDate('开始日期'),
  to: optDate('结束日期'),
  maskIds: z.boolean().default(false),
  /** The binder of several branches: also every member's 采集表 and every meeting's record page. */
  binderPages: z.boolean().default(false),
});
export type ReportRequestInput = z.input<typeof reportRequest>;

export type ReportPreview = {
  /** The register's first sections and rows, as the PDF lays them out. */
  doc: RegisterDoc;
  /** What the preview left out. */
  totalSections: number;
  totalRows: number;
  truncated: boolean;
  unit: string;
  period: string;
};

export type ReportJob = {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** 0–1 */
  progress: number;
  message: string;
  /** When done: the file to save. */
  fileName?: string;
  bytes?: number;
  pages?: number | null;
  warnings?: string[];
  error?: string;
};

export const reportsCalls = {
  /** Every register with its formats, in the binder's order. */
  'reports.registers': call<RegisterInfo[]>()(z.object({})),
  'reports.preview': call<ReportPreview>()(reportRequest),
  /** Starts an export; poll reports.job until done, then reports.download. */
  'reports.start': call<ReportJob>()(reportRequest.extend({ format: z.enum(['xlsx', 'pdf'], { message: '请选择 Excel 或 PDF' }) })),
  'reports.job': call<ReportJob>()(z.object({ jobId: z.string().min(1) })),
  /** The finished file (recorded in the audit log as an export). */
  'reports.download': call<{ fileName: string; mime: string; data: Uint8Array }>()(z.object({ jobId: z.string().min(1) })),
  'reports.cancel': call<{ jobId: string }>()(z.object({ jobId: z.string().min(1) })),
};
