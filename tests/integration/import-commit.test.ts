// Writing an import: one transaction (an exception or a killed process half-way leaves the ledger
// exactly as it was), upsert by ID number with dated change events, branches from sheet names and
// --org, the audit entry, and the rejects file round trip.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/import/analyse';
import { planImport } from '../../electron/import/plan';
import { buildRejectsWorkbook, REASON_HEADER } from '../../electron/import/rejects';
import { exitCodeOf, runImport } from '../../electron/import/report';
import type { Ledger } from '../../electron/ledger/ledger';
import { findMemberByIdNumber, memberHistory } from '../../electron/ledger/members';
import { createOrg, ensureWorkingCommittee } from '../../electron/ledger/orgs';
import { idBirthDate, idGender } from '../../shared/domain/id-number';
import { STANDARD_HEADER, makeId, person, standardRow, xlsxBytes } from '../fixtures/import/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/** Everything an import could touch, row for row. */
/** The ledger's records; the audit log's session rows (every open writes a login) are not its data. */
function snapshot(ledger: Ledger): string {
  const tables = ['members', 'orgs', 'member_events', 'member_org_spans'];
  const audit = ledger.db.prepare("SELECT id, at, user_id, user_name, action, entity, entity_id, summary, before, after FROM audit_log WHERE entity != 'session' ORDER BY id").all();
  return JSON.stringify([...tables.map((t) => ledger.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()), audit]);
}

let t: Awaited<ReturnType<typeof tempLedger>>;
beforeEach(async () => {
  t = await tempLedger();
});
afterEach(() => t.cleanup());

describe('one transaction', () => {
  it('an exception half-way leaves the ledger exactly as before', () => {
    runImport(t.ledger, fixture('roster-clean.xlsx'), 'roster-clean.xlsx', { createOrgs: true });
    const before = snapshot(t.ledger);
    expect(() =>
      runImport(t.ledger, fixture('roster-2000.xlsx'), 'roster-2000.xlsx', {
        createOrgs: true,
        onProgress: (done) => {
          if (done >= 1000) throw new Error('injected failure');
        },
      }),
    ).toThrow('injected failure');
    expect(snapshot(t.ledger)).toBe(before);
    // …and the ledger still works: the same import goes through afterwards.
    const { report } = runImport(t.ledger, fixture('roster-2000.xlsx'), 'roster-2000.xlsx', { createOrgs: true });
    expect(report).toMatchObject({ written: true, created: 2000 });
  });

  it('a process killed half-way leaves the ledger exactly as before', () => {
    const before = snapshot(t.ledger);
    t.ledger.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../fixtures/import/kill-midway.ts'), t.path, TEST_PASSWORD, path.join(FIXTURES, 'roster-2000.xlsx'), '800'], {
      encoding: 'utf8', timeout: 60_000,
    });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('finished');
    return import('../../electron/ledger/ledger').then(async ({ Ledger }) => {
      const reopened = await Ledger.open(t.path, TEST_PASSWORD);
      t.ledger = reopened;
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(snapshot(reopened)).toBe(before);
    });
  });

  it('errors without --skip-invalid write nothing at all, not even the branches', () => {
    const before = snapshot(t.ledger);
    const { report } = runImport(t.ledger, fixture('roster-errors.xlsx'), 'roster-errors.xlsx', { createOrgs: true });
    expect(report.written).toBe(false);
    expect(snapshot(t.ledger)).toBe(before);
  });

  it('a dry run writes nothing and tells what would happen', () => {
    const before = snapshot(t.ledger);
    const { report } = runImport(t.ledger, fixture('roster-clean.xlsx'), 'roster-clean.xlsx', { createOrgs: true, dryRun: true });
    expect(report).toMatchObject({ written: false, created: 40, rows: 40, valid: 40 });
    expect(snapshot(t.ledger)).toBe(before);
  });

  it('writes one audit entry that sums the import up', () => {
    runImport(t.ledger, fixture('roster-errors.xlsx'), 'roster-errors.xlsx', { createOrgs: true, skipInvalid: true });
    const entries = t.ledger.db.prepare("SELECT summary, after FROM audit_log WHERE action = 'import'").all() as { summary: string; after: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toContain('roster-errors.xlsx');
    expect(entries[0]!.summary).toContain('新增 13 人');
    expect(JSON.parse(entries[0]!.after)).toMatchObject({ file: 'roster-errors.xlsx', rows: 30, valid: 13, created: 13, skipped: 17 });
  });
});

