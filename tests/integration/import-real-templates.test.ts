// Rosters shaped like real templates (tests/fixtures/import/real-templates.ts) imported into an
// empty encrypted ledger with --create-orgs: the outcome of real/expected/<file>.json exactly, and a
// file with a file-level problem writes nothing, not even an audit entry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraFieldsOf } from '../../electron/import/extras';
import { exitCodeOf, runImport } from '../../electron/import/report';
import { findMemberByIdNumber } from '../../electron/ledger/members';
import { MEMBER_KIND_LABELS } from '../../shared/domain/member';
import { type Expected, REAL_DIR, TEMPLATES } from '../fixtures/import/real-templates';
import { tempLedger } from '../helpers/temp-ledger';

const key = (i: { sheet: string | null; row: number; code: string }) => `${i.sheet}|${i.row}|${i.code}`;

describe('real templates', () => {
  for (const { expected: declared } of TEMPLATES) {
    it(declared.file, async () => {
      const expected = JSON.parse(readFileSync(path.join(REAL_DIR, 'expected', `${declared.file}.json`), 'utf8')) as Expected;
      expect(expected).toEqual(declared); // the committed JSON is the builder's declaration
      const bytes = readFileSync(path.join(REAL_DIR, expected.file));
      const t = await tempLedger();
      try {
        const { ledger } = t;
        const auditBefore = ledger.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
        const { report, plan } = runImport(ledger, bytes, expected.file, { createOrgs: true });
        expect(exitCodeOf(report)).toBe(expected.exit);
        expect(report).toMatchObject({ format: expected.format, rows: expected.rows, valid: expected.valid, ignoredSheets: expected.ignoredSheets });
        expect(report.fileErrors.map((e) => `${e.sheet}|${e.code}`)).toEqual(expected.fileErrors.map((e) => `${e.sheet}|${e.code}`));
        for (const e of report.fileErrors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
        expect(report.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, code: e.code }))).toEqual(expected.errors);
        expect(report.warnings.map(key).sort()).toEqual(expected.warnings.map(key).sort());
        for (const w of expected.warnings) expect(report.warnings.find((x) => key(x) === key(w))?.column).toBe(w.column);
        expect(report.skippedRows.map((s) => ({ sheet: s.sheet, row: s.row, reason: s.reason }))).toEqual(expected.skipped);
        expect(report.unmappedColumns).toEqual(expected.unmappedColumns);

        const members = ledger.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
        expect(members).toBe(expected.exit === 0 ? expected.valid : 0);
        if (expected.fileErrors.length > 0) {
          // Nothing written, whatever the options: not even the audit entry of an empty import.
          runImport(ledger, bytes, expected.file, { createOrgs: true, skipInvalid: true });
          expect(ledger.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
          expect(ledger.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
        }
        expect(ledger.db.prepare("SELECT count(*) FROM orgs WHERE name = '报名表'").pluck().get()).toBe(0);
        // Rows with errors: the valid ones written with --skip-invalid, to look at what they hold.
        if (expected.exit === 1 && expected.valid > 0) runImport(ledger, bytes, expected.file, { createOrgs: true, skipInvalid: true });

        for (const spot of expected.spotChecks) {
          const row = plan.rows.find((r) => r.source.sheet === spot.sheet && r.source.row === spot.row)!;
          expect(row, `row ${spot.row}`).toBeDefined();
          const m = findMemberByIdNumber(ledger, row.source.values.idNumber!)!;
          if (spot.kind) expect(MEMBER_KIND_LABELS[m.kind]).toBe(spot.kind);
          if (spot.employer) expect(m.employer).toBe(spot.employer);
          if (spot.phone) expect(m.phone).toBe(spot.phone);
          if (spot.categories) expect(m.categories).toEqual(spot.categories);
          if (spot.extras) expect(Object.fromEntries(extraFieldsOf(ledger, m.id).map((f) => [f.name, f.value]))).toEqual(spot.extras);
          if (spot.org) expect(ledger.db.prepare('SELECT name FROM orgs WHERE id = ?').pluck().get(m.orgId)).toBe(spot.org);
        }
      } finally {
        t.cleanup();
      }
    });
  }
});
