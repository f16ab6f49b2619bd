// The pure parts of printing: line breaking, glyph fallback, column sizing, period labels, and
// the workbook's print setup, on hand-made documents.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chineseDate, layoutPdfTable, measureColumns, periodLabel, usableWidth } from '../../shared/reports/conventions';
import { GlyphChecker, MISSING_GLYPH_PLACEHOLDER } from '../../shared/reports/glyphs';
import type { Column, RegisterDoc } from '../../shared/reports/model';
import { toPdfDefinition } from '../../shared/reports/pdf';
import { buildRoster, type RosterMember } from '../../shared/reports/registers/roster';
import { wrapText } from '../../shared/reports/wrap';
import { toWorkbook } from '../../shared/reports/xlsx';

describe('wrapText', () => {
  it('breaks between Chinese characters at the width', () => {
    expect(wrapText('锦澜街道望江新村二十一幢', 5)).toEqual(['锦澜街道望', '江新村二十', '一幢']);
  });
  it('keeps a run of digits whole when it fits on a line of its own', () => {
    expect(wrapText('望江新村21幢1103室', 6)).toEqual(['望江新村21', '幢1103室']);
    expect(wrapText('电话13812345678', 8)).toEqual(['电话', '13812345678']);
  });
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const lines = wrapText('原市第五中学（已退休），党员', 6);
    for (const l of lines) {
      expect('，。、）'.includes(l[0]!)).toBe(false);
      expect(l.endsWith('（')).toBe(false);
    }
    expect(lines.join('')).toBe('原市第五中学（已退休），党员');
  });
  it('does not break inside parentheses when the parenthesised part fits on a line', () => {
    expect(wrapText('流出（流入）地', 5)).toEqual(['流出', '（流入）地']);
    expect(wrapText('望江新村21幢（租住房屋）', 9)).toEqual(['望江新村21幢', '（租住房屋）']);
    // Longer than a line: broken like any other text.
    expect(wrapText('（参加次数/应参加次数）', 4).join('')).toBe('（参加次数/应参加次数）');
  });
  it('never starts a line with 「）、」: both closing marks go down with the character before them', () => {
    const absent = '张洪涛（因病，住院治疗）、张亚娟（因病，住院治疗）、李雪梅（外出，在外地照顾子女）、陈冬梅（因病，腿脚不便）、周秋菊（因病，腿脚不便）';
    for (let w = 12; w <= 40; w++) {
      const lines = wrapText(absent, w);
      expect(lines.join('')).toBe(absent);
      for (const l of lines) expect('，。、）'.includes(l[0]!), `${w}: ${lines.join(' | ')}`).toBe(false);
    }
  });
  it('keeps explicit line breaks', () => {
    expect(wrapText('甲\n乙丙', 10)).toEqual(['甲', '乙丙']);
  });
});

describe('GlyphChecker', () => {
  // The main font has the Basic Multilingual Plane, the fallback one Extension B character.
  const extB = new Set(['𠮷'.codePointAt(0)!]);
  const checker = () => new GlyphChecker([
    { name: 'Main', hasGlyph: (cp) => cp <= 0xffff },
    { name: 'ExtB', hasGlyph: (cp) => extB.has(cp) },
  ]);

  it('passes covered text through unchanged', () => {
    const g = checker();
    expect(g.runs('张三 李四')).toBe('张三 李四');
    expect(g.warnings()).toEqual([]);
  });
  it('sends characters the main font lacks to the fallback font', () => {
    const g = checker();
    expect(g.runs('王𠮷')).toEqual([{ text: '王' }, { text: '𠮷', font: 'ExtB' }]);
    expect(g.warnings()).toEqual([]);
  });
  it('leaves a blank to write in, and says so, for a character no font has', () => {
    const g = checker();
    expect(g.runs('王𪚥')).toEqual([{ text: `王${MISSING_GLYPH_PLACEHOLDER}` }]);
    expect(g.warnings()).toHaveLength(1);
    expect(g.warnings()[0]).toContain('U+2A6A5');
    expect(g.missingIn('王𪚥李')).toEqual(['𪚥']);
  });
  it('is applied to every string of a PDF definition', () => {
    const g = checker();
    const doc: RegisterDoc = {
      register: 'roster', title: '测试', printedOn: '2025-06-30', warnings: [],
      sections: [{ title: '王𪚥', unit: '', period: '', orientation: 'portrait', sheet: 'x', blocks: [{ type: 'table', columns: [{ header: '姓名' }], rows: [['王𪚥']] }] }],
    };
    JSON.stringify(toPdfDefinition(doc, { glyphs: g, font: 'Main' }));
    expect(g.warnings()).toHaveLength(1);
  });
});

