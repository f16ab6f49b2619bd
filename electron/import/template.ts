// 下载空白模板 / import-template: a roster the importer reads back without a single complaint —
// the recognised columns under their standard titles, one example row marked 示例 (skipped on
// import), ID and date columns formatted as text, and the code lists on a sheet of their own.
import ExcelJS from 'exceljs';
import { IMPORT_FIELD_LABELS, type ImportField } from '../../shared/api/import';
import { ETHNICITIES } from '../../shared/domain/code-lists';
import { EDUCATION, JOBS, MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS } from '../../shared/domain/member';

export const TEMPLATE_FILE_NAME = '党员花名册导入模板.xlsx';

/** The template's columns in roster order, after 序号. */
export const TEMPLATE_FIELDS: ImportField[] = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'nativePlace', 'education', 'kind', 'joinedOn', 'confirmedOn',
  'org', 'employer', 'job', 'phone', 'address', 'category', 'note',
];

const EXAMPLE: Record<ImportField, string> = {
  name: '张三', gender: '男', ethnicity: '汉族', idNumber: '530102198503120011', birthDate: '1985-03-12', nativePlace: '云南昆明',
  education: '大学', kind: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01', org: '某某社区第一党支部',
  employer: '某某公司职员', job: '在岗职工', phone: '13800000000', address: '昆明市五华区某某路1号', category: '在职', note: '', extra: '',
};

const TEXT_FIELDS = new Set<ImportField>(['idNumber', 'birthDate', 'joinedOn', 'confirmedOn', 'phone']);

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员花名册');
  const header = ['序号', ...TEMPLATE_FIELDS.map((f) => IMPORT_FIELD_LABELS[f])];
  ws.addRow(header);
  ws.addRow(['示例', ...TEMPLATE_FIELDS.map((f) => EXAMPLE[f])]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  TEMPLATE_FIELDS.forEach((f, i) => {
    const col = ws.getColumn(i + 2);
    col.width = f === 'idNumber' || f === 'address' || f === 'org' || f === 'employer' ? 22 : 12;
    // Text, so Excel keeps all 18 digits of an ID and dates as typed.
    if (TEXT_FIELDS.has(f)) col.numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const codes = wb.addWorksheet('代码表');
  const lists: [string, readonly string[]][] = [
    ['学历代码', EDUCATION.map((e) => e.code)],
    ['学历', EDUCATION.map((e) => e.label)],
    ['民族', ETHNICITIES],
    ['人员类别', Object.values(MEMBER_KIND_LABELS)],
    ['工作岗位', JOBS],
    ['人员分类', Object.values(MEMBER_CATEGORY_LABELS)],
  ];
  lists.forEach(([title, values], c) => {
    codes.getCell(1, c + 1).value = title;
    codes.getCell(1, c + 1).font = { bold: true };
    values.forEach((v, r) => { codes.getCell(r + 2, c + 1).value = v; });
    codes.getColumn(c + 1).width = 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
