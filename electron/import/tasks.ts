// The tasks an import worker thread runs; the same functions run inline when no thread can start.
import { type AnalyseOptions, analyseFile } from './analyse';
import type { RejectedRow } from './rejects';

export type WorkerTask =
  | { kind: 'analyse'; bytes: Uint8Array; fileName: string; options: Omit<AnalyseOptions, 'onProgress'> }
  | { kind: 'rejects'; bytes: Uint8Array; fileName: string; options: Omit<AnalyseOptions, 'onProgress'>; rejected: RejectedRow[] };

export type WorkerRequest = { id: number; task: WorkerTask };

export type WorkerMessage =
  | { id: 0; type: 'ready' }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; code: string; message: string };

export async function runTask(task: WorkerTask, onProgress?: (done: number, total: number) => void): Promise<unknown> {
  const { book, analysis } = analyseFile(task.bytes, task.fileName, { ...task.options, onProgress });
  if (task.kind === 'analyse') return analysis;
  // exceljs only loads when a rejects file is asked for.
  const { writeRejects } = await import('./rejects');
  return writeRejects(book, analysis.sheets, task.rejected);
}
