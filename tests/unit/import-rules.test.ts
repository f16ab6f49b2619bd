// Every row rule of the contract, each on a row of its own in a generated workbook.
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { analyseFile } from '../../electron/import/analyse';
import { checkCharacter, upgradeLegacyId } from '../../shared/domain/id-number';
import { STANDARD_HEADER, makeId, person, standardRow, xlsxBytes, monthsAgo } from '../fixtures/import/builders';

const sound = person(1);
const soundId = makeId(sound.birth, sound.gender, 1);

/** An ID whose check character is X. */
function idWithX(): string {
  for (let seq = 0; seq < 100; seq++) {
    const first17 = `53010219800501${String(seq).padStart(2, '0')}1`;
    if (checkCharacter(first17) === 'X') return first17 + 'X';
  }
  throw new Error('no X');
}

const withBadCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const toFullWidth = (s: string) => s.replace(/[0-9a-zA-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

type Case = { label: string; row: (string | number | null)[]; codes: string[] };

function caseRow(n: number, over: Partial<Parameters<typeof person>[1]> & { idCell?: string | number | null } = {}): (string | number | null)[] {
  const { idCell, ...p } = over;
  const r = standardRow(person(n, p), n);
  if (idCell !== undefined) r[4] = idCell;
  return r;
}

const legacy15 = '530102650821172';
const precisionText = (() => {
  // A real-looking ID whose last three digits Excel turned into zeros (and whose checksum fails).
  for (let seq = 10; seq < 99; seq++) {
    const id = `5301021980050${seq}`.padEnd(15, '1') + '000';
    if (checkCharacter(id.slice(0, 17)) !== id[17]) return id;
  }
  throw new Error('unreachable');
})();

const CASES: Case[] = [
  { label: 'sound row', row: standardRow(sound, 1), codes: [] },
  { label: 'no name', row: caseRow(2, { name: '' }), codes: ['NAME_MISSING'] },
  { label: 'no ID', row: caseRow(3, { idCell: null }), codes: ['ID_MISSING'] },
  { label: '17 digits', row: caseRow(4, { idCell: makeId('1980-05-05', '女', 4).slice(0, 17) }), codes: ['ID_FORMAT'] },
  { label: 'a letter inside', row: caseRow(5, { idCell: '5301021980A5051234' }), codes: ['ID_FORMAT'] },
  { label: 'no such birth date', row: caseRow(6, { idCell: '53010219800230121' + checkCharacter('53010219800230121') }), codes: ['ID_FORMAT'] },
  { label: 'wrong check character', row: caseRow(7, { idCell: withBadCheck(makeId('1980-05-08', '男', 7)) }), codes: ['ID_CHECKSUM'] },
  // oxlint-disable-next-line no-loss-of-precision -- the test is of exactly that: an ID typed as a number
  { label: 'number cell', row: caseRow(8, { idCell: 530102198005091234 }), codes: ['ID_PRECISION_LOST'] },
  { label: 'scientific text', row: caseRow(9, { idCell: '5.30102E+17' }), codes: ['ID_PRECISION_LOST'] },
  { label: 'trailing zeros text', row: caseRow(10, { idCell: precisionText }), codes: ['ID_PRECISION_LOST'] },
  { label: 'duplicate of row 2', row: caseRow(11, { birth: sound.birth, gender: sound.gender, idCell: soundId }), codes: ['ID_DUPLICATE_IN_FILE'] },
  { label: 'birth date differs', row: (() => { const r = caseRow(12); r[5] = '1980-06-01'; return r; })(), codes: ['BIRTH_MISMATCH'] },
  { label: 'birth year-month agrees', row: (() => { const r = caseRow(13); r[5] = '1980.05'; return r; })(), codes: ['DATE_PARTIAL'] },
  { label: 'birth year-month differs', row: (() => { const r = caseRow(14); r[5] = '1980年6月'; return r; })(), codes: ['BIRTH_MISMATCH', 'DATE_PARTIAL'] },
  { label: 'gender differs', row: (() => { const r = caseRow(15); r[2] = r[2] === '男' ? '女' : '男'; return r; })(), codes: ['GENDER_MISMATCH'] },
  { label: 'date 不详', row: caseRow(16, { joined: '不详' }), codes: ['DATE_INVALID'] },
  { label: 'date 1985.13.40', row: caseRow(17, { confirmed: '1985.13.40' }), codes: ['DATE_INVALID'] },
  { label: 'confirmed before joined', row: caseRow(18, { joined: '2005-07-01', confirmed: '2004-07-01' }), codes: ['DATE_ORDER'] },
  { label: 'joined before 18', row: caseRow(19, { joined: '1997-01-01', confirmed: '1998-01-01' }), codes: ['DATE_ORDER'] },
  { label: 'joined in the future', row: caseRow(20, { kind: '预备党员', joined: '2099-01-01', confirmed: null }), codes: ['DATE_FUTURE'] },
  { label: 'confirmed in the future', row: caseRow(21, { confirmed: '2099-01-01' }), codes: ['DATE_FUTURE'] },
  { label: 'kind 党员', row: caseRow(22, { kind: '党员' }), codes: ['KIND_INVALID'] },
  { label: 'kind 入党积极分子', row: caseRow(23, { kind: '入党积极分子' }), codes: ['KIND_INVALID'] },
  { label: 'probationary with a date', row: caseRow(24, { kind: '预备党员' }), codes: ['PROBATION_WITH_DATE'] },
  { label: '15-digit legacy ID', row: caseRow(25, { idCell: legacy15, gender: '女', birth: '1965-08-21', joined: '1990-01-01', confirmed: '1991-01-01' }), codes: ['ID_LEGACY15'] },
  { label: 'ten-digit phone', row: caseRow(26, { phone: '1380000000' }), codes: ['PHONE_FORMAT'] },
  { label: 'landline without dash, mobile with spaces', row: caseRow(27, { phone: '087165123456 / 138 0000 0000' }), codes: [] },
  { label: 'full member without 转正日期', row: caseRow(28, { joined: '2010-03-01', confirmed: null }), codes: ['FULL_MEMBER_NO_DATE'] },
  { label: 'lowercase x in full width', row: caseRow(29, { idCell: toFullWidth(idWithX().toLowerCase()), birth: '1980-05-01' }), codes: [] },
  { label: '预备 joined recently', row: caseRow(30, { kind: '预备', joined: monthsAgo(6), confirmed: null }), codes: [] },
  { label: 'two errors, one warning', row: caseRow(31, { name: '', kind: '党员', phone: '12345' }), codes: ['NAME_MISSING', 'KIND_INVALID', 'PHONE_FORMAT'] },
  { label: '正式 short form', row: caseRow(32, { kind: '正式' }), codes: [] },
  { label: 'partial dates in the same month are in order', row: caseRow(33, { joined: '2005-07-20', confirmed: '2005.07' }), codes: ['DATE_PARTIAL'] },
  { label: 'ID born in the future (check digit valid)', row: caseRow(34, { idCell: makeId('2099-01-01', '男', 34) }), codes: ['ID_BIRTH_RANGE'] },
  { label: 'ID born before 1900', row: caseRow(35, { idCell: makeId('1899-12-31', '女', 35) }), codes: ['ID_BIRTH_RANGE'] },
];

describe('import rules, one generated row each', async () => {
  const bytes = await xlsxBytes([{ name: 'Sheet1', rows: [STANDARD_HEADER, ...CASES.map((c) => c.row)], textColumns: [] }]);
  const { analysis } = analyseFile(bytes, 'rules.xlsx');

  it('reads every case as a row, numbered as in the sheet', () => {
    expect(analysis.rows.map((r) => r.row)).toEqual(CASES.map((_, i) => i + 2));
  });

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const row = analysis.rows[i]!;
      expect(row.issues.map((x) => x.code).sort()).toEqual([...c.codes].sort());
      expect(row.hasError).toBe(row.issues.some((x) => x.severity === 'error'));
    });
  });

  it('upgrades 15-digit IDs and normalises x and full-width digits', () => {
    expect(analysis.rows[24]!.values.idNumber).toBe(upgradeLegacyId(legacy15));
    expect(upgradeLegacyId(legacy15).slice(6, 14)).toBe('19650821');
    expect(analysis.rows[28]!.values.idNumber).toBe(idWithX());
    expect(analysis.rows[28]!.values.idNumber!.endsWith('X')).toBe(true);
  });

  it('takes gender and birth date from the ID and kinds from both spellings', () => {
    const r = analysis.rows[0]!.values;
    expect(r.gender).toBe('男');
    expect(r.birthDate).toBe(sound.birth);
    expect(analysis.rows[29]!.values.kind).toBe('probationary');
    expect(analysis.rows[31]!.values.kind).toBe('full');
  });

  it('puts each problem on its column, with the file’s header text', () => {
    const dup = analysis.rows[10]!.issues[0]!;
    expect(dup).toMatchObject({ column: '公民身份号码', columnIndex: 4, row: 12, sheet: 'Sheet1' });
    expect(dup.message).toContain('第 2 行');
    const order = analysis.rows[17]!.issues[0]!;
    expect(order).toMatchObject({ column: '转正日期', field: 'confirmedOn' });
  });

  it('infers the kind when 人员类别 is empty', async () => {
    const noKind = (n: number, joined: string, confirmed: string | null) => {
      const r = caseRow(n, { joined, confirmed });
      r[7] = null;
      return r;
    };
    const b = await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, noKind(1, '2005-01-01', '2006-01-01'), noKind(2, monthsAgo(4), null), noKind(3, '2001-01-01', null)] }]);
    const rows = analyseFile(b, 'k.xlsx').analysis.rows;
    expect(rows.map((r) => r.values.kind)).toEqual(['full', 'probationary', 'full']);
    expect(rows.map((r) => r.issues.map((i) => i.code))).toEqual([[], [], ['FULL_MEMBER_NO_DATE']]);
  });

  it('judges the future by the given today', async () => {
    const soon = dayjs().add(10, 'day').format('YYYY-MM-DD');
    const b = await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, caseRow(1, { kind: '预备党员', joined: soon, confirmed: null })] }]);
    expect(analyseFile(b, 'f.xlsx').analysis.rows[0]!.issues.map((i) => i.code)).toEqual(['DATE_FUTURE']);
    const later = dayjs().add(1, 'month').format('YYYY-MM-DD');
    expect(analyseFile(b, 'f.xlsx', { today: later }).analysis.rows[0]!.issues).toEqual([]);
  });
});
