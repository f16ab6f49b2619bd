// Every shared fixture imported into an empty encrypted ledger with --create-orgs: the outcome
// of expected/<file>.json, then (with --skip-invalid) the members the ledger holds.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, runImport } from '../../electron/import/report';
import { findMemberByIdNumber } from '../../electron/ledger/members';
import { MEMBER_KIND_LABELS } from '../../shared/domain/member';
import { tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => /\.(xlsx|xls|csv)$/i.test(f)) : [];
const key = (i: { sheet: string | null; row: number; code: string }) => `${i.sheet}|${i.row}|${i.code}`;

describe('shared fixtures into an empty ledger', () => {
  it('finds the fixtures beside the repository', () => expect(files.length).toBeGreaterThanOrEqual(6));

  for (const file of files) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected', `${file}.json`), 'utf8'));
      const bytes = readFileSync(path.join(FIXTURES, file));
      const t = await tempLedger();
      try {
        const { ledger } = t;
        const { report } = runImport(ledger, bytes, file, { createOrgs: true });
        expect(exitCodeOf(report)).toBe(expected.exit);
        expect(report).toMatchObject({ file, format: expected.format, rows: expected.rows, valid: expected.valid, ignoredSheets: expected.ignoredSheets });
        expect(report.errors.map(key).sort()).toEqual(expected.errors.map(key).sort());
        if (expected.warningsComplete) expect(report.warnings.map(key).sort()).toEqual(expected.warnings.map(key).sort());
        else for (const w of expected.warnings) expect(report.warnings.map(key)).toContain(key(w));

        const memberCount = () => ledger.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
        // Errors and no --skip-invalid: nothing written.
        expect(report.written).toBe(expected.exit === 0);
        expect(memberCount()).toBe(expected.exit === 0 ? expected.valid : 0);

        if (expected.exit !== 0) {
          const skipped = runImport(ledger, bytes, file, { createOrgs: true, skipInvalid: true }).report;
          expect(skipped).toMatchObject({ written: true, created: expected.valid, updated: 0, unchanged: 0 });
          expect(exitCodeOf(skipped)).toBe(1);
        }
        const byBranch = Object.fromEntries(
          (ledger.db.prepare('SELECT o.name, count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id GROUP BY o.name').all() as { name: string; n: number }[]).map((r) => [r.name, r.n]),
        );
        expect(byBranch).toEqual(expected.validByBranch);

        for (const spot of expected.spotChecks) {
          const m = findMemberByIdNumber(ledger, spot['公民身份号码'])!;
          expect(m, spot['姓名']).toBeDefined();
          const org = ledger.db.prepare('SELECT name FROM orgs WHERE id = ?').pluck().get(m.orgId);
          expect({
            姓名: m.name, 出生日期: m.birthDate, 入党日期: m.joinedOn, 转正日期: m.confirmedOn,
            人员类别: MEMBER_KIND_LABELS[m.kind], 联系电话: m.phone, 所在党支部: org,
          }).toEqual({
            姓名: spot['姓名'], 出生日期: spot['出生日期'], 入党日期: spot['入党日期'], 转正日期: spot['转正日期'],
            人员类别: spot['人员类别'], 联系电话: spot['联系电话'], 所在党支部: spot['所在党支部'],
          });
        }

        // The same file again changes nothing.
        const again = runImport(ledger, bytes, file, { createOrgs: true, skipInvalid: true }).report;
        expect(again).toMatchObject({ created: 0, updated: 0, unchanged: expected.valid });
      } finally {
        t.cleanup();
      }
    });
  }
});
