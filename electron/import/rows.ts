// Steps 3–4: one roster row → normalised member values and every problem of the row, with the
// column it sits in. Pure: no ledger (org checks come later, in plan.ts).
import { idBirthDate, idGender, idNumberProblem, idProblemMessage, upgradeLegacyId } from '../../shared/domain/id-number';
import { EDUCATION_LABELS, normaliseEducation, normaliseEthnicity, normaliseJob } from '../../shared/domain/code-lists';
import { JOBS, MEMBER_CATEGORY_LABELS, type MemberCategory, type MemberKind } from '../../shared/domain/member';
import { type IssueCode, isErrorCode } from './codes';
import { type ParsedDate, parseDateNumber, parseDateText } from './dates';
import { DATE_FIELDS, FIELD_LABELS, type ImportField } from './fields';
import type { RawCell } from './read';
import { type ColumnMapping, isEmptyCell } from './table';
import { cleanName, cleanText, excelNumberText, foldAll } from './text';

export type Issue = {
  sheet: string | null;
  row: number;
  /** The file's own header text of the cell (or the standard name when the column is absent). */
  column: string;
  /** The column's 0-based index, or null when the file has no such column. */
  columnIndex: number | null;
  field: ImportField;
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
};

/** What a row says about a member, normalised. Only what the row holds is set. */
export type MemberValues = {
  name?: string;
  gender?: '男' | '女';
  ethnicity?: string;
  idNumber?: string;
  birthDate?: string;
  nativePlace?: string;
  education?: string;
  kind?: MemberKind;
  /** Set when 人员类别 was empty and the kind was worked out from the dates. */
  kindInferred?: boolean;
  joinedOn?: string;
  confirmedOn?: string;
  org?: string;
  employer?: string;
  job?: string;
  phone?: string;
  address?: string;
  note?: string;
  /** From an 人员类别 of 在职, 离退休 …: the member categories it maps to. */
  categories?: MemberCategory[];
  /** Columns kept as extra fields on the member: column title → value. */
  extras?: Record<string, string>;
};

export type ImportRow = {
  sheet: string | null;
  /** Index of the sheet in the workbook (for the rejects file and the wizard). */
  sheetIndex: number;
  /** The spreadsheet's own 1-based row number (CSV: the record number). */
  row: number;
  values: MemberValues;
  issues: Issue[];
  hasError: boolean;
  /** The cells as the file shows them, per table column (only when asked for: the wizard). */
  cells?: string[];
  /** Values written onto a code list's spelling (大学本科 → 大学). */
  mapped?: ValueMapping[];
};

type CodedField = 'education' | 'ethnicity' | 'job';
export type ValueMapping = { field: CodedField; from: string; to: string };

const CODE_LISTS: Record<CodedField, { normalise: (t: string) => string | null; list: string }> = {
  education: { normalise: normaliseEducation, list: EDUCATION_LABELS.join('、') },
  ethnicity: { normalise: normaliseEthnicity, list: '56 个民族的名称，如汉族、彝族' },
  job: { normalise: normaliseJob, list: JOBS.join('、') },
};

export type RowContext = {
  sheet: string | null;
  sheetIndex: number;
  columns: ColumnMapping[];
  /** The columns by field (built once per sheet; derived from `columns` when absent). */
  colOf?: Map<ImportField, ColumnMapping>;
  date1904: boolean;
  today: string;
  /** today one year back: probation lasts a year. */
  yearAgo: string;
  /** ID number → where it first appeared in this file. */
  seenIds: Map<string, { sheet: string | null; row: number }>;
  /** Second columns for a fact another column holds: compared with it on every row. */
  duplicates?: { column: ColumnMapping; of: ColumnMapping }[];
};

