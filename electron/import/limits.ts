// Bounds on what the importer will read, so a hostile or broken file ends in a clear message
// within bounded time and memory instead of freezing or exhausting the app: a zip bomb, a sheet
// of a million rows, a cell longer than Excel allows. A street's roster is a few thousand rows
// (the 2,000-row fixture unpacks to 1.5 MB), so every bound sits far above real files.
//
// The unpacked size of an .xlsx is MEASURED, not read from the zip's headers (which can lie):
// each entry is inflated here with a hard output cap before SheetJS sees the file.
import { inflateRawSync } from 'node:zlib';
import { LedgerError } from '../../shared/errors';

export const IMPORT_LIMITS = {
  /** The file itself. */
  maxFileBytes: 30 * 1024 * 1024,
  /** All parts of an .xlsx once unpacked (XML is ~750 bytes a roster row). */
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxZipEntries: 5_000,
  /** Rows in one sheet (or CSV records), title and header rows included. */
  maxRows: 20_000,
  /** Excel's own limit for one cell: a longer one was not made by Excel or WPS. */
  maxCellChars: 32_767,
  /** Columns in a row (Excel 2003 stopped at 256; a roster has under 50). */
  maxColumns: 1_000,
  maxSheets: 255,
} as const;

export class ImportLimitError extends LedgerError {}

function tooBig(fileName: string, why: string): ImportLimitError {
  return new ImportLimitError('IMPORT_TOO_LARGE', `无法导入文件“${fileName}”：${why}`, { fileName });
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Files people pick by mistake, by their first bytes: named, so the message says what it is. */
const NOT_SPREADSHEETS: [Buffer, string][] = [
  [Buffer.from('%PDF'), '一个 PDF 文档'],
  [Buffer.from('MZ'), '一个程序文件'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), '一张图片'],
  [Buffer.from([0xff, 0xd8, 0xff]), '一张图片'],
  [Buffer.from('GIF8'), '一张图片'],
  [Buffer.from([0x1f, 0x8b]), '一个压缩包'],
  [Buffer.from('Rar!'), '一个压缩包'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), '一个压缩包'],
  [Buffer.from('{\\rtf'), '一个 RTF 文档'],
];

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const TRUNCATED = '文件不完整（可能下载或复制时中断了）或已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。';

/**
 * Walks the zip's central directory and inflates every entry (zlib, with an output cap) before
 * SheetJS sees it. Damage is refused here too: SheetJS's own inflate loops forever on some
 * truncated entries (a 48-byte cut of a real .xlsx hangs it), so it only ever gets zips whose
 * every entry zlib has read completely.
 */
function checkZip(bytes: Buffer, fileName: string, unreadable: (why: string) => Error): void {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable(TRUNCATED);
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw tooBig(fileName, '文件是超大压缩格式（ZIP64），不像是一份花名册。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。');
  if (entries > IMPORT_LIMITS.maxZipEntries) throw tooBig(fileName, `文件里有 ${entries} 个部件，不像是一份花名册（可能已损坏或被人为构造）。`);
  let budget = IMPORT_LIMITS.maxUnpackedBytes;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw unreadable(TRUNCATED);
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || local === 0xffffffff) throw tooBig(fileName, '文件是超大压缩格式（ZIP64），不像是一份花名册。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。');
    const name = bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen)).toString('latin1');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw unreadable('文件设置了打开密码或经过加密，无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw unreadable(TRUNCATED);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const localCompressed = bytes.readUInt32LE(local + 18);
    // The local header must agree with the directory (or defer to it: bit 3, sizes after the data).
    if (!(flags & 8) && localCompressed !== compressed) throw unreadable(TRUNCATED);
    if (dataStart + compressed > bytes.length) throw unreadable(TRUNCATED);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: budget + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') budget = -1;
        else throw unreadable(TRUNCATED);
        data = Buffer.alloc(0);
      }
    } else throw unreadable('文件使用了表格软件不用的压缩方式。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。');
    budget -= data.length;
    if (budget < 0) {
      throw tooBig(fileName, `文件解压后超过 ${mb(IMPORT_LIMITS.maxUnpackedBytes)}，远大于任何花名册（可能是“压缩炸弹”或已损坏）。请只保留党员名单所在的工作表后再导入。`);
    }
    // SheetJS walks every row of a sheet even past its row limit: count them first.
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) && countMatches(data.toString('latin1'), /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g, IMPORT_LIMITS.maxRows) > IMPORT_LIMITS.maxRows) {
      throw tooManyRows(fileName);
    }
  }
}

function countMatches(text: string, re: RegExp, stopAfter: number): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) && ++n <= stopAfter);
  return n;
}

function tooManyRows(fileName: string): ImportLimitError {
  return tooBig(fileName, `文件中有超过 ${IMPORT_LIMITS.maxRows} 行的表格，超过了一次导入的上限。请分成几个文件导入（每个文件不超过 ${IMPORT_LIMITS.maxRows} 行）。`);
}

