// The import wizard's handlers. A job holds the chosen file in memory (never on disk: it is
// personal data) from the first preview until it is written, cancelled, or 30 minutes pass.
// Parsing runs in a worker thread; the preview and the one-transaction commit run here, against
// the open ledger.
import type { ImportCounts, ImportPreview, ImportProgress, ImportResult } from '../../shared/api/import';
import { LedgerError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { Analysis, ColumnOverrides } from '../import/analyse';
import { ISSUE_TITLES } from '../import/codes';
import { commitPlan } from '../import/commit';
import type { ImportField } from '../import/fields';
import { type ImportPlan, planImport } from '../import/plan';
import { rejectedRows, rejectsFileName } from '../import/rejects';
import { TEMPLATE_FILE_NAME, buildTemplate } from '../import/template';
import { unifySpellings } from '../import/unify';
import { extraFieldsOf } from '../import/extras';
import { analyseInWorker, rejectsInWorker } from '../import/worker-client';
import type { Ledger } from '../ledger/ledger';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

type JobOptions = { mapping: ColumnOverrides; org: string | null; createOrgs: boolean };

type Job = {
  ledger: Ledger;
  fileName: string;
  bytes: Uint8Array;
  options: JobOptions;
  analysis?: Analysis;
  analysisKey?: string;
  plan?: ImportPlan;
  progress: ImportProgress;
  touched: number;
};

const JOB_TTL_MS = 30 * 60 * 1000;
const jobsByState = new WeakMap<SessionState, Map<string, Job>>();

function jobsOf(state: SessionState): Map<string, Job> {
  let jobs = jobsByState.get(state);
  if (!jobs) jobsByState.set(state, (jobs = new Map()));
  const now = Date.now();
  // A job outlives neither its ledger (locked, another ledger opened) nor half an hour.
  for (const [id, job] of jobs) if (now - job.touched > JOB_TTL_MS || job.ledger !== state.ledger) jobs.delete(id);
  return jobs;
}

function requireJob(state: SessionState, jobId: string): Job {
  const job = jobsOf(state).get(jobId);
  if (!job) throw new LedgerError('IMPORT_JOB_GONE', '这次导入已过期或已取消，请重新选择文件。');
  job.touched = Date.now();
  return job;
}

function toOverrides(raw: Record<string, Record<string, ImportField | null>> | undefined): ColumnOverrides {
  const out: ColumnOverrides = {};
  for (const [sheet, cols] of Object.entries(raw ?? {})) {
    out[sheet] = Object.fromEntries(Object.entries(cols).map(([k, v]) => [Number(k), v]));
  }
  return out;
}

function countsOf(plan: ImportPlan): ImportCounts {
  const warnings = plan.rows.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'warning').length, 0);
  return { ...plan.counts, warnings };
}

function preview(jobId: string, job: Job): ImportPreview {
  const { analysis, plan } = job as Required<Job>;
  return {
    jobId,
    file: analysis.file,
    format: analysis.format,
    encoding: analysis.encoding ?? null,
    sheets: analysis.sheets.map((s) => ({
      name: s.name, index: s.index, headerRow: s.headerRow, rows: s.rows,
      columns: (s.table?.columns ?? []).map((c) => ({ index: c.index, header: c.header, detected: c.detected, field: c.field })),
      unmapped: s.unmapped,
    })),
    ignoredSheets: analysis.ignoredSheets,
    fileErrors: analysis.fileErrors,
    skippedRows: analysis.skipped,
    valueMappings: analysis.valueMappings,
    counts: countsOf(plan),
    orgsToCreate: plan.orgsToCreate,
    rows: plan.rows.map((r) => ({
      sheet: r.source.sheet,
      sheetIndex: r.source.sheetIndex,
      row: r.source.row,
      cells: r.source.cells ?? [],
      name: r.source.values.name ?? null,
      branch: r.branch,
      action: r.action,
      issues: r.issues.map((i) => ({
        columnIndex: i.columnIndex, column: i.column, field: i.field, code: i.code, title: ISSUE_TITLES[i.code], severity: i.severity, message: i.message,
      })),
      changes: r.changes,
    })),
  };
}

