// Binds the 台帐打印 calls: previews built on the spot, exports as jobs whose rendering runs in
// the render worker. Finished files stay in memory (never in a temp file) until downloaded; the
// download is the export and goes into the audit log.
import { randomUUID } from 'node:crypto';
import type { ReportJob, ReportPreview, ReportRequestInput } from '../../shared/api/reports';
import { LedgerError } from '../../shared/errors';
import { REGISTERS, type ReportFormat } from '../../shared/reports/catalog';
import type { Block, RegisterDoc } from '../../shared/reports/model';
import type { Ledger } from '../ledger/ledger';
import { type ExportMeta, type ReportRequest, auditExport, buildRegister, produceRegister } from '../reports/export';
import { renderWorker } from '../reports/worker-pool';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

const PREVIEW_SECTIONS = 3;
const PREVIEW_ROWS = 40;
const KEEP_JOBS = 4;
const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Job = {
  id: string;
  ledger: Ledger;
  state: ReportJob['state'];
  progress: number;
  message: string;
  bytes?: Buffer;
  meta?: ExportMeta;
  error?: string;
  startedAt: number;
};

const jobs = new Map<string, Job>();

function toRequest(input: Omit<ReportRequestInput, 'includeDescendants' | 'maskIds' | 'binderPages'> & { includeDescendants: boolean; maskIds: boolean; binderPages: boolean }, format: ReportFormat): ReportRequest {
  return {
    register: input.register,
    format,
    scope: { orgId: input.orgId ?? null, includeDescendants: input.includeDescendants },
    period: input.year ? { year: input.year } : { from: input.from ?? undefined, to: input.to ?? undefined },
    maskIds: input.maskIds,
    binderPages: input.binderPages,
  };
}

/** Files of a locked or replaced ledger must not linger in memory. */
function purge(current: Ledger | null): void {
  for (const [id, j] of jobs) if (j.ledger !== current) jobs.delete(id);
  const finished = [...jobs.values()].filter((j) => j.state !== 'running').sort((a, b) => b.startedAt - a.startedAt);
  for (const j of finished.slice(KEEP_JOBS)) jobs.delete(j.id);
}

function status(j: Job): ReportJob {
  return {
    jobId: j.id,
    state: j.state,
    progress: j.progress,
    message: j.message,
    ...(j.meta ? { fileName: j.meta.fileName, bytes: j.meta.bytes, pages: j.meta.pages, warnings: j.meta.warnings } : {}),
    ...(j.error ? { error: j.error } : {}),
  };
}

function findJob(state: SessionState, jobId: string): Job {
  const ledger = state.requireLedger();
  purge(ledger);
  const j = jobs.get(jobId);
  if (!j) throw new LedgerError('NOT_FOUND', '找不到这次导出（可能已过期或台帐已锁定）。请重新导出。');
  return j;
}

/** The first sections and rows of a register, enough to see what the pages will look like. */
export function previewOf(doc: RegisterDoc): { doc: RegisterDoc; totalRows: number; truncated: boolean } {
  let totalRows = 0;
  let truncated = doc.sections.length > PREVIEW_SECTIONS;
  const cut = (b: Block): Block => {
    if (b.type !== 'table') return b;
    totalRows += b.rows.length;
    if (b.rows.length <= PREVIEW_ROWS) return b;
    truncated = true;
    return { ...b, rows: b.rows.slice(0, PREVIEW_ROWS), captions: b.captions?.filter((c) => c.before < PREVIEW_ROWS), totals: undefined };
  };
  const sections = doc.sections.slice(0, PREVIEW_SECTIONS).map((s) => ({ ...s, blocks: s.blocks.map(cut) }));
  for (const s of doc.sections.slice(PREVIEW_SECTIONS)) for (const b of s.blocks) if (b.type === 'table') totalRows += b.rows.length;
  return { doc: { ...doc, sections }, totalRows, truncated };
}

type ReportMethods = 'reports.registers' | 'reports.preview' | 'reports.start' | 'reports.job' | 'reports.download' | 'reports.cancel';

export const reportsHandlers: HandlerMap<ReportMethods> = {
  'reports.registers': () => [...REGISTERS],
  'reports.preview': (state, input): ReportPreview => {
    const ledger = state.requireLedger();
    const { doc, scope } = buildRegister(ledger, toRequest(input, 'pdf'));
    const p = previewOf(doc);
    return { ...p, totalSections: doc.sections.length, unit: scope.root.name, period: doc.sections[0]?.period ?? '' };
  },
  'reports.start': (state, input) => {
    const ledger = state.requireLedger();
    purge(ledger);
    const req = toRequest(input, input.format);
    const job: Job = { id: randomUUID(), ledger, state: 'running', progress: 0, message: '正在准备…', startedAt: Date.now() };
    jobs.set(job.id, job);
    void (async () => {
      try {
        const { bytes, meta } = await produceRegister(ledger, req, {
          render: (doc, format, opts) => renderWorker.render(doc, format, opts),
          onProgress: (p) => {
            job.progress = p.fraction;
            job.message = p.message;
          },
        });
        Object.assign(job, { state: 'done', progress: 1, message: '已生成', bytes, meta });
      } catch (e) {
        Object.assign(job, { state: 'failed', message: '导出失败', error: e instanceof LedgerError ? e.message : `导出失败：${(e as Error)?.message ?? e}` });
        if (!(e instanceof LedgerError)) console.error('[reports] export failed:', e);
      }
    })();
    return status(job);
  },
  'reports.job': (state, { jobId }) => status(findJob(state, jobId)),
  'reports.download': (state, { jobId }) => {
    const j = findJob(state, jobId);
    if (j.state !== 'done' || !j.bytes || !j.meta) throw new LedgerError('NOT_READY', j.state === 'failed' ? (j.error ?? '导出失败。') : '文件还在生成中，请稍候。');
    auditExport(j.ledger, j.meta, j.meta.fileName);
    return { fileName: j.meta.fileName, mime: MIME[j.meta.format], data: new Uint8Array(j.bytes.buffer, j.bytes.byteOffset, j.bytes.byteLength) };
  },
  'reports.cancel': async (state, { jobId }) => {
    const j = findJob(state, jobId);
    if (j.state === 'running') {
      await renderWorker.stop();
      Object.assign(j, { state: 'failed', message: '已取消', error: '导出已取消。' });
    }
    jobs.delete(jobId);
    return { jobId };
  },
};
