// Generated files for each date form, each header spelling, table layouts, file formats and
// encodings, formulas and rich text, and the files that cannot be read.
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/import/analyse';
import { parseDateNumber, parseDateText } from '../../electron/import/dates';
import { IMPORT_FIELDS } from '../../electron/import/fields';
import { ImportReadError } from '../../electron/import/read';
import { STANDARD_HEADER, csvBytes, encryptedWorkbookBytes, makeId, person, sheetJsBytes, standardRow, xlsxBytes } from '../fixtures/import/builders';

const readError = (bytes: Buffer, name: string): ImportReadError => {
  try {
    analyseFile(bytes, name);
  } catch (e) {
    if (e instanceof ImportReadError) return e;
    throw e;
  }
  throw new Error('read without error');
};

describe('date forms', () => {
  const text: [string, string, boolean][] = [
    ['1985-03-12', '1985-03-12', false],
    ['1985/3/12', '1985-03-12', false],
    ['1985.03.12', '1985-03-12', false],
    ['1985.3', '1985-03-01', true],
    ['1985年3月12日', '1985-03-12', false],
    ['1985年3月', '1985-03-01', true],
    ['19850312', '1985-03-12', false],
    ['198503', '1985-03-01', true],
    ['１９８５．０３．１２', '1985-03-12', false],
    [' 1985-03-12 00:00:00 ', '1985-03-12', false],
    ['1985-3', '1985-03-01', true],
  ];
  for (const [input, iso, partial] of text) {
    it(`text ${input}`, () => expect(parseDateText(input)).toEqual({ kind: 'date', iso, partial }));
  }
  for (const bad of ['1985.13.40', '不详', '1985', '2023-02-29', '85.3.12', '']) {
    it(`rejects ${JSON.stringify(bad)}`, () => expect(parseDateText(bad).kind).toBe('invalid'));
  }
  it('numbers: serials, YYYYMMDD, YYYYMM and 1985.3 typed as numbers', () => {
    expect(parseDateNumber(31118, 'yyyy-mm-dd')).toEqual({ kind: 'date', iso: '1985-03-12', partial: false });
    expect(parseDateNumber(31118)).toEqual({ kind: 'date', iso: '1985-03-12', partial: false });
    expect(parseDateNumber(31107, 'yyyy"年"m"月"')).toEqual({ kind: 'date', iso: '1985-03-01', partial: true });
    expect(parseDateNumber(19850312)).toEqual({ kind: 'date', iso: '1985-03-12', partial: false });
    expect(parseDateNumber(198503)).toEqual({ kind: 'date', iso: '1985-03-01', partial: true });
    expect(parseDateNumber(1985.3)).toEqual({ kind: 'date', iso: '1985-03-01', partial: true });
    expect(parseDateNumber(1985.12)).toEqual({ kind: 'date', iso: '1985-12-01', partial: true });
    expect(parseDateNumber(1985.1, '0.00')).toEqual({ kind: 'date', iso: '1985-10-01', partial: true });
    expect(parseDateNumber(1985).kind).toBe('invalid');
    expect(parseDateNumber(1, 'yyyy-mm-dd')).toEqual({ kind: 'date', iso: '1900-01-01', partial: false });
    expect(parseDateNumber(0, undefined, true).kind).toBe('invalid');
    expect(parseDateNumber(29676, 'yyyy-mm-dd', true)).toEqual({ kind: 'date', iso: '1985-04-01', partial: false });
  });

  it('every form in a real workbook cell, text and date cells alike', async () => {
    const p = person(1, { joined: '2005-07-01', confirmed: null });
    const forms: (string | number | Date)[] = ['2006-07-01', '2006/7/1', '2006.07.01', '2006.7', '2006年7月1日', '2006年7月', '20060701', '200607', new Date(Date.UTC(2006, 6, 1)), 38899, 20060701];
    const rows = forms.map((f, i) => {
      const r = standardRow({ ...p, id: makeId(p.birth, p.gender, i + 10) }, i + 1);
      r[9] = f as string;
      return r;
    });
    const { analysis } = analyseFile(await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, ...rows] }]), 'dates.xlsx');
    expect(analysis.rows.map((r) => r.values.confirmedOn)).toEqual(forms.map(() => '2006-07-01'));
    const partial = analysis.rows.map((r) => r.issues.some((i) => i.code === 'DATE_PARTIAL'));
    expect(partial).toEqual([false, false, false, true, false, true, false, true, false, false, false]);
  });
});