describe('column layout', () => {
  const columns: Column[] = [
    { header: '序号', kind: 'number' },
    { header: '姓名', wrap: false },
    { header: '公民身份号码', kind: 'code' },
    { header: '现居住地', max: 18 },
  ];
  const rows = [[1, '阿卜杜·热合曼', '110101199003071234', '锦澜街道望江新村二十一幢四单元一一零三室，长期居住外地']];

  it('gives columns that must not wrap their whole width and the rest to text', () => {
    const fits = measureColumns(columns, rows);
    const { fontSize, widths } = layoutPdfTable(fits, 'portrait', 6);
    expect(widths[2]!).toBeGreaterThanOrEqual(18 * 0.6 * fontSize);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(usableWidth('portrait') - 4 * 6 + 0.01);
    expect(fontSize).toBeGreaterThanOrEqual(7.5);
  });
  it('gives a header room for whole characters on at most two lines', () => {
    const narrow: Column[] = [{ header: '备注', max: 4 }, { header: '副科级以上干部', kind: 'center' }];
    const fits = measureColumns(narrow, [['', '是']]);
    expect(fits[0]!.min).toBeGreaterThan(4);
    // Seven characters: four on the first line, three on the second, never 3 + 3 + 1.
    expect(fits[1]!.want).toBeGreaterThanOrEqual(8);
  });
  it('shrinks the type for wide tables rather than squeezing figures', () => {
    const wide: Column[] = Array.from({ length: 12 }, (_, i) => ({ header: `日期${i}`, kind: 'date' }));
    const { fontSize } = layoutPdfTable(measureColumns(wide, [wide.map(() => '2025-01-01')]), 'portrait', 6);
    expect(fontSize).toBeLessThan(9);
  });
});

describe('labels', () => {
  it('names periods as a clerk writes them', () => {
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' }, 'year')).toBe('2025年度');
    expect(periodLabel({ from: '2025-01-01', to: '2025-06-30' }, 'range')).toBe('2025年1月1日至2025年6月30日');
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' }, 'asOf')).toBe('截至2025年12月31日');
    expect(chineseDate('2025-03-07')).toBe('2025年3月7日');
  });
});

describe('the workbook of a register', () => {
  const member = (name: string, id: string): RosterMember => ({
    name, gender: '女', ethnicity: '汉族', idNumber: id, birthDate: '1990-03-07', nativePlace: '浙江杭州', education: '大学', kind: '正式党员',
    joinedOn: '2012-07-01', confirmedOn: '2013-07-01', groupName: '第一党小组', employer: '锦澜街道办事处', phone: '13812345678', address: '望江新村21幢', remark: null,
  });
  const doc = buildRoster({
    unit: '锦澜街道党工委', period: { from: '2025-01-01', to: '2025-12-31' }, printedOn: '2025-12-31', maskIds: false,
    branches: [
      { name: '第一党支部', members: [member('张三', '110101199003071234'), member('李四', '11010119900307123X')] },
      { name: '第二党支部', members: [member('王五', '110101198001010017')] },
    ],
  });

  it('has the title, the column headers, one row per member under each branch, and IDs as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toWorkbook(doc).xlsx.writeBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('党员花名册');
    expect(ws.getCell('A1').value).toBe('党员花名册');
    const header = ws.getRow(3).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['序号', '姓名', '性别', '民族', '公民身份号码']);
    const ids: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(5).value;
      if (typeof v === 'string' && /^\d{17}/.test(v)) {
        ids.push(v);
        expect(row.getCell(5).numFmt).toBe('@');
      }
    });
    expect(ids).toEqual(['110101199003071234', '11010119900307123X', '110101198001010017']);
    expect(ws.getCell('N5').value).toBe('13812345678');
  });

  it('prints on A4 landscape, one page wide, the header repeated and frozen', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toWorkbook(doc).xlsx.writeBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.printArea).toMatch(/^A1:P\d+$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    // Widths fit Chinese text: the ID column takes 18 digits, the name column a few characters.
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(18);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6);
  });

  it('masks ID numbers on request, in every format alike', () => {
    const masked = buildRoster({ unit: 'x', period: { from: '2025-01-01', to: '2025-12-31' }, printedOn: '2025-12-31', maskIds: true, branches: [{ name: 'b', members: [member('张三', '110101199003071234')] }] });
    const json = JSON.stringify(masked);
    expect(json).toContain('110101********1234');
    expect(json).not.toContain('110101199003071234');
  });
});