const ID_SCIENTIFIC = /^\d(\.\d+)?E\+?\d+$/i;
const MOBILE = /^1\d{10}$/;
const LANDLINE = /^(\(0\d{2,3}\)|0\d{2,3})-?\d{7,8}(-\d{1,6})?$/;
const KINDS: Record<string, MemberKind> = {
  正式党员: 'full', 预备党员: 'probationary', 正式: 'full', 预备: 'probationary', 中共正式党员: 'full', 中共预备党员: 'probationary',
};
/** A value that is a kind (spaces removed): how analyse.ts tells the kind column from a category. */
export const KIND_TEXT = /^(中共)?(正式|预备)(党员)?$/;
/** 人员类别 values of HR systems and the member categories they are. */
const CATEGORY_WORDS: Record<string, MemberCategory> = {
  在职: 'employed', 在职党员: 'employed', 在岗: 'employed', 在职职工: 'employed',
  离退休: 'retired', 退休: 'retired', 离休: 'retired', 离退休党员: 'retired', 退休党员: 'retired',
  下岗失业: 'unemployed', 下岗: 'unemployed', 失业: 'unemployed',
  流动: 'mobile', 流动党员: 'mobile',
  无职: 'noPost', 无职党员: 'noPost',
  私营业主: 'privateOwner', 个体: 'privateOwner', 个体户: 'privateOwner', '私营业主/个体': 'privateOwner',
  新经济组织: 'newEconomy',
  副科级以上党员干部: 'cadre', 副科级以上: 'cadre',
};
const GENDERS: Record<string, '男' | '女'> = { 男: '男', 女: '女', 男性: '男', 女性: '女', M: '男', F: '女' };

function plainText(cell: RawCell): string {
  const v = cell.v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return excelNumberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v instanceof Date ? v.toISOString().slice(0, 10) : '';
}

/** The same day n years later; 29 February becomes the 28th in a common year (as dayjs does). */
export function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Compares dates; when either was only year-month, only year-month counts. */
function before(a: { iso: string; partial: boolean }, b: { iso: string; partial: boolean }): boolean {
  if (a.partial || b.partial) return a.iso.slice(0, 7) < b.iso.slice(0, 7);
  return a.iso < b.iso;
}

function phoneLooksRight(phone: string): boolean {
  const parts = phone.split(/[/,，、;；]|\s{2,}/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => {
    const compact = p.replace(/[\s-]/g, '');
    return MOBILE.test(compact) || MOBILE.test(compact.replace(/^\+?86/, '')) || LANDLINE.test(p.replace(/\s/g, ''));
  });
}

export function columnsByField(columns: ColumnMapping[]): Map<ImportField, ColumnMapping> {
  const map = new Map<ImportField, ColumnMapping>();
  for (const col of columns) if (col.field && col.field !== 'extra') map.set(col.field, col);
  return map;
}

/** One row's cells and the issues found so far (methods, not per-row closures: 5,000 rows each). */
class RowReader {
  readonly issues: Issue[] = [];
  constructor(
    private readonly cells: (RawCell | undefined)[],
    private readonly rowNumber: number,
    private readonly ctx: RowContext,
    private readonly colOf: Map<ImportField, ColumnMapping>,
  ) {}

  add(field: ImportField, code: IssueCode, message: string): void {
    const col = this.colOf.get(field);
    this.issues.push({
      sheet: this.ctx.sheet, row: this.rowNumber, column: this.header(field), columnIndex: col ? col.index : null,
      field, code, severity: isErrorCode(code) ? 'error' : 'warning', message,
    });
  }

  /** The column's title in the file, or the field's own name. */
  header(field: ImportField): string {
    return this.colOf.get(field)?.header || FIELD_LABELS[field];
  }

  cellOf(field: ImportField): RawCell | undefined {
    const col = this.colOf.get(field);
    if (!col) return undefined;
    const cell = this.cells[col.index];
    return isEmptyCell(cell) ? undefined : cell;
  }

  text(field: ImportField): string | undefined {
    const cell = this.cellOf(field);
    if (!cell) return undefined;
    const t = cleanText(plainText(cell));
    return t === '' ? undefined : t;
  }
}