describe('upsert by ID number', () => {
  it('records changed fields as a dated event, moves branches, and leaves blank cells alone', async () => {
    const people = [1, 2, 3].map((n) => person(n));
    const rows = people.map((p, i) => standardRow(p, i + 1));
    const first = await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, ...rows] }]);
    expect(runImport(t.ledger, first, 'v1.xlsx', { createOrgs: true }).report).toMatchObject({ created: 3 });

    const changed = rows.map((r) => [...r]);
    changed[0]![12] = '13911112222'; // phone
    changed[0]![11] = '退休'; // employer
    changed[1]![10] = '金鼎社区第二党支部'; // branch
    changed[2]![13] = null; // blank address: keeps the ledger's
    const second = await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, ...changed] }]);
    const plan = planImport(t.ledger, analyseFile(second, 'v2.xlsx').analysis, { createOrgs: true });
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'update', 'unchanged']);
    expect(plan.rows[0]!.changes).toEqual([
      { field: 'employer', label: '工作单位及职务', before: '春城街道办事处科员', after: '退休' },
      { field: 'phone', label: '联系电话', before: '13800000000', after: '13911112222' },
    ]);
    expect(plan.rows[1]!.changes).toEqual([{ field: 'org', label: '所在党支部', before: '金鼎社区第一党支部', after: '金鼎社区第二党支部' }]);

    const { report } = runImport(t.ledger, second, 'v2.xlsx', { createOrgs: true });
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 1, written: true });
    const m1 = findMemberByIdNumber(t.ledger, rows[0]![4] as string)!;
    expect(m1.phone).toBe('13911112222');
    const ev = memberHistory(t.ledger, m1.id).find((e) => e.type === 'fieldsUpdated')!;
    expect(ev.data).toEqual({ employer: { from: '春城街道办事处科员', to: '退休' }, phone: { from: '13800000000', to: '13911112222' } });
    expect(ev.note).toContain('v2.xlsx');
    const m2 = findMemberByIdNumber(t.ledger, rows[1]![4] as string)!;
    expect(memberHistory(t.ledger, m2.id).map((e) => e.type)).toContain('transferInternal');
    expect(findMemberByIdNumber(t.ledger, rows[2]![4] as string)!.address).toBe('昆明市五华区青云街1号');

    const third = runImport(t.ledger, second, 'v2.xlsx', { createOrgs: true }).report;
    expect(third).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('a 预备党员 the file shows as 正式党员 with 转正日期 is confirmed on that date', async () => {
    const p = person(1, { kind: '预备党员', joined: '2024-03-01', confirmed: null });
    runImport(t.ledger, await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, standardRow(p, 1)] }]), 'a.xlsx', { createOrgs: true });
    const later = standardRow({ ...p, kind: '正式党员', confirmed: '2025-03-01', phone: '13911112222' }, 1);
    const { report } = runImport(t.ledger, await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, later] }]), 'b.xlsx', { createOrgs: true });
    expect(report).toMatchObject({ updated: 1, errors: [] });
    const m = findMemberByIdNumber(t.ledger, later[4] as string)!;
    expect(m).toMatchObject({ kind: 'full', confirmedOn: '2025-03-01', phone: '13911112222' });
    const history = memberHistory(t.ledger, m.id);
    expect(history.find((e) => e.type === 'confirmed')).toMatchObject({ date: '2025-03-01' });
    expect(history.find((e) => e.type === 'fieldsUpdated')!.data).toEqual({ phone: { from: '13800000000', to: '13911112222' } });
  });

  it('refuses a row that would contradict what the ledger holds', async () => {
    const p = person(1);
    runImport(t.ledger, await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, standardRow(p, 1)] }]), 'a.xlsx', { createOrgs: true });
    // The same member as 预备党员 without 转正日期: the ledger's 转正日期 stays, and 预备 + 转正日期 is wrong.
    const r = standardRow({ ...p, kind: '预备党员', confirmed: null }, 1);
    const { report } = runImport(t.ledger, await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, r] }]), 'b.xlsx', { createOrgs: true });
    expect(report.errors.map((e) => e.code)).toEqual(['PROBATION_WITH_DATE']);
    expect(report.errors[0]!.message).toContain('台帐');
    expect(report.written).toBe(false);
  });
});

