// The wizard's calls: each long call polls 'import.progress' so the clerk sees a moving bar, and
// the file goes up once as bytes (IPC in the app, base64 on the demo's HTTP binding).
import type { ImportPreview, ImportProgress, ImportResult } from '../../../shared/api/import';
import { ledger } from '../../api';
import { saveBytes } from '../../download';

export type Mapping = Record<string, Record<string, string | null>>;

export function newJobId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Runs a call while polling its job's progress every quarter second. */
export async function withProgress<T>(jobId: string, run: () => Promise<T>, onProgress: (p: ImportProgress) => void): Promise<T> {
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 250));
      if (stopped) break;
      try {
        const p = await ledger['import.progress']({ jobId });
        if (!stopped) onProgress(p);
      } catch {
        // Progress is a courtesy; the call itself reports failures.
      }
    }
  };
  void poll();
  try {
    return await run();
  } finally {
    stopped = true;
  }
}

export async function analyse(
  jobId: string,
  opts: { file?: File; mapping?: Mapping; org: string | null; createOrgs: boolean },
  onProgress: (p: ImportProgress) => void,
): Promise<ImportPreview> {
  const data = opts.file ? new Uint8Array(await opts.file.arrayBuffer()) : undefined;
  return withProgress(
    jobId,
    () =>
      ledger['import.analyse']({
        jobId,
        ...(opts.file ? { fileName: opts.file.name, data } : {}),
        ...(opts.mapping ? { mapping: opts.mapping as never } : {}),
        org: opts.org,
        createOrgs: opts.createOrgs,
      }),
    onProgress,
  );
}

export function commit(jobId: string, skipInvalid: boolean, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  return withProgress(jobId, () => ledger['import.commit']({ jobId, skipInvalid }), onProgress);
}

/** 导出错误行: asks for the rejects workbook and hands it to the browser (or Electron) as a download. */
export async function downloadRejects(jobId: string): Promise<string> {
  const { fileName, data } = await ledger['import.rejects']({ jobId });
  saveBytes(data as BlobPart, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return fileName;
}

/** 下载空白模板. */
export async function downloadTemplate(): Promise<string> {
  const { fileName, data } = await ledger['import.template']({});
  saveBytes(data as BlobPart, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return fileName;
}

export function discard(jobId: string): void {
  void ledger['import.discard']({ jobId }).catch(() => undefined);
}

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const sheetKey = (name: string | null): string => name ?? '';