export function analyseRow(cells: (RawCell | undefined)[], rowNumber: number, ctx: RowContext): ImportRow {
  const values: MemberValues = {};
  const r = new RowReader(cells, rowNumber, ctx, ctx.colOf ?? columnsByField(ctx.columns));
  const issues = r.issues;

  // 姓名
  const nameCell = r.cellOf('name');
  const name = nameCell ? cleanName(plainText(nameCell)) : '';
  if (name) values.name = name;
  else r.add('name', 'NAME_MISSING', '姓名为空。请填写党员姓名。');

  // Plain text fields.
  for (const f of ['nativePlace', 'org', 'employer', 'address', 'note'] as const) {
    const t = r.text(f);
    if (t !== undefined) values[f] = t;
  }
  // Columns the clerk keeps as extra fields, under their own titles.
  for (const col of ctx.columns) {
    if (col.field !== 'extra' || !col.header) continue;
    const cell = cells[col.index];
    const t = isEmptyCell(cell) ? '' : cleanText(plainText(cell!));
    if (t) (values.extras ??= {})[col.header] = t;
  }
  // Fields with a code list: the list's spelling, or a warning (never a category of its own).
  let mapped: ValueMapping[] | undefined;
  for (const f of ['ethnicity', 'education', 'job'] as const) {
    const t = r.text(f);
    if (t === undefined) continue;
    const to = CODE_LISTS[f].normalise(t);
    if (to === null) {
      r.add(f, 'VALUE_NOT_IN_LIST', `${FIELD_LABELS[f]}“${t}”不在代码表中（${CODE_LISTS[f].list}），这一项未导入。请改成代码表中的写法，或导入后在党员档案中选择。`);
      continue;
    }
    values[f] = to;
    if (to !== t) (mapped ??= []).push({ field: f, from: t, to });
  }

  // 人员类别 as the member category: mapped where the ledger has the category, else kept as it was
  // written (an extra field under the column's title: 在职, 事业编制 …) with a warning.
  const categoryText = r.text('category');
  if (categoryText !== undefined) {
    const parts = categoryText.split(/[、，,/;；\s]+/).filter(Boolean);
    const mapped = parts.map((p) => CATEGORY_WORDS[p]);
    if (mapped.every((c): c is MemberCategory => c !== undefined)) values.categories = [...new Set(mapped)];
    else {
      const title = r.header('category');
      (values.extras ??= {})[title] = categoryText;
      const known = Object.values(MEMBER_CATEGORY_LABELS).join('、');
      r.add('category', 'CATEGORY_UNKNOWN', `“${categoryText}”不是台帐的人员分类（${known}），原样保留为附加信息“${title}”。需要时请在党员档案中选择人员分类。`);
    }
  }

  // 公民身份号码
  const idOk = readIdNumber(r.cellOf('idNumber'), values, r, ctx, rowNumber);

  // 性别: the ID's gender digit is the authority; the column is checked against it.
  const genderText = r.text('gender');
  const gender = genderText ? GENDERS[genderText.toUpperCase()] : undefined;
  if (idOk && values.idNumber) {
    values.gender = idGender(values.idNumber);
    if (gender && gender !== values.gender) {
      r.add('gender', 'GENDER_MISMATCH', `性别填的是“${gender}”，但身份证号第 17 位表示“${values.gender}”。请核对性别或身份证号。`);
    }
  } else if (gender) {
    values.gender = gender;
  }

  // Dates.
  const dates: Partial<Record<'birthDate' | 'joinedOn' | 'confirmedOn', { iso: string; partial: boolean }>> = {};
  for (const f of ['birthDate', 'joinedOn', 'confirmedOn'] as const) {
    const cell = r.cellOf(f);
    if (!cell) continue;
    const parsed = parseDateCell(cell, ctx.date1904);
    const label = FIELD_LABELS[f];
    if (parsed.kind === 'invalid') {
      r.add(f, 'DATE_INVALID', `${label}“${cleanText(plainText(cell))}”不是可识别的日期。请写成 1985-03-12 或 1985年3月12日 这样的形式。`);
      continue;
    }
    dates[f] = parsed;
    if (parsed.partial) r.add(f, 'DATE_PARTIAL', `${label}只有年月，已按当月 1 日（${parsed.iso}）记录。如知道具体日期请补上。`);
  }
  const idBirth = idOk && values.idNumber ? idBirthDate(values.idNumber) : null;
  if (dates.birthDate && idBirth) {
    const given = dates.birthDate;
    const same = given.partial ? given.iso.slice(0, 7) === idBirth.slice(0, 7) : given.iso === idBirth;
    if (!same) {
      r.add('birthDate', 'BIRTH_MISMATCH', `出生日期 ${given.partial ? given.iso.slice(0, 7) : given.iso} 与身份证号中的出生日期 ${idBirth} 不一致。请核对。`);
    }
  }
  // The ID's birth date is exact; a typed 出生日期 is only kept when there is no sound ID.
  values.birthDate = idBirth ?? dates.birthDate?.iso;
  if (dates.joinedOn) values.joinedOn = dates.joinedOn.iso;
  if (dates.confirmedOn) values.confirmedOn = dates.confirmedOn.iso;

  const today = { iso: ctx.today, partial: false };
  const birth = idBirth ? { iso: idBirth, partial: false } : dates.birthDate;
  if (dates.joinedOn && before(today, dates.joinedOn)) {
    r.add('joinedOn', 'DATE_FUTURE', `入党日期 ${dates.joinedOn.iso} 晚于今天。请核对。`);
  } else if (dates.joinedOn && birth) {
    const adult = { iso: addYears(birth.iso, 18), partial: birth.partial };
    if (before(dates.joinedOn, adult)) r.add('joinedOn', 'DATE_ORDER', `入党日期 ${dates.joinedOn.iso} 早于年满 18 周岁（${adult.iso}）。请核对入党日期或出生日期。`);
  }
  if (dates.confirmedOn && before(today, dates.confirmedOn)) {
    r.add('confirmedOn', 'DATE_FUTURE', `转正日期 ${dates.confirmedOn.iso} 晚于今天。请核对。`);
  } else if (dates.confirmedOn && dates.joinedOn && before(dates.confirmedOn, dates.joinedOn)) {
    r.add('confirmedOn', 'DATE_ORDER', `转正日期 ${dates.confirmedOn.iso} 早于入党日期 ${dates.joinedOn.iso}。请核对。`);
  }

  // 人员类别
  const kindText = r.text('kind');
  if (kindText !== undefined) {
    const kind = KINDS[kindText.replace(/\s/g, '')];
    if (kind) values.kind = kind;
    else r.add('kind', 'KIND_INVALID', `人员类别“${kindText}”不对，只能填“正式党员”或“预备党员”。`);
  } else if (!values.joinedOn && !r.cellOf('joinedOn')) {
    r.add('kind', 'KIND_MISSING', '没有人员类别，也没有入党日期，无法判断是正式党员还是预备党员。请补上人员类别（正式党员或预备党员）或入党日期。');
  } else {
    // No 人员类别: confirmed, or admitted over a year ago, means full; else probationary.
    values.kind = values.confirmedOn || !values.joinedOn || values.joinedOn <= ctx.yearAgo ? 'full' : 'probationary';
    values.kindInferred = true;
  }
  if (values.kind === 'probationary' && r.cellOf('confirmedOn')) {
    r.add('confirmedOn', 'PROBATION_WITH_DATE', '预备党员不应有转正日期。已转正的请把人员类别改为“正式党员”；未转正的请清空转正日期。');
  }
  if (values.kind === 'full' && !r.cellOf('confirmedOn') && values.joinedOn) {
    if (values.joinedOn < ctx.yearAgo) r.add('confirmedOn', 'FULL_MEMBER_NO_DATE', '正式党员没有填转正日期（入党已满一年）。请补上转正日期。');
  }

  // 联系电话
  const phoneCell = r.cellOf('phone');
  if (phoneCell) {
    const phone = foldAll(plainText(phoneCell)).replace(/\s+/g, ' ').trim();
    if (phone) {
      values.phone = phone;
      if (!phoneLooksRight(phone)) r.add('phone', 'PHONE_FORMAT', `联系电话“${phone}”不像 11 位手机号，也不像 0871-1234567 这样的固定电话。请核对。`);
    }
  }

  for (const d of ctx.duplicates ?? []) compareColumns(cells, d, rowNumber, ctx, issues);

  return {
    sheet: ctx.sheet, sheetIndex: ctx.sheetIndex, row: rowNumber, values, issues,
    hasError: issues.some((i) => i.severity === 'error'),
    ...(mapped ? { mapped } : {}),
  };
}

