// The member list's search and filters (renderer/pages/members/filter.ts), on hand-made rows.
import { describe, expect, it } from 'vitest';
import type { MemberListRow } from '../../shared/api/members';
import { applyFilter, EMPTY_FILTER, indexRows } from '../../renderer/pages/members/filter';

function row(over: Partial<MemberListRow>): MemberListRow {
  return {
    id: 1, name: '张三', initials: 'zs', pinyin: 'zhangsan', idNumber: '110105198005120113', gender: '男', birthDate: '1980-05-12', education: '大学',
    kind: 'full', joinedOn: '2005-07-01', confirmedOn: '2006-07-01', orgId: 10, orgName: '第一党支部', groupName: null, categories: [], standing: 'normal',
    status: 'active', phone: '13800001111', job: null, mobile: null, missing: [], ...over,
  };
}

const rows = indexRows(
  [
    row({ id: 1 }),
    row({ id: 2, name: '张三丰', initials: 'zsf', pinyin: 'zhangsanfeng', idNumber: '11010519400101001X', birthDate: '1940-01-01', orgId: 11 }),
    row({ id: 3, name: '单雄信', initials: 'sxx', pinyin: 'shanxiongxin', idNumber: '330106199001010027', birthDate: '1990-01-01', kind: 'probationary', categories: ['mobile'], mobile: 'out' }),
    row({ id: 4, name: '李四', initials: 'ls', pinyin: 'lisi', idNumber: '330106197001010011', status: 'transferredOut' }),
    row({ id: 5, name: '王五', initials: 'ww', pinyin: 'wangwu', idNumber: '330106196001010012', standing: 'deceased' }),
    row({ id: 6, name: '赵六', initials: 'zl', pinyin: 'zhaoliu', idNumber: '330106195001010013', standing: 'suspended', missing: ['民族'] }),
  ],
  '2026-06-01',
);
const ids = (f: Partial<typeof EMPTY_FILTER>) => applyFilter(rows, { ...EMPTY_FILTER, ...f }).map((r) => r.id);

describe('member list filter', () => {
  it('lists the roll by default: not transferred out, not left or deceased', () => {
    expect(ids({})).toEqual([1, 2, 3, 6]);
  });

  it('finds by pinyin initials from the start of the name, full pinyin, any part of the name, or ID digits', () => {
    expect(ids({ q: 'zs' })).toEqual([1, 2]);
    expect(ids({ q: 'zsf' })).toEqual([2]);
    expect(ids({ q: 'sxx' })).toEqual([3]); // 单 read as a surname: shan
    expect(ids({ q: 'zhangs' })).toEqual([1, 2]);
    expect(ids({ q: '三丰' })).toEqual([2]);
    expect(ids({ q: 'ZS' })).toEqual([1, 2]);
    expect(ids({ q: '19400101' })).toEqual([2]);
    expect(ids({ q: '01001x' })).toEqual([2]);
    expect(ids({ q: 'xs' })).toEqual([]);
    expect(ids({ q: 'zs 三丰' })).toEqual([2]);
  });

  it('filters by subtree, kind, category, standing, mobile, age band and missing fields', () => {
    expect(ids({ orgIds: new Set([11]) })).toEqual([2]);
    expect(ids({ kind: 'probationary' })).toEqual([3]);
    expect(ids({ mobile: 'out' })).toEqual([3]);
    expect(ids({ mobile: 'none' })).toEqual([1, 2, 6]);
    expect(ids({ standing: 'transferredOut' })).toEqual([4]);
    expect(ids({ standing: 'deceased' })).toEqual([5]);
    expect(ids({ standing: 'suspended' })).toEqual([6]);
    expect(ids({ ageBand: '31-40' })).toEqual([3]); // born 1990-01-01: 36 on 2026-06-01
    expect(ids({ ageBand: '>80' })).toEqual([2]);
    expect(ids({ missingOnly: true })).toEqual([6]);
  });

  it('computes age on the day, birthday not yet reached', () => {
    const [r] = indexRows([row({ birthDate: '1980-06-02' })], '2026-06-01');
    expect(r!.age).toBe(45);
  });
});
