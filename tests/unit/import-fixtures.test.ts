// The shared fixtures (../shared/fixtures) read and checked without a ledger: every error and
// warning on its row, rows/valid counts, ignored sheets, and the values of the spot-checked rows.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/import/analyse';
import { MEMBER_KIND_LABELS } from '../../shared/domain/member';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const TODAY = '2026-11-22';

type Expected = {
  format: string; rows: number; valid: number; ignoredSheets: string[];
  errors: { sheet: string | null; row: number; code: string }[];
  warnings: { sheet: string | null; row: number; code: string }[];
  warningsComplete: boolean;
  validByBranch: Record<string, number>;
  spotChecks: Record<string, string | number | null>[];
};

const key = (i: { sheet: string | null; row: number; code: string }) => `${i.sheet}|${i.row}|${i.code}`;
const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => /\.(xlsx|xls|csv)$/i.test(f)) : [];

describe('shared fixtures, read and validated', () => {
  it('finds the fixtures beside the repository', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected', `${file}.json`), 'utf8')) as Expected;
      const { analysis } = analyseFile(readFileSync(path.join(FIXTURES, file)), file, { today: TODAY });
      expect(analysis.format).toBe(expected.format);
      expect(analysis.rows.length).toBe(expected.rows);
      expect(analysis.rows.filter((r) => !r.hasError).length).toBe(expected.valid);
      expect(analysis.ignoredSheets).toEqual(expected.ignoredSheets);

      const issues = analysis.rows.flatMap((r) => r.issues);
      expect(issues.filter((i) => i.severity === 'error').map(key).sort()).toEqual(expected.errors.map(key).sort());
      const warnings = issues.filter((i) => i.severity === 'warning').map(key).sort();
      if (expected.warningsComplete) expect(warnings).toEqual(expected.warnings.map(key).sort());
      else for (const w of expected.warnings) expect(warnings).toContain(key(w));
      // Every problem names its column, in the file's own words, and says what to do in Chinese.
      for (const i of issues) {
        expect(i.column).not.toBe('');
        expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      }

      const byBranch: Record<string, number> = {};
      for (const r of analysis.rows) if (!r.hasError) byBranch[r.values.org!] = (byBranch[r.values.org!] ?? 0) + 1;
      expect(byBranch).toEqual(expected.validByBranch);

      for (const spot of expected.spotChecks) {
        const row = analysis.rows.find((r) => r.sheet === spot.sheet && r.row === spot.row);
        expect(row, `row ${spot.row}`).toBeDefined();
        const v = row!.values;
        expect({
          姓名: v.name, 公民身份号码: v.idNumber, 出生日期: v.birthDate, 入党日期: v.joinedOn ?? null,
          转正日期: v.confirmedOn ?? null, 人员类别: MEMBER_KIND_LABELS[v.kind!], 联系电话: v.phone, 所在党支部: v.org,
        }).toEqual({
          姓名: spot['姓名'], 公民身份号码: spot['公民身份号码'], 出生日期: spot['出生日期'], 入党日期: spot['入党日期'],
          转正日期: spot['转正日期'], 人员类别: spot['人员类别'], 联系电话: spot['联系电话'], 所在党支部: spot['所在党支部'],
        });
      }
    });
  }
});