describe('header spellings', () => {
  const contract: Record<string, string[]> = {
    name: ['姓名'], gender: ['性别'], ethnicity: ['民族'], idNumber: ['公民身份号码', '身份证号', '身份证号码', '身份证'],
    birthDate: ['出生日期', '出生年月'], education: ['学历', '文化程度'], kind: ['人员类别', '党员类别', '类别'],
    joinedOn: ['入党日期', '入党时间'], confirmedOn: ['转正日期', '转正时间'], org: ['所在党支部', '所在党组织', '党支部', '支部'],
    employer: ['工作单位及职务', '工作单位'], phone: ['联系电话', '手机', '手机号码', '电话'], address: ['现居住地', '家庭住址', '住址'],
    nativePlace: ['籍贯'], note: ['备注'], category: ['人员分类'],
  };
  const base = { name: '姓名', idNumber: '公民身份号码', gender: '性别' } as Record<string, string>;
  for (const [field, spellings] of Object.entries(contract)) {
    for (const spelling of [...spellings, ...(field === 'name' ? ['姓  名', '*姓名', '姓\n名'] : []), ...(field === 'idNumber' ? ['身份证号码（18位）', '公民身份号码 '] : [])]) {
      it(`${spelling.replace(/\n/g, '\\n')} → ${field}`, async () => {
        const header = Object.entries(base).filter(([f]) => f !== field).map(([, h]) => h);
        header.push(spelling, '民族', '籍贯');
        if (field === 'ethnicity' || field === 'nativePlace') header.splice(header.indexOf(contract[field]![0]!), 1);
        // 人员类别 is the kind when its values are kinds (else it is the member category: see below).
        const bytes = await xlsxBytes([{ name: 'S', rows: [header, header.map((h) => (h === spelling && field === 'kind' ? '正式党员' : 'x'))] }]);
        const { analysis } = analyseFile(bytes, 'h.xlsx');
        const col = analysis.sheets[0]!.table!.columns.find((c) => c.header === spelling.replace(/\s+/g, ' ').trim());
        expect(col?.field).toBe(field);
      });
    }
  }
  it('covers every field the importer writes', () => {
    expect(Object.keys(contract).sort()).toEqual(IMPORT_FIELDS.filter((f) => f !== 'job' && f !== 'extra').sort());
  });
});

