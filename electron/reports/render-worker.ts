// The worker thread that renders registers, so that laying out a 2,000-page PDF never holds up
// the main process. It receives a built RegisterDoc and returns the file's bytes (transferred,
// never written to disk here) with progress messages in between.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportFormat } from '../../shared/reports/catalog';
import type { RegisterDoc } from '../../shared/reports/model';
import { renderPdf, renderXlsx } from './render';

export type RenderJob = { id: number; doc: RegisterDoc; format: ReportFormat; maxPages?: number };
export type WorkerMessage =
  | { id: 0; type: 'ready' }
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; bytes: Uint8Array; pages: number | null; warnings: string[] }
  | { id: number; type: 'failed'; message: string; code?: string };

const data = workerData as { fontsDir?: string } | null;
if (data?.fontsDir) process.env.LEDGER_FONTS_DIR = data.fontsDir;

parentPort?.postMessage({ id: 0, type: 'ready' } satisfies WorkerMessage);
parentPort?.on('message', (job: RenderJob) => {
  void (async () => {
    try {
      let last = 0;
      const r = job.format === 'pdf'
        ? await renderPdf(job.doc, {
          maxPages: job.maxPages,
          onProgress: (fraction) => {
            // A message per rendered item would flood the port; one per 2 % is plenty for a bar.
            if (fraction - last >= 0.02 || fraction >= 1) {
              last = fraction;
              parentPort!.postMessage({ id: job.id, type: 'progress', fraction } satisfies WorkerMessage);
            }
          },
        })
        : await renderXlsx(job.doc);
      // A copy: a Buffer may share Node's pool, which must not be transferred away.
      const bytes = new Uint8Array(r.bytes);
      parentPort!.postMessage({ id: job.id, type: 'done', bytes, pages: r.pages, warnings: r.warnings } satisfies WorkerMessage, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      parentPort!.postMessage({ id: job.id, type: 'failed', message: (e as Error)?.message ?? String(e), code: (e as { code?: string }).code } satisfies WorkerMessage);
    }
  })();
});
