// One render worker per process, started on first use and stopped when idle: registers render
// off the main thread with progress, one at a time (pdfmake keeps module state, and two large
// PDFs at once would double the memory peak).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import type { ReportFormat } from '../../shared/reports/catalog';
import type { RegisterDoc } from '../../shared/reports/model';
import { fontsDir } from './font-files';
import { renderDoc } from './export';
import type { Rendered } from './render';
import type { RenderJob, WorkerMessage } from './render-worker';

const IDLE_MS = 60_000;
/**
 * The worker's heap. A long register is laid out in pieces (pdf-sections.ts) whose layouts are
 * garbage once copied; with the default heap V8 lets that garbage reach a gigabyte before it
 * collects. A bounded heap makes it collect between pieces.
 */
const RENDER_HEAP_MB = 128;


/** Table cells and form cells: what the layout time grows with. */
function cellCount(doc: RegisterDoc): number {
  let n = 0;
  for (const s of doc.sections) for (const b of s.blocks) {
    if (b.type === 'table') n += b.rows.length * b.columns.length;
    else if (b.type === 'grid') n += b.rows.reduce((a, r) => a + r.length, 0);
  }
  return n;
}

type Pending = { job: RenderJob; onProgress?: (f: number) => void; resolve: (r: Rendered) => void; reject: (e: Error) => void };

/**
 * The bundled app ships the worker as report-worker.cjs beside main.cjs. From source (tsx, vitest)
 * a worker does not inherit the TypeScript loader, so a two-line bootstrap registers tsx first.
 */
function workerEntry(): { file: string; eval: boolean } {
  const bundleDir = typeof __dirname !== 'undefined' ? __dirname : null;
  if (bundleDir && existsSync(join(bundleDir, 'report-worker.cjs'))) return { file: join(bundleDir, 'report-worker.cjs'), eval: false };
  const source = pathToFileURL(join(bundleDir ?? dirname(fileURLToPath(import.meta.url)), 'render-worker.ts')).href;
  return { file: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}

class RenderWorker {
  private worker: Worker | null = null;
  private queue: Pending[] = [];
  private current: Pending | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  /** Set when the worker cannot load at all: jobs then render in this thread. */
  private inThread = false;

  render(doc: RegisterDoc, format: ReportFormat, opts: { onProgress?: (f: number) => void; maxPages?: number } = {}): Promise<Rendered> {
    const report = opts.onProgress;
    // pdfmake lays out the whole document before it draws a page and says nothing meanwhile: the
    // first 60 % of the bar is an estimate from the document's size, the rest its real progress.
    const estimate = (format === 'pdf' ? 400 + cellCount(doc) * 0.3 : 200 + cellCount(doc) * 0.05) * (opts.maxPages ? 0.3 : 1);
    const started = Date.now();
    let real = false;
    const creep = report ? setInterval(() => real || report(0.6 * (1 - Math.exp(-(Date.now() - started) / estimate))), 250) : null;
    creep?.unref();
    const done = () => creep && clearInterval(creep);
    return new Promise<Rendered>((resolve, reject) => {
      const onProgress = report && ((f: number) => {
        real = true;
        report(0.6 + 0.4 * f);
      });
      this.queue.push({ job: { id: this.nextId++, doc, format, maxPages: opts.maxPages }, onProgress, resolve, reject });
      this.pump();
    }).finally(done);
  }

  private start(): Worker {
    const entry = workerEntry();
    const w = new Worker(entry.file, { eval: entry.eval, workerData: { fontsDir: fontsDir() }, resourceLimits: { maxOldGenerationSizeMb: RENDER_HEAP_MB } });
    let ready = false;
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        ready = true;
        return;
      }
      const p = this.current;
      if (!p || p.job.id !== m.id) return;
      if (m.type === 'progress') p.onProgress?.(m.fraction);
      else {
        this.current = null;
        if (m.type === 'done') p.resolve({ bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), pages: m.pages, warnings: m.warnings });
        else p.reject(m.code ? new LedgerError(m.code, m.message) : new Error(m.message));
        this.pump();
      }
    });
    const fail = (e: Error) => {
      this.worker = null;
      const p = this.current;
      this.current = null;
      if (!ready) {
        // The worker could not even load (a build without report-worker.cjs): render here instead
        // of failing every export; the window only waits longer.
        console.warn('[reports] render worker unavailable, rendering in the main thread:', e.message);
        this.inThread = true;
        if (p) this.queue.unshift(p);
      } else p?.reject(new LedgerError('RENDER_FAILED', `生成文件时出错（${e.message}）。请重试；如果问题持续，请缩小范围或期间后再导出。`));
      this.pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = null;
      if (code !== 0 && this.current) fail(new Error(`worker exited with ${code}`));
    });
    w.unref();
    return w;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) {
      if (!this.current && this.queue.length === 0) {
        this.worker?.unref();
        this.scheduleIdleStop();
      }
      return;
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.current = this.queue.shift()!;
    if (this.inThread) {
      const p = this.current;
      renderDoc(p.job.doc, p.job.format, { maxPages: p.job.maxPages, onProgress: p.onProgress })
        .then(p.resolve, p.reject)
        .finally(() => {
          this.current = null;
          this.pump();
        });
      return;
    }
    this.worker ??= this.start();
    // Keep the process alive while a job runs (a CLI or test has nothing else pending).
    this.worker.ref();
    this.worker.postMessage(this.current.job);
  }

  private scheduleIdleStop(): void {
    if (this.idle || !this.worker) return;
    this.idle = setTimeout(() => void this.stop(), IDLE_MS);
    this.idle.unref();
  }

  /** Stops the worker (idle, or the ledger was locked: nothing of it stays in memory there). */
  async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const w = this.worker;
    this.worker = null;
    for (const p of this.queue.splice(0)) p.reject(new LedgerError('CANCELLED', '导出已取消。'));
    if (this.current) {
      this.current.reject(new LedgerError('CANCELLED', '导出已取消。'));
      this.current = null;
    }
    await w?.terminate();
  }
}

export const renderWorker = new RenderWorker();