/**
 * Before any parsing: the file's size, for .xlsx its zip structure and what it unpacks to, for
 * text its number of records. `unreadable` makes the reader's own "cannot read" error.
 */
export function guardImportBytes(bytes: Uint8Array, fileName: string, unreadable: (why: string) => Error): void {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw tooBig(fileName, `文件有 ${mb(bytes.length)}，超过了 ${mb(IMPORT_LIMITS.maxFileBytes)} 的上限。花名册通常不到 1 MB：请只保留党员名单所在的工作表，或分成几个文件导入。`);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const other = NOT_SPREADSHEETS.find(([sig]) => buf.subarray(0, sig.length).equals(sig));
  if (other) throw unreadable(`这是${other[1]}，不是表格文件。请选择 Excel、WPS 表格（.xlsx / .xls）或 CSV 格式的花名册。`);
  if (buf.length >= 4 && buf.readUInt32LE(0) === LOCAL) checkZip(buf, fileName, unreadable);
  else if (!isBinary(buf)) {
    // Text: CSV, or an HTML table saved as .xls.
    const head = buf.subarray(0, 1024).toString('latin1').trimStart();
    const rows = head.startsWith('<') || head.startsWith('\u00ef\u00bb\u00bf<')
      ? countMatches(buf.toString('latin1'), /<tr[\s>]/gi, IMPORT_LIMITS.maxRows)
      : csvRecords(buf);
    if (rows > IMPORT_LIMITS.maxRows) throw tooManyRows(fileName);
  }
}

/** .xls (OLE) files and UTF-16 text, where a byte scan for quotes and line breaks means nothing. */
function isBinary(b: Buffer): boolean {
  return (b[0] === 0xd0 && b[1] === 0xcf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/**
 * CSV records (line breaks outside quotes), counted on the bytes before a million-row file is
 * decoded and split. Exact for UTF-8, GBK/GB18030 and Big5: their multi-byte characters never
 * contain the bytes of a quote or a line break.
 */
function csvRecords(b: Buffer): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || (c === 0x0d && b[i + 1] !== 0x0a))) {
      if (++records > IMPORT_LIMITS.maxRows) return records;
    }
  }
  return records;
}

/** SheetJS stops reading a sheet after this many rows; `guardBook` then refuses the file. */
export const SHEET_ROWS_READ = IMPORT_LIMITS.maxRows + 1;

function where(sheet: string | null, row: number): string {
  return sheet === null ? `第 ${row} 行` : `工作表“${sheet.length > 40 ? `${sheet.slice(0, 40)}…` : sheet}”第 ${row} 行`;
}

type Merge = { s: { r: number; c: number }; e: { r: number; c: number } };
type GuardedBook = { sheets: { name: string | null; rows: ({ v?: unknown } | undefined)[][]; merges: Merge[] }[] };

const sane = (m: Merge) => [m.s.r, m.s.c, m.e.r, m.e.c].every((n) => Number.isInteger(n) && n >= 0) && m.e.r >= m.s.r && m.e.c >= m.s.c;

/**
 * After reading: sheets, rows and cell lengths within bounds. Merged ranges that cannot exist
 * (a crafted "A0:B0" gives row -1, "B2:A1" runs backwards) are dropped: Excel would not open
 * such a file either, and the table finder indexes rows by them.
 */
export function guardBook(book: GuardedBook, fileName: string): void {
  if (book.sheets.length > IMPORT_LIMITS.maxSheets) throw tooBig(fileName, `文件有 ${book.sheets.length} 个工作表，超过了 ${IMPORT_LIMITS.maxSheets} 个的上限。`);
  for (const sheet of book.sheets) {
    if (sheet.merges.some((m) => !sane(m))) sheet.merges = sheet.merges.filter(sane);
    if (sheet.rows.length > IMPORT_LIMITS.maxRows) {
      const what = sheet.name === null ? '文件' : `工作表“${sheet.name.slice(0, 40)}”`;
      throw tooBig(fileName, `${what}超过 ${IMPORT_LIMITS.maxRows} 行，超过了一次导入的上限。请分成几个文件导入（每个文件不超过 ${IMPORT_LIMITS.maxRows} 行）。`);
    }
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      if (row.length > IMPORT_LIMITS.maxColumns) {
        throw tooBig(fileName, `${where(sheet.name, r + 1)}第 ${row.length} 列还有内容，远在花名册之外（超过 ${IMPORT_LIMITS.maxColumns} 列）。请删除表格右侧多余的内容，或把花名册复制到新文件后再导入。`);
      }
      for (const cell of row) {
        if (cell && typeof cell.v === 'string' && cell.v.length > IMPORT_LIMITS.maxCellChars) {
          throw tooBig(fileName, `${where(sheet.name, r + 1)}有一个单元格长达 ${cell.v.length} 个字符，超过了 Excel 的上限（${IMPORT_LIMITS.maxCellChars}），文件可能已损坏。`);
        }
      }
    }
  }
}