describe('scores', () => {
  it('print with two decimals in both formats, in the table and in running text', async () => {
    const { buildAssessmentSummary } = await import('../../shared/reports/registers/assessment-summary');
    const doc = buildAssessmentSummary({
      unit: '锦澜街道党工委', period: { from: '2025-01-01', to: '2025-12-31' }, printedOn: '2025-12-31', maskIds: false, year: 2025,
      bands: '90 分以上为“优秀”',
      levels: [{ level: 'branch', categories: [{ category: '领导班子好', points: 20 }], lines: [{ rank: 1, org: '望江社区第一党支部', categories: [19.5], total: 90, grade: '优秀', confirmed: true }] }],
    });
    const pdf = JSON.stringify(toPdfDefinition(doc, { glyphs: new GlyphChecker([{ name: 'Main', hasGlyph: () => true }]), font: 'Main' }));
    expect(pdf).toContain('"19.50"');
    expect(pdf).toContain('"90.00"');
    const ws = toWorkbook(doc).worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const total = cells.find((c) => c.value === 90)!;
    expect(total.numFmt).toBe('0.00');
    expect(cells.find((c) => c.value === 19.5)!.numFmt).toBe('0.00');
  });
});

describe('what is kept together on a page', () => {
  const glyphs = new GlyphChecker([{ name: 'Main', hasGlyph: () => true }]);
  const section = (blocks: RegisterDoc['sections'][number]['blocks']): RegisterDoc => ({
    register: 'contract', title: '责任书', printedOn: '2025-12-31', warnings: [],
    sections: [{ title: '责任书', unit: '', period: '', orientation: 'portrait', sheet: '责任书', blocks }],
  });
  it('a heading with its paragraph, and the signatures with the paragraph and heading before them', () => {
    const def = toPdfDefinition(section([
      { type: 'text', style: 'heading', text: '二、考核办法' }, { type: 'text', text: '正文甲' },
      { type: 'text', style: 'heading', text: '三、其他' }, { type: 'text', text: '正文乙' },
      { type: 'signatures', items: ['甲方（盖章）：', '乙方（盖章）：'], dated: true },
    ]), { glyphs, font: 'Main' });
    const kept = (def.content as unknown as Record<string, unknown>[]).filter((c) => c.unbreakable).map((c) => JSON.stringify(c));
    expect(kept).toHaveLength(2);
    expect(kept[0]).toContain('二、考核办法');
    expect(kept[0]).toContain('正文甲');
    expect(kept[1]).toContain('三、其他');
    expect(kept[1]).toContain('甲方（盖章）：');
  });
  it('the signatures in the last row of the table above them, with its last two rows, each table with header cells of its own', () => {
    const rows = Array.from({ length: 6 }, (_, i) => [i + 1, `党员${i + 1}`]);
    const def = toPdfDefinition(section([
      { type: 'table', columns: [{ header: '序号', kind: 'number' }, { header: '姓名' }], rows, captions: [{ before: 0, text: '第一支部' }, { before: 3, text: '第二支部' }] },
      { type: 'text', style: 'note', text: '合计：6 名' },
      { type: 'signatures', items: ['填表人：'] },
    ]), { glyphs, font: 'Main' });
    const stack = (def.content as unknown as { stack?: { table: { body: unknown[][]; headerRows: number } }[] }[]).find((c) => c.stack)!.stack!;
    expect(stack).toHaveLength(2);
    const [first, second] = stack.map((t) => t.table);
    // No cell object is shared between the two tables' headers.
    expect(first!.body[1]).not.toBe(second!.body[1]);
    for (let i = 0; i < first!.body[1]!.length; i++) if (typeof first!.body[1]![i] === 'object') expect(first!.body[1]![i]).not.toBe(second!.body[1]![i]);
    const last = JSON.stringify(second!.body.at(-1));
    expect(last).toContain('填表人：');
    expect(last).toContain('合计：6 名');
    expect(last).toContain('党员5');
    expect(last).toContain('党员6');
    expect(JSON.stringify(second!.body.slice(0, -1))).not.toContain('党员5');
  });
});