describe('table layouts', () => {
  it('finds a two-row merged header under title and unit rows, and stops at blank and summary rows', async () => {
    const p = (n: number) => standardRow(person(n), n);
    const rows = [
      ['青云社区党支部党员花名册'],
      ['填报单位：青云社区党支部（盖章）    填报日期：2026年1月'],
      [],
      ['序号', '基本信息', null, null, null, null, null, '党内信息', null, null, '所在党支部', '工作单位及职务', '联系电话', '现居住地'],
      [null, '姓名', '性别', '民族', '公民身份号码', '出生日期', '学历', '人员类别', '入党日期', '转正日期'],
      p(1), p(2), [], p(3), [4], [5],
      ['合计：3人'], [], ['填表人：张某某      审核人：李某某'],
    ];
    const bytes = await xlsxBytes([{ name: 'Sheet1', rows, merges: ['A1:N1', 'A2:N2', 'B4:G4', 'H4:J4', 'A4:A5', 'K4:K5', 'L4:L5', 'M4:M5', 'N4:N5'] }]);
    const { analysis } = analyseFile(bytes, 'wps.xlsx');
    const sheet = analysis.sheets[0]!;
    expect(sheet.headerRow).toBe(4);
    expect(sheet.table!.columns.map((c) => c.field)).toEqual([null, 'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'education', 'kind', 'joinedOn', 'confirmedOn', 'org', 'employer', 'phone', 'address']);
    expect(sheet.table!.columns[10]!.header).toBe('所在党支部');
    expect(analysis.rows.map((r) => r.row)).toEqual([6, 7, 9]);
    expect(analysis.rows.every((r) => !r.hasError)).toBe(true);
  });

  it('skips a repeated header and a section title merged across the table', async () => {
    const rows = [STANDARD_HEADER, ['金鼎社区第一党支部'], standardRow(person(1), 1), STANDARD_HEADER, standardRow(person(2), 2)];
    const { analysis } = analyseFile(await xlsxBytes([{ name: 'S', rows, merges: ['A2:N2'] }]), 'r.xlsx');
    expect(analysis.rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it('reads every sheet with a member table and lists the others', async () => {
    const branchRows = (n: number) => [STANDARD_HEADER.filter((h) => h !== '所在党支部'), standardRow(person(n), n).filter((_, i) => i !== 10)];
    const bytes = await xlsxBytes([
      { name: '说明', rows: [['填表说明：身份证号请设为文本格式']] },
      { name: '金鼎社区第一党支部', rows: branchRows(1) },
      { name: '金鼎社区第二党支部', rows: branchRows(2) },
      { name: '空表', rows: [] },
    ]);
    const { analysis } = analyseFile(bytes, 'branches.xlsx');
    expect(analysis.ignoredSheets).toEqual(['说明', '空表']);
    expect(analysis.rows.map((r) => [r.sheet, r.row])).toEqual([['金鼎社区第一党支部', 2], ['金鼎社区第二党支部', 2]]);
  });

  it('a hand-made mapping moves a field to another column', async () => {
    const header = ['姓名', '公民身份号码', '性别', '手机', '电话'];
    const id = makeId('1980-05-01');
    const bytes = await xlsxBytes([{ name: 'S', rows: [header, ['甲', id, '男', '1380000', '13800000000']] }]);
    const auto = analyseFile(bytes, 'm.xlsx').analysis;
    expect(auto.sheets[0]!.table!.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'gender', 'phone', null]);
    expect(auto.rows[0]!.issues.map((i) => i.code)).toContain('PHONE_FORMAT');
    const mapped = analyseFile(bytes, 'm.xlsx', { mapping: { S: { 4: 'phone' } } }).analysis;
    expect(mapped.sheets[0]!.table!.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'gender', null, 'phone']);
    expect(mapped.rows[0]!.values.phone).toBe('13800000000');
  });

  it('reads formulas by their value and rich text as plain text', async () => {
    const p = person(1, { gender: '女' });
    const id = makeId(p.birth, '女');
    const row = standardRow(p, 1);
    row[1] = { richText: [{ text: '王', font: { bold: true } }, { text: '秀英' }] } as never;
    row[4] = { formula: `"${id.slice(0, 9)}"&"${id.slice(9)}"`, result: id } as never;
    row[8] = { formula: 'DATE(2005,7,1)', result: new Date(Date.UTC(2005, 6, 1)) } as never;
    const { analysis } = analyseFile(await xlsxBytes([{ name: 'S', rows: [STANDARD_HEADER, row] }]), 'f.xlsx');
    expect(analysis.rows[0]!.values).toMatchObject({ name: '王秀英', idNumber: id, joinedOn: '2005-07-01' });
    expect(analysis.rows[0]!.issues).toEqual([]);
  });
});

describe('file formats and encodings', () => {
  const rows = [STANDARD_HEADER, standardRow(person(1, { name: '䶮𠈌' }), 1), standardRow(person(2, { name: '李 四' }), 2)];

  it('reads .xls (BIFF8) written by another program', () => {
    const { analysis } = analyseFile(sheetJsBytes([{ name: '党员', rows }], 'biff8'), 'old.xls');
    expect(analysis.format).toBe('xls');
    expect(analysis.rows.map((r) => r.values.name)).toEqual(['䶮𠈌', '李四']);
  });

  for (const enc of ['utf8', 'utf8bom', 'gbk', 'gb18030'] as const) {
    it(`reads CSV in ${enc}`, () => {
      const table = enc === 'gbk' ? [rows[0]!, standardRow(person(1, { name: '张三' }), 1), rows[2]!] : rows;
      const { analysis } = analyseFile(csvBytes(table as (string | number | null)[][], enc), `r-${enc}.csv`);
      expect(analysis.format).toBe('csv');
      expect(analysis.rows.map((r) => r.sheet)).toEqual([null, null]);
      expect(analysis.rows[0]!.values.name).toBe(enc === 'gbk' ? '张三' : '䶮𠈌');
      expect(analysis.rows[0]!.values.idNumber).toBe(table[1]![4]);
      expect(analysis.rows.every((r) => !r.hasError)).toBe(true);
    });
  }

  it('numbers CSV rows by record: a quoted line break does not start a row; CRLF, LF and a missing last line end', () => {
    const r1 = standardRow(person(1), 1);
    r1[13] = '昆明市五华区\r\n青云街 1 号';
    const r2 = standardRow(person(2), 2);
    r2[11] = '他说"好"';
    const r3 = standardRow(person(3), 3);
    r3[13] = '第一行\n第二行\n第三行';
    const bytes = csvBytes([STANDARD_HEADER, r1, r2, r3], 'gb18030', '\r\n');
    const { analysis } = analyseFile(bytes, 'q.csv');
    expect(analysis.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(analysis.rows[0]!.values.address).toBe('昆明市五华区 青云街 1 号');
    expect(analysis.rows[1]!.values.employer).toBe('他说"好"');
    const lf = csvBytes([STANDARD_HEADER, r1, r2], 'utf8', '\n');
    expect(analyseFile(lf.subarray(0, lf.length - 1), 'lf.csv').analysis.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('keeps ="…" text and tab-separated files', () => {
    const id = makeId('1980-05-01');
    const text = `姓名\t公民身份号码\t性别\t民族\n张三\t="${id}"\t男\t汉族\n`;
    const { analysis } = analyseFile(Buffer.from(text, 'utf8'), 't.csv');
    expect(analysis.rows[0]!.values.idNumber).toBe(id);
  });
});

describe('files that cannot be imported', () => {
  const cases: [string, Buffer, string, string][] = [
    ['an empty file', Buffer.alloc(0), 'a.xlsx', 'IMPORT_UNREADABLE'],
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'a.xlsx', 'IMPORT_UNREADABLE'],
    ['a corrupt zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 9)]), 'a.xlsx', 'IMPORT_UNREADABLE'],
    ['an encrypted workbook', encryptedWorkbookBytes(), 'a.xlsx', 'IMPORT_ENCRYPTED'],
    ['a sheet without a member table', sheetJsBytes([{ name: '统计', rows: [['支部', '人数'], ['一支部', 3]] }], 'xlsx'), 'a.xlsx', 'IMPORT_NO_TABLE'],
    ['a text file without a member table', Buffer.from('hello, world\n'), 'a.csv', 'IMPORT_NO_TABLE'],
  ];
  for (const [label, bytes, name, code] of cases) {
    it(label, () => {
      const e = readError(bytes, name);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});
