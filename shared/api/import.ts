// The member-import wizard's calls. The file travels as bytes (a Uint8Array: IPC in the app,
// {"$bytes": base64} on the demo's HTTP binding, see wire.ts); the main process keeps it for the
// job, parses it in a worker thread and answers with a preview. The wizard polls
// 'import.progress' while a call runs; the clerk then writes the valid rows or cancels.
import { z } from 'zod';
import { call } from './contract';

/** The member fields a roster column can be imported as. */
export const IMPORT_FIELDS = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'nativePlace', 'education', 'kind',
  'joinedOn', 'confirmedOn', 'org', 'employer', 'job', 'phone', 'address', 'note', 'category',
  // Not a member field: the column is kept on the member as an extra field under its own title.
  'extra',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The standard column title of each field: how the wizard and the messages name it. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  idNumber: '公民身份号码',
  birthDate: '出生日期',
  nativePlace: '籍贯',
  education: '学历',
  kind: '人员类别',
  joinedOn: '入党日期',
  confirmedOn: '转正日期',
  org: '所在党支部',
  employer: '工作单位及职务',
  job: '工作岗位',
  phone: '联系电话',
  address: '现居住地',
  note: '备注',
  category: '人员分类',
  extra: '保留为附加信息',
};

export type ImportColumn = {
  index: number;
  /** The file's own header text. */
  header: string;
  /** What the engine recognised ('ignore' = 序号 and the like). */
  detected: ImportField | 'ignore' | null;
  /** What the column is imported as (after the clerk's changes). */
  field: ImportField | null;
};

export type ImportSheet = {
  /** null for CSV. */
  name: string | null;
  index: number;
  /** 1-based row of the header; null when the sheet holds no member table. */
  headerRow: number | null;
  rows: number;
  columns: ImportColumn[];
  /** Headers of the columns nothing is imported from (unknown, not mapped by hand). */
  unmapped: string[];
};

/** A problem of the whole file (NO_DATA, NO_ID_COLUMN, NOT_A_MEMBER_LIST): nothing can be written. */
export type ImportFileError = { sheet: string | null; code: string; message: string };

/** A row under the header that is no member: instructions (说明), a 必填 row, an example. */
export type ImportSkippedRow = { sheet: string | null; row: number; reason: 'notice' | 'marker' | 'example'; text: string };

export const SKIP_REASON_LABELS: Record<ImportSkippedRow['reason'], string> = { notice: '说明', marker: '必填/选填标记行', example: '示例行' };

export type ImportIssue = {
  columnIndex: number | null;
  column: string;
  field: ImportField;
  code: string;
  /** Short Chinese title of the code (缺少姓名 …). */
  title: string;
  severity: 'error' | 'warning';
  message: string;
};

export type ImportFieldChange = { field: string; label: string; before: string | null; after: string | null };

export type ImportPreviewRow = {
  sheet: string | null;
  sheetIndex: number;
  row: number;
  /** The cells as the file shows them, one per column of the sheet's table. */
  cells: string[];
  name: string | null;
  branch: string | null;
  action: 'create' | 'update' | 'unchanged' | 'reject';
  issues: ImportIssue[];
  /** For 'update': what changes in the ledger. */
  changes: ImportFieldChange[];
};

export type ImportCounts = { rows: number; valid: number; created: number; updated: number; unchanged: number; rejected: number; warnings: number };

export type ImportPreview = {
  jobId: string;
  file: string;
  format: 'xlsx' | 'xls' | 'csv';
  encoding: string | null;
  sheets: ImportSheet[];
  ignoredSheets: string[];
  fileErrors: ImportFileError[];
  skippedRows: ImportSkippedRow[];
  /** Spellings written onto the code lists (学历“大学本科” → “大学”), with the number of rows. */
  valueMappings: { field: 'education' | 'ethnicity' | 'job'; from: string; to: string; rows: number }[];
  counts: ImportCounts;
  /** Branches the import would create (only with createOrgs). */
  orgsToCreate: string[];
  rows: ImportPreviewRow[];
};

export type ImportProgress = {
  phase: 'idle' | 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
};

export type ImportResult = {
  file: string;
  written: boolean;
  counts: ImportCounts;
  orgsCreated: string[];
  /** The members whose records changed, with the fields. */
  changes: { name: string; idNumber: string; branch: string | null; changes: ImportFieldChange[] }[];
};

/** What 统一学历写法 did: members changed, each spelling rewritten, values matching no code-list entry. */
export type UnifyResult = {
  members: number;
  /** Members whose record fails a check of its own: not changed. */
  skipped: number;
  changes: { field: 'education' | 'ethnicity' | 'job'; from: string; to: string; members: number }[];
  unknown: { field: 'education' | 'ethnicity' | 'job'; value: string; members: number }[];
};

const jobId = z.string().regex(/^[\w-]{8,64}$/, '导入任务编号不正确');
const fieldOrNull = z.enum(IMPORT_FIELDS).nullable();
/** Sheet name ('' for CSV) → column index → field. */
const mapping = z.record(z.string(), z.record(z.string().regex(/^\d+$/), fieldOrNull));
const MAX_BYTES = 30 * 1024 * 1024;
export const importBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, '请选择要导入的文件').refine((b) => b.length <= MAX_BYTES, '文件太大（超过 30 MB），请拆分后再导入');

export const importCalls = {
  /**
   * Reads and checks a file (sent once as `data`; later calls of the same job resend only the
   * options, e.g. a changed column mapping) and previews what the import would do.
   */
  'import.analyse': call<ImportPreview>()(
    z.object({
      jobId,
      fileName: z.string().trim().min(1).max(255).optional(),
      data: importBytes.optional(),
      mapping: mapping.optional(),
      org: z.string().trim().max(60).nullish(),
      createOrgs: z.boolean().default(false),
    }),
  ),
  'import.progress': call<ImportProgress>()(z.object({ jobId })),
  /** Writes the valid rows (all in one transaction); refused while rows have errors unless skipInvalid. */
  'import.commit': call<ImportResult>()(z.object({ jobId, skipInvalid: z.boolean().default(false) })),
  /** 导出错误行: the rejected rows in the file's own columns plus 错误原因, as .xlsx bytes. */
  'import.rejects': call<{ fileName: string; data: Uint8Array }>()(z.object({ jobId })),
  /** Forgets the job's file (cancel, or leaving the wizard). */
  'import.discard': call<{ ok: true }>()(z.object({ jobId })),
  /** 下载空白模板: the recognised columns, an example row marked 示例, the code lists (.xlsx bytes). */
  'import.template': call<{ fileName: string; data: Uint8Array }>()(z.object({})),
  /** A member's extra fields: roster columns kept at import (学工号, 党内职务 …). */
  'import.extraFields': call<{ name: string; value: string; source: string | null; updatedAt: string }[]>()(z.object({ memberId: z.number().int().positive() })),
  /** 统一学历写法: every member's 学历, 民族 and 工作岗位 onto its code list (audited; one-off clean-up). */
  'import.unifySpellings': call<UnifyResult>()(z.object({})),
};
