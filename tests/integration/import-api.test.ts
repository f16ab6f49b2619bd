// The wizard's calls through dispatch(), as both bindings make them: a preview parsed in a
// worker thread, a hand-made column mapping, commit refused while rows have errors, commit of the
// valid rows, the rejects file, and cancel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { analyseInWorker, setImportWorkerEntry, stopImportWorker } from '../../electron/import/worker-client';
import type { ImportPreview, ImportProgress, ImportResult } from '../../shared/api/import';
import { REAL_DIR } from '../fixtures/import/real-templates';
import { tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

let t: Awaited<ReturnType<typeof tempLedger>>;
let state: SessionState;
beforeEach(async () => {
  t = await tempLedger();
  state = new SessionState(t.path);
  state.ledger = t.ledger;
});
afterEach(() => t.cleanup());

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(state, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

describe('import API', () => {
  it('parses in a worker thread with progress', async () => {
    const seen: number[] = [];
    const analysis = await analyseInWorker(readFileSync(path.join(FIXTURES, 'roster-2000.xlsx')), 'roster-2000.xlsx', { onProgress: (done) => seen.push(done) });
    expect(analysis.rows).toHaveLength(2000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(2000);
    await expect(analyseInWorker(Buffer.from('%PDF-1.4\u0000'), 'x.xlsx')).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
  });

  it('still imports when the worker thread cannot start (runs inline)', async () => {
    await stopImportWorker();
    setImportWorkerEntry(path.join(t.dir, 'no-such-worker.cjs'));
    try {
      const analysis = await analyseInWorker(readFileSync(path.join(FIXTURES, 'roster-clean.xlsx')), 'roster-clean.xlsx');
      expect(analysis.rows).toHaveLength(40);
    } finally {
      setImportWorkerEntry(null);
      await stopImportWorker();
    }
  });

  it('previews, remaps, refuses to write errors, writes the valid rows, exports the rejects', async () => {
    const jobId = 'job-0001-test';
    const data = new Uint8Array(readFileSync(path.join(FIXTURES, 'roster-errors.xlsx')));
    const p = await call<ImportPreview>('import.analyse', { jobId, fileName: 'roster-errors.xlsx', data, createOrgs: false });
    expect(p.counts).toMatchObject({ rows: 30, valid: 0, rejected: 30 }); // no branch exists yet
    const withOrgs = await call<ImportPreview>('import.analyse', { jobId, createOrgs: true });
    expect(withOrgs.counts).toMatchObject({ rows: 30, valid: 13, created: 13, rejected: 17 });
    expect(withOrgs.orgsToCreate.sort()).toEqual(['春城街道机关党支部', '春城街道社区服务中心党支部']);
    const row7 = withOrgs.rows.find((r) => r.row === 7)!;
    expect(row7.cells[4]).toBe('53070219640601603');
    expect(row7.issues[0]).toMatchObject({ code: 'ID_FORMAT', columnIndex: 4, title: '身份证号格式不对', severity: 'error' });
    expect(withOrgs.sheets[0]!.columns[5]).toMatchObject({ header: '出生日期', field: 'birthDate' });
    expect(withOrgs.rows.find((r) => r.row === 3)!.cells[5]).toBe('1949-02-09');

    // Unmapping 出生日期 drops its checks (the BIRTH_MISMATCH rows become valid).
    const remapped = await call<ImportPreview>('import.analyse', { jobId, createOrgs: true, mapping: { Sheet1: { 5: null } } });
    expect(remapped.sheets[0]!.columns[5]!.field).toBeNull();
    expect(remapped.counts.valid).toBeGreaterThan(13);
    await call<ImportPreview>('import.analyse', { jobId, createOrgs: true, mapping: { Sheet1: { 5: 'birthDate' } } });

    await expect(call('import.commit', { jobId })).rejects.toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    expect(t.ledger.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    const result = await call<ImportResult>('import.commit', { jobId, skipInvalid: true });
    expect(result).toMatchObject({ written: true, counts: { created: 13, rejected: 17 } });
    expect(result.orgsCreated).toHaveLength(2);
    expect(await call<ImportProgress>('import.progress', { jobId })).toMatchObject({ phase: 'done', done: 13 });

    const rejects = await call<{ fileName: string; data: Uint8Array }>('import.rejects', { jobId });
    expect(rejects.fileName).toBe('roster-errors-错误行.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rejects.data) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Sheet1')!.rowCount).toBe(18);
    expect(t.ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export'").pluck().get()).toBe(1);

    await call('import.discard', { jobId });
    await expect(call('import.commit', { jobId })).rejects.toMatchObject({ code: 'IMPORT_JOB_GONE' });
  });

  it('lists the changes to existing members before writing them', async () => {
    const data = new Uint8Array(readFileSync(path.join(FIXTURES, 'roster-clean.xlsx')));
    await call('import.analyse', { jobId: 'first-import', fileName: 'roster-clean.xlsx', data, createOrgs: true });
    await call('import.commit', { jobId: 'first-import' });
    t.ledger.db.prepare("UPDATE members SET phone = '13000000000' WHERE id_number = '532801197007035909'").run();
    const p = await call<ImportPreview>('import.analyse', { jobId: 'second-import', fileName: 'roster-clean.xlsx', data, createOrgs: true });
    expect(p.counts).toMatchObject({ updated: 1, unchanged: 39, created: 0 });
    expect(p.rows.find((r) => r.action === 'update')!.changes).toEqual([{ field: 'phone', label: '联系电话', before: '13000000000', after: '18237972321' }]);
    const result = await call<ImportResult>('import.commit', { jobId: 'second-import' });
    expect(result.changes).toEqual([{ name: '张淑敏', idNumber: '532801********5909', branch: '金鼎社区第二党支部', changes: p.rows.find((r) => r.action === 'update')!.changes }]);
  });

  it('says clearly when the file cannot be read, and keeps nothing', async () => {
    const r = await dispatch(state, 'import.analyse', { jobId: 'bad-file-1', fileName: 'a.xlsx', data: new Uint8Array([1, 2, 3, 0, 5]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
    expect(await call<ImportProgress>('import.progress', { jobId: 'bad-file-1' })).toMatchObject({ phase: 'idle' });
  });

  it('a file-level problem reaches the wizard as one sentence, and the commit is refused', async () => {
    const data = new Uint8Array(readFileSync(path.join(REAL_DIR, 'applicant-list.xlsx')));
    const p = await call<ImportPreview>('import.analyse', { jobId: 'applicants-1', fileName: 'applicant-list.xlsx', data, createOrgs: true });
    expect(p.fileErrors).toHaveLength(1);
    expect(p.fileErrors[0]).toMatchObject({ sheet: '申请人', code: 'NOT_A_MEMBER_LIST', message: expect.stringContaining('入党申请人') });
    await expect(call('import.commit', { jobId: 'applicants-1', skipInvalid: true })).rejects.toMatchObject({ code: 'IMPORT_FILE_ERROR' });
    expect(t.ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import'").pluck().get()).toBe(0);

    const notes = new Uint8Array(readFileSync(path.join(REAL_DIR, 'two-join-dates.xlsx')));
    const q = await call<ImportPreview>('import.analyse', { jobId: 'two-dates-1', fileName: 'two-join-dates.xlsx', data: notes, createOrgs: true });
    expect(q.sheets[0]!.unmapped).toEqual(['党内职务', '入党介绍人', '学工号', '邮箱', '组织关系转入时间']);
    const marker = new Uint8Array(readFileSync(path.join(REAL_DIR, 'marker-row.xlsx')));
    const m = await call<ImportPreview>('import.analyse', { jobId: 'marker-1', fileName: 'marker-row.xlsx', data: marker, createOrgs: true });
    expect(m.skippedRows.map((s) => `${s.row}:${s.reason}`)).toEqual(['2:marker', '3:example']);

    // 下载空白模板: the wizard's template reads back as a member table with no data.
    const template = await call<{ fileName: string; data: Uint8Array }>('import.template', {});
    expect(template.fileName).toBe('党员花名册导入模板.xlsx');
    const blank = await call<ImportPreview>('import.analyse', { jobId: 'template-1', fileName: template.fileName, data: template.data, createOrgs: true });
    expect(blank.fileErrors.map((e) => e.code)).toEqual(['NO_DATA']);
    expect(blank.ignoredSheets).toEqual(['代码表']);
  });
});