export const importHandlers: HandlerMap<'import.analyse' | 'import.progress' | 'import.commit' | 'import.rejects' | 'import.discard' | 'import.unifySpellings' | 'import.template' | 'import.extraFields'> = {
  'import.analyse': async (state, input) => {
    const ledger = state.requireLedger();
    const jobs = jobsOf(state);
    let job = jobs.get(input.jobId);
    if (input.data) {
      if (!input.fileName) throw new LedgerError('INVALID_INPUT', '缺少文件名。');
      job = {
        ledger, fileName: input.fileName, bytes: input.data, touched: Date.now(),
        options: { mapping: {}, org: null, createOrgs: false }, progress: { phase: 'reading', done: 0, total: 0 },
      };
      jobs.set(input.jobId, job);
    } else {
      job = requireJob(state, input.jobId);
    }
    job.options = {
      mapping: input.mapping ? toOverrides(input.mapping) : job.options.mapping,
      org: input.org === undefined ? job.options.org : (input.org || null),
      createOrgs: input.createOrgs,
    };
    const key = JSON.stringify(job.options.mapping);
    try {
      if (!job.analysis || job.analysisKey !== key) {
        job.progress = { phase: 'reading', done: 0, total: 0 };
        const current = job;
        job.analysis = await analyseInWorker(job.bytes, job.fileName, {
          mapping: job.options.mapping,
          withCells: true,
          onProgress: (done, total) => { current.progress = { phase: 'checking', done, total }; },
        });
        job.analysisKey = key;
      }
      job.plan = planImport(ledger, job.analysis, { org: job.options.org, createOrgs: job.options.createOrgs });
      job.progress = { phase: 'done', done: job.plan.counts.rows, total: job.plan.counts.rows };
    } catch (e) {
      job.progress = { phase: 'failed', done: 0, total: 0 };
      // An unreadable file has nothing to keep.
      if (!job.analysis) jobs.delete(input.jobId);
      throw e;
    }
    return preview(input.jobId, job);
  },

  'import.progress': (state, { jobId }) => jobsOf(state).get(jobId)?.progress ?? { phase: 'idle', done: 0, total: 0 },

  'import.commit': (state, { jobId, skipInvalid }) => {
    const ledger = state.requireLedger();
    const job = requireJob(state, jobId);
    if (!job.analysis) throw new LedgerError('IMPORT_NOT_READY', '文件还没有检查完，请稍候。');
    // Planned again: the ledger may have changed since the preview.
    const plan = planImport(ledger, job.analysis, { org: job.options.org, createOrgs: job.options.createOrgs });
    job.plan = plan;
    const fileError = job.analysis.fileErrors[0];
    if (fileError) throw new LedgerError('IMPORT_FILE_ERROR', `${fileError.message}未写入任何内容。`);
    if (plan.counts.rejected > 0 && !skipInvalid) {
      throw new LedgerError('IMPORT_HAS_ERRORS', `有 ${plan.counts.rejected} 行存在错误。请改正后重新导入，或选择“只导入没有错误的行”。`);
    }
    job.progress = { phase: 'writing', done: 0, total: plan.counts.created + plan.counts.updated };
    let result;
    try {
      result = commitPlan(ledger, plan, {
        skipInvalid,
        onProgress: (done, total) => { job.progress = { phase: 'writing', done, total }; },
      });
    } catch (e) {
      job.progress = { phase: 'failed', done: 0, total: 0 };
      throw e;
    }
    job.progress = { phase: 'done', done: result.created + result.updated, total: result.created + result.updated };
    const out: ImportResult = {
      file: job.fileName,
      written: result.written,
      counts: { ...countsOf(plan), created: result.created, updated: result.updated, unchanged: result.unchanged },
      orgsCreated: result.orgsCreated,
      changes: plan.rows.filter((r) => r.action === 'update').map((r) => ({
        name: r.source.values.name ?? '', idNumber: maskIdNumber(r.source.values.idNumber ?? ''), branch: r.branch, changes: r.changes,
      })),
    };
    return out;
  },

  'import.rejects': async (state, { jobId }) => {
    const ledger = state.requireLedger();
    const job = requireJob(state, jobId);
    if (!job.plan) throw new LedgerError('IMPORT_NOT_READY', '文件还没有检查完，请稍候。');
    const rejected = rejectedRows(job.plan);
    const data = await rejectsInWorker(job.bytes, job.fileName, { mapping: job.options.mapping }, rejected);
    if (!data) throw new LedgerError('NO_REJECTS', '没有有错误的行，不需要导出。');
    const fileName = rejectsFileName(job.fileName);
    ledger.tx(() => ledger.audit({ action: 'export', entity: 'member', summary: `导出花名册《${job.fileName}》的错误行 ${rejected.length} 行`, after: { file: job.fileName, rejects: fileName, rows: rejected.length } }));
    return { fileName, data };
  },

  'import.discard': (state, { jobId }) => {
    jobsOf(state).delete(jobId);
    return { ok: true };
  },

  'import.unifySpellings': (state) => unifySpellings(state.requireLedger()),

  'import.extraFields': (state, { memberId }) => extraFieldsOf(state.requireLedger(), memberId),

  'import.template': async () => ({ fileName: TEMPLATE_FILE_NAME, data: new Uint8Array(await buildTemplate()) }),
};