/** Two columns for one fact that disagree on a row: a warning naming both (the first one is imported). */
function compareColumns(cells: (RawCell | undefined)[], d: { column: ColumnMapping; of: ColumnMapping }, rowNumber: number, ctx: RowContext, issues: Issue[]): void {
  const a = cells[d.of.index];
  const b = cells[d.column.index];
  if (isEmptyCell(a) || isEmptyCell(b)) return;
  const field = d.of.field!;
  const shown = (cell: RawCell): string => {
    if (DATE_FIELDS.includes(field)) {
      const p = parseDateCell(cell, ctx.date1904);
      if (p.kind === 'date') return p.partial ? p.iso.slice(0, 7) : p.iso;
    }
    return cleanText(plainText(cell));
  };
  const x = shown(a!);
  const y = shown(b!);
  if (x === y) return;
  issues.push({
    sheet: ctx.sheet, row: rowNumber, column: d.column.header, columnIndex: d.column.index, field, code: 'COLUMN_CONFLICT', severity: 'warning',
    message: `“${d.column.header}”是 ${y}，“${d.of.header}”是 ${x}，两列不一致。已按“${d.of.header}”导入，请核对。`,
  });
}

function parseDateCell(cell: RawCell, date1904: boolean): ParsedDate {
  if (cell.t === 'n' && typeof cell.v === 'number') return parseDateNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined, date1904);
  if (cell.v instanceof Date) {
    const d = cell.v;
    return parseDateText(`${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`);
  }
  if (typeof cell.v === 'string') return parseDateText(cell.v);
  return { kind: 'invalid' };
}

