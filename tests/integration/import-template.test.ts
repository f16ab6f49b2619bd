// import-template: the blank template the importer reads back without a complaint. As it comes:
// only NO_DATA (its example row skipped, its code-list sheet ignored); filled with the shared
// fixtures' rows: every row imported, no error, no warning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/import/analyse';
import { runImport } from '../../electron/import/report';
import { TEMPLATE_FIELDS } from '../../electron/import/template';
import type { MemberValues } from '../../electron/import/rows';
import { MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS } from '../../shared/domain/member';
import { runCli } from '../helpers/cli';
import { tempDir, tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

function cellOf(v: MemberValues, f: (typeof TEMPLATE_FIELDS)[number]): string | null {
  if (f === 'extra') return null;
  if (f === 'kind') return v.kind ? MEMBER_KIND_LABELS[v.kind] : null;
  if (f === 'category') return v.categories?.map((c) => MEMBER_CATEGORY_LABELS[c]).join('、') || null;
  return (v[f] as string | undefined) ?? null;
}

// Each CLI run starts tsx: seconds apiece on a busy machine.
describe('import-template', { timeout: 240_000 }, () => {
  it('as it comes: no data, the example row skipped, the code lists ignored', async () => {
    const d = tempDir();
    const t = await tempLedger();
    try {
      const out = path.join(d.dir, 'template.xlsx');
      const r = runCli(['import-template', '--out', out]);
      expect(r.code).toBe(0);
      const { report } = runImport(t.ledger, readFileSync(out), 'template.xlsx', { createOrgs: true });
      expect(report.fileErrors.map((e) => e.code)).toEqual(['NO_DATA']);
      expect(report).toMatchObject({ errors: [], warnings: [], unmappedColumns: [], ignoredSheets: ['代码表'] });
      expect(report.skippedRows.map((s) => `${s.row}:${s.reason}`)).toEqual(['2:example']);
      expect(runCli(['import-template']).code).toBe(2);
    } finally {
      t.cleanup();
      d.cleanup();
    }
  });

  for (const fixture of ['roster-clean.xlsx', 'roster-gbk.csv']) {
    it(`filled with ${fixture}'s rows: imported without a complaint`, async () => {
      const d = tempDir();
      const t = await tempLedger();
      try {
        const out = path.join(d.dir, 'template.xlsx');
        expect(runCli(['import-template', '--out', out]).code).toBe(0);
        const source = analyseFile(readFileSync(path.join(FIXTURES, fixture)), fixture).analysis.rows.filter((r) => r.issues.length === 0);
        expect(source.length).toBeGreaterThan(20);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('党员花名册')!;
        source.forEach((r, i) => {
          const row = ws.getRow(i + 3);
          row.getCell(1).value = i + 1;
          TEMPLATE_FIELDS.forEach((f, c) => { row.getCell(c + 2).value = cellOf(r.values, f); });
        });
        const filled = Buffer.from(await wb.xlsx.writeBuffer());
        const { report } = runImport(t.ledger, filled, 'filled.xlsx', { createOrgs: true });
        expect(report).toMatchObject({ fileErrors: [], errors: [], warnings: [], unmappedColumns: [], written: true, created: source.length });
      } finally {
        t.cleanup();
        d.cleanup();
      }
    });
  }
});
