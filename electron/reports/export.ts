// Exporting a register: gather its data from the ledger (read-only), build the document, render it
// (in a worker thread when asked, so the window never freezes), write the one file the user chose,
// and record the export in the audit log.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LedgerError } from '../../shared/errors';
import { type RegisterName, type ReportFormat, registerInfo } from '../../shared/reports/catalog';
import { MASKED_FIELDS } from '../../shared/reports/masking';
import type { RegisterDoc } from '../../shared/reports/model';
import { binderRegisters, buildBinder } from '../../shared/reports/registers/binder';
import { periodOf } from '../../shared/reports/registers/common';
import type { Ledger } from '../ledger/ledger';
import type { QueryOptions } from './queries/options';
import { SOURCES } from './registers';
import type { Rendered } from './render';
import { type ReportRequestPeriod, type ReportRequestScope, type Scope, headerFor, resolveScope } from './scope';

export type ReportRequest = {
  register: RegisterName;
  format: ReportFormat;
  scope?: ReportRequestScope;
  period?: ReportRequestPeriod;
  maskIds?: boolean;
  /** The binder of several branches: with each member's 采集表 and each meeting's record page too. */
  binderPages?: boolean;
  /** For tests and the demo: the date that counts as today. */
  today?: string;
};

export type Progress = (p: { stage: 'gather' | 'render' | 'write'; fraction: number; message: string }) => void;

export type ExportResult = {
  register: RegisterName;
  format: ReportFormat;
  file: string;
  bytes: number;
  pages: number | null;
  warnings: string[];
  title: string;
  unit: string;
  period: string;
};

/** The register as a document: its data gathered in the scope and period, built, not rendered. */
export function buildRegister(ledger: Ledger, req: ReportRequest): { doc: RegisterDoc; scope: Scope } {
  const info = registerInfo(req.register);
  if (!info.formats.includes(req.format)) {
    throw new LedgerError('FORMAT_UNSUPPORTED', `“${info.title}”只能导出为 ${info.formats.map((f) => f.toUpperCase()).join('、')}。`);
  }
  const scope = resolveScope(ledger, req.scope ?? {}, req.period ?? {}, req.today);
  const opts: QueryOptions = { maskIds: req.maskIds ?? false, ...(req.today ? { printedOn: req.today } : {}) };
  if (req.register === 'binder') {
    const parts = binderRegisters(scope.branches.length, { pages: req.binderPages }).map((r) => SOURCES[r](ledger, scope, opts));
    return { doc: buildBinder({ ...headerFor(scope, opts), year: scope.year }, parts), scope };
  }
  return { doc: SOURCES[req.register](ledger, scope, opts), scope };
}

export async function renderDoc(doc: RegisterDoc, format: ReportFormat, opts: { onProgress?: (fraction: number) => void; maxPages?: number } = {}): Promise<Rendered> {
  // Loaded on first use: a process that renders in the worker never holds pdfmake and exceljs.
  const { renderPdf, renderXlsx } = await import('./render');
  return format === 'pdf' ? renderPdf(doc, opts) : renderXlsx(doc);
}

export type Renderer = (doc: RegisterDoc, format: ReportFormat, opts: { onProgress?: (fraction: number) => void; maxPages?: number }) => Promise<Rendered>;

/** What an export produced, for the file name, the audit entry and the person who asked. */
export type ExportMeta = Omit<ExportResult, 'file'> & {
  /** A file name to suggest: 「锦澜街道党工委党员花名册（2025年度）.pdf」. */
  fileName: string;
  orgId: number | null;
  includeDescendants: boolean;
  range: { from: string; to: string };
  maskIds: boolean;
};

/** Windows refuses these in file names. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/**
 * Builds and renders a register in memory. `render` defaults to this thread; the app passes the
 * render worker's.
 */
export async function produceRegister(ledger: Ledger, req: ReportRequest, opts: { onProgress?: Progress; render?: Renderer } = {}): Promise<{ bytes: Buffer; meta: ExportMeta }> {
  const progress = opts.onProgress ?? (() => {});
  progress({ stage: 'gather', fraction: 0, message: '正在汇总台帐数据…' });
  const { doc, scope } = buildRegister(ledger, req);
  const what = req.format === 'pdf' ? '正在排版 PDF…' : '正在生成 Excel…';
  progress({ stage: 'render', fraction: 0.1, message: what });
  const rendered = await (opts.render ?? renderDoc)(doc, req.format, { onProgress: (f) => progress({ stage: 'render', fraction: 0.1 + f * 0.85, message: what }) });
  const info = registerInfo(req.register);
  const period = req.register === 'binder' ? `${scope.year}年度` : periodOf(req.register, headerFor(scope, req.today ? { printedOn: req.today } : {}));
  const meta: ExportMeta = {
    register: req.register, format: req.format, bytes: rendered.bytes.length, pages: rendered.pages, warnings: rendered.warnings,
    title: info.title, unit: scope.root.name, period,
    fileName: safeFileName(`${scope.root.name}${info.title}（${period}）.${req.format}`),
    orgId: req.scope?.orgId ?? null, includeDescendants: req.scope?.includeDescendants ?? true, range: scope.period, maskIds: req.maskIds ?? false,
  };
  return { bytes: rendered.bytes, meta };
}

/** The audit entry of an export: what left the ledger, for whom, in which file. */
export function auditExport(ledger: Ledger, meta: ExportMeta, file: string): void {
  ledger.tx(() => {
    ledger.audit({
      action: 'export',
      entity: 'report',
      entityId: meta.orgId,
      summary: `导出${meta.title}（${meta.unit}，${meta.period}，${meta.format.toUpperCase()}${meta.pages ? `，${meta.pages} 页` : ''}${meta.maskIds ? `，已脱敏：${MASKED_FIELDS}` : ''}）`,
      after: {
        register: meta.register, format: meta.format, orgId: meta.orgId, includeDescendants: meta.includeDescendants, period: meta.range,
        maskIds: meta.maskIds, file: basename(file), bytes: meta.bytes, pages: meta.pages,
      },
    });
  });
}

/** Exports one register to `out`: the file appears whole or not at all, then the audit entry is written. */
export async function exportRegister(ledger: Ledger, req: ReportRequest, out: string, opts: { onProgress?: Progress; render?: Renderer } = {}): Promise<ExportResult> {
  const { bytes, meta } = await produceRegister(ledger, req, opts);
  opts.onProgress?.({ stage: 'write', fraction: 0.96, message: '正在写入文件…' });
  writeWhole(out, bytes);
  auditExport(ledger, meta, out);
  opts.onProgress?.({ stage: 'write', fraction: 1, message: '完成' });
  const { fileName: _f, orgId: _o, includeDescendants: _i, range: _r, maskIds: _m, ...result } = meta;
  return { ...result, file: out };
}

function writeWhole(path: string, bytes: Buffer): void {
  const tmp = `${path}.part-${process.pid}`;
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
      throw new LedgerError('WRITE_FAILED', `无法写入文件“${path}”。如果它正在 Excel、WPS 或 PDF 阅读器中打开，请先关闭；或换一个文件夹。`);
    }
    if (code === 'ENOENT') throw new LedgerError('WRITE_FAILED', `文件夹不存在：${path}`);
    throw e;
  }
}