/** Reads and checks the ID number; returns true when it is sound (birth and gender can be checked). */
function readIdNumber(
  cell: RawCell | undefined, values: MemberValues, r: RowReader, ctx: RowContext, rowNumber: number,
): boolean {
  if (!cell) {
    r.add('idNumber', 'ID_MISSING', '公民身份号码为空。身份证号是党员在台帐中的唯一标识，必须填写。');
    return false;
  }
  const lost = '身份证号已被 Excel 当成数字，最后几位变成了 0 或科学计数法，无法还原。请把这一列设为“文本”格式后，对照身份证重新录入。';
  // An 18-digit number cannot be held exactly by a spreadsheet number (15 significant digits).
  if (cell.t === 'n' && typeof cell.v === 'number' && Math.abs(cell.v) >= 1e16) {
    r.add('idNumber', 'ID_PRECISION_LOST', lost);
    return false;
  }
  let id = foldAll(plainText(cell)).replace(/[\s'‘’`]/g, '').replace(/x$/, 'X');
  if (ID_SCIENTIFIC.test(id)) {
    r.add('idNumber', 'ID_PRECISION_LOST', lost);
    return false;
  }
  if (/^\d{15}$/.test(id)) {
    const upgraded = upgradeLegacyId(id);
    if (!idBirthDate(upgraded)) {
      r.add('idNumber', 'ID_FORMAT', `身份证号“${id}”是 15 位旧号码，但其中的出生日期不存在。请核对。`);
      return false;
    }
    r.add('idNumber', 'ID_LEGACY15', `15 位旧身份证号 ${id} 已按国家标准升级为 18 位：${upgraded}。`);
    id = upgraded;
  }
  values.idNumber = id;
  const dup = ctx.seenIds.get(id);
  if (dup) {
    const where = dup.sheet !== ctx.sheet && dup.sheet ? `工作表“${dup.sheet}”第 ${dup.row} 行` : `第 ${dup.row} 行`;
    r.add('idNumber', 'ID_DUPLICATE_IN_FILE', `这个身份证号在${where}已经出现过。同一人只能导入一次，请删除重复的行或核对号码。`);
  } else {
    ctx.seenIds.set(id, { sheet: ctx.sheet, row: rowNumber });
  }
  const problem = idNumberProblem(id);
  if (problem === 'ID_CHECKSUM' && id.endsWith('000')) {
    // Text copied from a cell Excel had already turned into a number: the last digits are zeros.
    r.add('idNumber', 'ID_PRECISION_LOST', lost);
    return false;
  }
  if (problem === 'ID_FORMAT') {
    const why = /^\d{17}[\dX]$/.test(id)
      ? '第 7–14 位的出生日期不存在'
      : `应为 18 位（17 位数字加最后一位数字或 X），现在是 ${id.length} 位${/^[\dX]*$/.test(id) ? '' : '且含有其他字符'}`;
    r.add('idNumber', 'ID_FORMAT', `身份证号“${id}”格式不对：${why}。请对照身份证核对。`);
    return false;
  }
  if (problem === 'ID_BIRTH_RANGE') {
    r.add('idNumber', 'ID_BIRTH_RANGE', `${idProblemMessage(problem, id)}。`);
    return false;
  }
  if (problem === 'ID_CHECKSUM') {
    r.add('idNumber', 'ID_CHECKSUM', `身份证号“${id}”的最后一位（校验位）对不上，说明号码中有数字抄错了。请对照身份证核对。`);
    return false;
  }
  return true;
}