describe('branches', () => {
  const noBranch = (n: number) => standardRow(person(n), n).filter((_, i) => i !== 10);
  const header = STANDARD_HEADER.filter((h) => h !== '所在党支部');

  it('takes the branch from the sheet name when it names one, else from --org', async () => {
    ensureWorkingCommittee(t.ledger);
    const committee = ensureWorkingCommittee(t.ledger);
    createOrg(t.ledger, { parentId: committee, name: '莲花社区党支部', type: 'branch' });
    const bytes = await xlsxBytes([
      { name: '莲花社区党支部', rows: [header, noBranch(1)] },
      { name: 'Sheet2', rows: [header, noBranch(2)] },
      { name: '园西社区党支部', rows: [header, noBranch(3)] },
    ]);
    const plain = runImport(t.ledger, bytes, 'b.xlsx', { dryRun: true }).report;
    expect(plain.errors.map((e) => [e.sheet, e.code])).toEqual([['Sheet2', 'ORG_UNKNOWN'], ['园西社区党支部', 'ORG_UNKNOWN']]);
    expect(plain.errors[0]!.column).toBe('所在党支部');

    const created = runImport(t.ledger, bytes, 'b.xlsx', { createOrgs: true, dryRun: true }).report;
    expect(created.errors.map((e) => e.sheet)).toEqual(['Sheet2']); // "Sheet2" names no branch

    const withOrg = runImport(t.ledger, bytes, 'b.xlsx', { org: '莲花社区党支部' }).report;
    expect(withOrg).toMatchObject({ errors: [], created: 3, written: true });
  });

  it('creates missing branches under the committee only with --create-orgs, and never a 党委', async () => {
    const rows = [STANDARD_HEADER, standardRow(person(1, { branch: '新村社区党支部' }), 1), standardRow(person(2, { branch: '金鼎社区党委' }), 2)];
    const bytes = await xlsxBytes([{ name: 'S', rows }]);
    expect(runImport(t.ledger, bytes, 'c.xlsx', { dryRun: true }).report.errors.map((e) => e.code)).toEqual(['ORG_UNKNOWN', 'ORG_UNKNOWN']);
    const { report } = runImport(t.ledger, bytes, 'c.xlsx', { createOrgs: true, skipInvalid: true });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, 'ORG_UNKNOWN']]);
    const org = t.ledger.db.prepare("SELECT o.type, o.category, p.type AS parentType FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE o.name = '新村社区党支部'").get();
    expect(org).toEqual({ type: 'branch', category: 'community', parentType: 'committee' });
  });
});

describe('rejects file', () => {
  it('holds the rejected rows in the file’s own columns plus 错误原因, and imports once fixed', async () => {
    const bytes = fixture('roster-errors.xlsx');
    const { plan, book, report } = runImport(t.ledger, bytes, 'roster-errors.xlsx', { createOrgs: true, skipInvalid: true });
    expect(report.created).toBe(13);
    const out = await buildRejectsWorkbook(book, plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out! as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sheet1')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...STANDARD_HEADER, REASON_HEADER]);
    expect(ws.rowCount).toBe(1 + 17);
    const reasonCol = header.length;
    const idCol = header.indexOf('公民身份号码') + 1;
    expect(String(ws.getRow(2).getCell(reasonCol).value)).toContain('姓名为空');
    // IDs are text cells, so Excel cannot turn them into numbers again.
    expect(ws.getRow(3).getCell(idCol).numFmt).toBe('@');

    // The clerk fixes every row: a sound ID, 性别 and 出生日期 from it, sane dates, 正式党员.
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cell = (h: string) => row.getCell(header.indexOf(h) + 1);
      let id = String(cell('公民身份号码').value ?? '');
      const reasons = String(row.getCell(reasonCol).value);
      if (!id || /身份证号/.test(reasons.split('\n')[0]!) && !reasons.includes('出现过')) id = makeId(`1970-01-${String(r).padStart(2, '0')}`, '男', r);
      cell('公民身份号码').value = id;
      if (!cell('姓名').value) cell('姓名').value = `补录${r}`;
      cell('性别').value = idGender(id);
      const birth = idBirthDate(id)!;
      cell('出生日期').value = birth;
      cell('人员类别').value = '正式党员';
      cell('入党日期').value = `${Number(birth.slice(0, 4)) + 25}-03-01`;
      cell('转正日期').value = `${Number(birth.slice(0, 4)) + 26}-03-01`;
      cell('联系电话').value = '13800000000';
    }
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    writeFileSync(path.join(t.dir, 'fixed.xlsx'), fixed);
    const again = runImport(t.ledger, readFileSync(path.join(t.dir, 'fixed.xlsx')), 'fixed.xlsx', { createOrgs: true });
    expect(again.report.errors).toEqual([]);
    expect(exitCodeOf(again.report)).toBe(0);
    expect(again.report).toMatchObject({ rows: 17, valid: 17, written: true });
    expect(again.report.created + again.report.updated + again.report.unchanged).toBe(17);
    expect(t.ledger.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(13 + again.report.created);
  });

  it('is not made when no row was rejected', async () => {
    const { plan, book } = runImport(t.ledger, fixture('roster-clean.xlsx'), 'roster-clean.xlsx', { createOrgs: true, dryRun: true });
    expect(await buildRejectsWorkbook(book, plan)).toBeNull();
  });
});
