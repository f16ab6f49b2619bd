// Columns the ledger has no field for, kept as extra fields on the member (issue 14, item 5):
// chosen by hand (--map "学工号=extra", the wizard's 保留为附加信息), written with the import, listed
// as a change when they differ on a re-import, and printed in the 采集表's remarks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraFieldsOf } from '../../electron/import/extras';
import { runImport } from '../../electron/import/report';
import { memberFormData } from '../../electron/reports/queries/members';
import { resolveScope } from '../../electron/reports/scope';
import { REAL_DIR } from '../fixtures/import/real-templates';
import { tempLedger } from '../helpers/temp-ledger';

describe('extra fields', () => {
  it('keeps unknown columns on the member, updates them, and prints them in the 采集表', async () => {
    const t = await tempLedger();
    try {
      const bytes = readFileSync(path.join(REAL_DIR, 'two-join-dates.xlsx'));
      const mapByHeader = { 学工号: 'extra', 党内职务: 'extra' } as const;
      const { report } = runImport(t.ledger, bytes, 'two-join-dates.xlsx', { createOrgs: true, mapByHeader });
      expect(report).toMatchObject({ written: true, created: 2, unmappedColumns: [{ sheet: 'Sheet1', columns: ['入党介绍人', '邮箱', '组织关系转入时间'] }] });
      const id = t.ledger.db.prepare("SELECT id FROM members WHERE name = '双日一'").pluck().get() as number;
      expect(extraFieldsOf(t.ledger, id).map((e) => [e.name, e.value])).toEqual([['党内职务', '组织委员'], ['学工号', '20120001']]);

      // The same file again: nothing changes; a different value is an update listed before writing.
      expect(runImport(t.ledger, bytes, 'two-join-dates.xlsx', { createOrgs: true, mapByHeader }).report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      t.ledger.db.prepare("UPDATE member_extra_fields SET value = '宣传委员' WHERE name = '党内职务'").run();
      const again = runImport(t.ledger, bytes, 'two-join-dates.xlsx', { createOrgs: true, mapByHeader });
      expect(again.report).toMatchObject({ updated: 1, unchanged: 1 });
      expect(again.plan.rows.find((r) => r.action === 'update')!.changes).toEqual([{ field: 'extra', label: '附加信息“党内职务”', before: '宣传委员', after: '组织委员' }]);
      expect(extraFieldsOf(t.ledger, id).find((e) => e.name === '党内职务')!.value).toBe('组织委员');

      const form = memberFormData(t.ledger, resolveScope(t.ledger, {}, {}), {});
      expect(form.members.find((m) => m.name === '双日一')!.note).toBe('党内职务：组织委员；学工号：20120001');
    } finally {
      t.cleanup();
    }
  });
});
