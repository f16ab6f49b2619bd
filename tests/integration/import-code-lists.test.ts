// 学历, 民族 and 工作岗位 onto the code lists of the collection form (issue 17): the importer writes
// common spellings onto them and says so, an unknown value is a warning and never a category of
// its own, and 统一学历写法 cleans a ledger filled before (audited). One dashboard bar for 大学.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { runImport } from '../../electron/import/report';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import { normaliseEducation, normaliseEthnicity, normaliseJob } from '../../shared/domain/code-lists';
import { makeId, xlsxBytes } from '../fixtures/import/builders';
import { tempLedger } from '../helpers/temp-ledger';

const HEAD = ['姓名', '性别', '民族', '公民身份号码', '学历', '工作岗位', '人员类别', '入党日期', '转正日期', '所在党支部'];
const row = (n: number, ethnicity: string, education: string, job: string) =>
  [`码表${n}`, '男', ethnicity, makeId('1980-01-0' + n, '男', 60 + n), education, job, '正式党员', '2005-07-01', '2006-07-01', '青云社区第一党支部'];

describe('code lists', () => {
  it('maps common spellings onto the lists', () => {
    expect(['大学本科', '本科', '大学', '21', '大学本科学历'].map(normaliseEducation)).toEqual(['大学', '大学', '大学', '大学', '大学']);
    expect(['高中', '研究生', '研究生（博士）', '博士', '大专', '技校'].map(normaliseEducation)).toEqual(['普通高中', '硕士研究生', '博士研究生', '博士研究生', '大专', null]);
    expect(['汉', '汉族', '蒙古', '彝族', '火星族'].map(normaliseEthnicity)).toEqual(['汉族', '汉族', '蒙古族', '彝族', null]);
    expect(['职工', '退休', '教师'].map(normaliseJob)).toEqual(['在岗职工', '离退休', null]);
  });

  it('importing 大学本科 and 大学 gives one dashboard bar; the mapping is shown; an unknown value is a warning', async () => {
    const t = await tempLedger();
    try {
      const bytes = await xlsxBytes([{ name: 'Sheet1', rows: [HEAD, row(1, '汉', '大学本科', '职工'), row(2, '汉族', '大学', '在岗职工'), row(3, '汉族', '技校', '教师')] }]);
      const { report } = runImport(t.ledger, bytes, 'codes.xlsx', { createOrgs: true });
      expect(report).toMatchObject({ written: true, created: 3, errors: [] });
      expect(report.valueMappings).toEqual([
        { field: 'ethnicity', from: '汉', to: '汉族', rows: 1 },
        { field: 'education', from: '大学本科', to: '大学', rows: 1 },
        { field: 'job', from: '职工', to: '在岗职工', rows: 1 },
      ]);
      expect(report.warnings.map((w) => `${w.row}|${w.column}|${w.code}`)).toEqual(['4|学历|VALUE_NOT_IN_LIST', '4|工作岗位|VALUE_NOT_IN_LIST']);
      const bars = dashboardSummary(t.ledger, null).byEducation.filter((s) => s.value > 0);
      expect(bars.filter((s) => s.label === '大学')).toEqual([{ label: '大学', value: 2 }]);
      expect(bars.map((s) => s.label)).not.toContain('大学本科');
      expect(bars.map((s) => s.label)).not.toContain('技校');
    } finally {
      t.cleanup();
    }
  });

  it('统一学历写法 rewrites a ledger filled before, through the member service, audited', async () => {
    const t = await tempLedger();
    try {
      const bytes = await xlsxBytes([{ name: 'Sheet1', rows: [HEAD, row(1, '汉族', '大学', '在岗职工'), row(2, '汉族', '大学', '在岗职工'), row(3, '汉族', '大学', '在岗职工')] }]);
      runImport(t.ledger, bytes, 'codes.xlsx', { createOrgs: true });
      // As an older import left them: typed spellings.
      t.ledger.db.prepare("UPDATE members SET education = '大学本科', ethnicity = '汉' WHERE name = '码表1'").run();
      t.ledger.db.prepare("UPDATE members SET education = '技校' WHERE name = '码表3'").run();
      expect(dashboardSummary(t.ledger, null).byEducation.filter((s) => s.value > 0).map((s) => s.label)).toContain('大学本科');

      const state = new SessionState(t.path);
      state.ledger = t.ledger;
      const r = await dispatch(state, 'import.unifySpellings', {});
      expect(r).toMatchObject({ ok: true });
      const result = (r as { value: unknown }).value;
      expect(result).toEqual({
        members: 1, skipped: 0,
        changes: [{ field: 'education', from: '大学本科', to: '大学', members: 1 }, { field: 'ethnicity', from: '汉', to: '汉族', members: 1 }],
        unknown: [{ field: 'education', value: '技校', members: 1 }],
      });
      expect(dashboardSummary(t.ledger, null).byEducation.filter((s) => s.label === '大学')).toEqual([{ label: '大学', value: 2 }]);
      const audit = t.ledger.db.prepare("SELECT summary FROM audit_log WHERE summary LIKE '统一学历%'").pluck().all();
      expect(audit).toEqual(['统一学历等写法：1 名党员，学历“大学本科”→“大学”1 人，民族“汉”→“汉族”1 人']);
      expect(t.ledger.db.prepare("SELECT count(*) FROM member_events WHERE type = 'fieldsUpdated'").pluck().get()).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});
