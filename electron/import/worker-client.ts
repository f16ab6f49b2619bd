// Runs import tasks in a worker thread (worker.ts) with progress callbacks. The worker entry is,
// in order: setImportWorkerEntry() (the app's bundled worker file), LEDGER_IMPORT_WORKER, the
// bundled import-worker.cjs beside this bundle (CLI, demo), or worker.ts loaded through tsx (tests).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import type { AnalyseOptions, Analysis } from './analyse';
import type { RejectedRow } from './rejects';
import { type WorkerMessage, type WorkerRequest, type WorkerTask, runTask } from './tasks';

let configuredEntry: string | null = null;

/** The app's main process names its bundled worker file (e.g. dist/electron/import-worker.cjs). */
export function setImportWorkerEntry(path: string | null): void {
  configuredEntry = path;
}

/** A damaged file can make SheetJS allocate without end: the thread dies, not the app. */
const WORKER_LIMITS = { resourceLimits: { maxOldGenerationSizeMb: 1024 } };

function startWorker(): Worker {
  const entry = configuredEntry ?? process.env.LEDGER_IMPORT_WORKER ?? null;
  if (entry) return new Worker(entry, WORKER_LIMITS);
  const here = import.meta.url;
  const bundled = fileURLToPath(new URL('./import-worker.cjs', here));
  if (existsSync(bundled)) return new Worker(bundled, WORKER_LIMITS);
  // Source tree: tsx compiles worker.ts inside the thread.
  const source = new URL('./worker.ts', here).href;
  const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(pathToFileURL(process.cwd() + '/').href)}))`;
  return new Worker(code, { eval: true, ...WORKER_LIMITS });
}

type Pending = { task: WorkerTask; resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (done: number, total: number) => void };

// One thread for the life of the process: starting one costs more than most imports.
let worker: Worker | null = null;
let workerAnswered = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function runInline(p: Pending): void {
  runTask(p.task, p.onProgress).then(p.resolve, p.reject);
}

function failAll(w: Worker, e: unknown): void {
  if (worker !== w) return;
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  if (!workerAnswered) {
    // The thread never came up (no worker file in this build): the clerk still gets the import,
    // here on the main thread, only less smoothly.
    console.warn('[import] worker thread unavailable, running inline:', (e as Error)?.message ?? e);
    for (const p of waiting) runInline(p);
    return;
  }
  const outOfMemory = (e as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  for (const p of waiting) {
    p.reject(outOfMemory
      ? new LedgerError('FILE_UNREADABLE', `读取“${p.task.fileName}”时内存不足：文件可能已损坏或过于复杂。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`)
      : e);
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.unref();
  workerAnswered = false;
  w.on('message', (m: WorkerMessage) => {
    workerAnswered = true;
    if (m.type === 'ready') return;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress?.(m.done, m.total);
      return;
    }
    pending.delete(m.id);
    if (m.type === 'done') p.resolve(m.value);
    else p.reject(new LedgerError(m.code, m.message));
  });
  w.on('error', (e) => failAll(w, e));
  w.on('exit', (code) => failAll(w, new LedgerError('INTERNAL', `导入程序意外退出（${code}）。请重试。`)));
  worker = w;
  return w;
}

/**
 * How long one task may take before its thread is stopped. SheetJS can loop forever on a damaged
 * .xls (a formula whose recorded length disagrees with its tokens): no check before parsing can
 * rule that out, so the thread is bounded instead. A real 20,000-row file parses in seconds.
 */
export function taskTimeLimitMs(bytes: number): number {
  const fromEnv = Number(process.env.LEDGER_IMPORT_TIME_LIMIT_MS);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  return 60_000 + Math.ceil(bytes / (1024 * 1024)) * 2_000;
}

function runInWorker(task: WorkerTask, onProgress?: (done: number, total: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = <T,>(f: (v: T) => void) => (v: T) => {
      clearTimeout(timer);
      f(v);
    };
    const p: Pending = { task, resolve: settle(resolve), reject: settle(reject), onProgress };
    let w: Worker;
    try {
      w = ensureWorker();
    } catch (e) {
      console.warn('[import] worker thread unavailable, running inline:', (e as Error).message);
      runInline(p);
      return;
    }
    const id = nextId++;
    pending.set(id, p);
    timer = setTimeout(() => {
      if (!pending.has(id)) return;
      // Stop the stuck thread; whatever else was queued on it is asked to try again.
      const waiting = [...pending.values()];
      pending.clear();
      if (worker === w) worker = null;
      void w.terminate();
      for (const q of waiting) {
        q.reject(q === p
          ? new LedgerError('FILE_UNREADABLE', `读取“${task.fileName}”超时：文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`)
          : new LedgerError('INTERNAL', '导入程序已重启，请重试。'));
      }
    }, taskTimeLimitMs(task.bytes.byteLength));
    timer.unref();
    w.postMessage({ id, task } satisfies WorkerRequest);
  });
}

/** Stops the import thread (tests, app quit); the next task starts a new one. */
export async function stopImportWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

export type WorkerAnalyseOptions = Omit<AnalyseOptions, 'onProgress'> & { onProgress?: (done: number, total: number) => void };

/** read → find tables → map → normalise → validate, off the main thread. */
export async function analyseInWorker(bytes: Uint8Array, fileName: string, opts: WorkerAnalyseOptions = {}): Promise<Analysis> {
  const { onProgress, ...options } = opts;
  return (await runInWorker({ kind: 'analyse', bytes, fileName, options }, onProgress)) as Analysis;
}

/** The rejects workbook (.xlsx bytes), built off the main thread; null when nothing was rejected. */
export async function rejectsInWorker(bytes: Uint8Array, fileName: string, options: Omit<AnalyseOptions, 'onProgress'>, rejected: RejectedRow[]): Promise<Uint8Array | null> {
  const out = (await runInWorker({ kind: 'rejects', bytes, fileName, options, rejected })) as Uint8Array | null;
  return out ? new Uint8Array(out) : null;
}
