// Step 1: bytes → sheets of raw cells. SheetJS reads .xlsx (Excel, WPS) and .xls (BIFF, and the
// HTML tables some systems save as .xls); CSV is decoded and split here, so that ID numbers stay
// text and a record's number is the CSV record number whatever its quoted line breaks.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { LedgerError } from '../../shared/errors';
import { SHEET_ROWS_READ, guardBook, guardImportBytes } from './limits';

XLSX.set_cptable(cptable);

export type ImportFormat = 'xlsx' | 'xls' | 'csv';

/** A cell as SheetJS gives it: type, value, number format. Formulas carry their cached value. */
export type RawCell = { t: 's' | 'n' | 'b' | 'e' | 'd' | 'z'; v?: string | number | boolean | Date; z?: string | number; f?: string };
export type MergeRange = { s: { r: number; c: number }; e: { r: number; c: number } };

export type RawSheet = {
  /** null for CSV: it has no sheets. */
  name: string | null;
  /** Dense rows, 0-based; rows and cells may be missing. */
  rows: (RawCell | undefined)[][];
  merges: MergeRange[];
};

export type RawBook = { format: ImportFormat; sheets: RawSheet[]; date1904: boolean; encoding?: string };

export class ImportReadError extends LedgerError {}

function unreadable(fileName: string, why: string): ImportReadError {
  return new ImportReadError('IMPORT_UNREADABLE', `无法读取文件“${fileName}”：${why}`, { fileName });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** SheetJS options: values and number formats only. Its text formatter throws on some Chinese formats. */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer', dense: true, cellText: false, cellNF: true, cellHTML: false, cellDates: false, cellStyles: false,
};

export function readBook(bytes: Uint8Array, fileName: string): RawBook {
  if (bytes.length === 0) throw unreadable(fileName, '文件是空的。');
  // Bounds (limits.ts): a zip bomb or a million rows ends in a message, not a frozen app.
  guardImportBytes(bytes, fileName, (why) => unreadable(fileName, why));
  const book = readAnyBook(bytes, fileName);
  guardBook(book, fileName);
  return book;
}

function readAnyBook(bytes: Uint8Array, fileName: string): RawBook {
  const ext = (/\.([^.\\/]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (startsWith(bytes, ZIP)) return readWithSheetJs(bytes, fileName, 'xlsx');
  if (startsWith(bytes, CFB)) return readWithSheetJs(bytes, fileName, 'xls');
  const head = bytes.subarray(0, 4096);
  if (hasUtf16Bom(head)) return readCsv(bytes);
  if (head.includes(0)) {
    throw unreadable(fileName, '这不是 Excel、WPS 表格或 CSV 文件。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。');
  }
  // Some systems save an HTML table and name it .xls; Excel and SheetJS open those.
  const text = new TextDecoder('latin1').decode(head).trimStart().toLowerCase();
  if ((ext === 'xls' || ext === 'htm' || ext === 'html') && (text.startsWith('<') || text.startsWith('\ufeff<'))) {
    return readWithSheetJs(bytes, fileName, 'xls');
  }
  return readCsv(bytes);
}

function readWithSheetJs(bytes: Uint8Array, fileName: string, format: ImportFormat): RawBook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { ...SHEETJS_READ_OPTIONS, sheetRows: SHEET_ROWS_READ });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password/i.test(msg)) {
      throw new ImportReadError('IMPORT_ENCRYPTED', `文件“${fileName}”设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，取消密码（文件→信息→保护工作簿）后另存，再导入。`, { fileName });
    }
    throw unreadable(fileName, '文件已损坏或不是表格文件。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。');
  }
  const sheets: RawSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!data'?: (RawCell | undefined)[][] }) | undefined;
    if (!ws) continue;
    sheets.push({ name, rows: ws['!data'] ?? [], merges: (ws['!merges'] as MergeRange[] | undefined) ?? [] });
  }
  return { format, sheets, date1904: Boolean(wb.Workbook?.WBProps?.date1904) };
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK/GB2312) or Big5. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    // Strict UTF-8 first: chardet guesses poorly on short Chinese texts, UTF-8 validity does not.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const guesses = chardet.analyse(bytes);
    const gb = guesses.find((g) => /^(GB18030|GBK|GB2312)$/i.test(g.name));
    const big5 = guesses.find((g) => /^Big5$/i.test(g.name));
    // Mainland rosters are GBK far more often; Big5 only when it clearly wins.
    const encoding = big5 && (!gb || big5.confidence > gb.confidence + 20) ? 'Big5' : 'GB18030';
    return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
  }
}

function readCsv(bytes: Uint8Array): RawBook {
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', sheets: [{ name: null, rows: parseCsv(text), merges: [] }], date1904: false, encoding };
}

/** The delimiter of the first record: comma, tab or semicolon, whichever splits it most. */
function detectDelimiter(text: string): string {
  let end = 0;
  let quoted = false;
  for (; end < text.length && end < 65536; end++) {
    const ch = text[end];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  const first = text.slice(0, end).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const n = first.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** RFC 4180 with CRLF, LF or CR line ends; one array per record. Excel's ="0123" becomes 0123. */
export function parseCsv(text: string): (RawCell | undefined)[][] {
  const delim = detectDelimiter(text);
  const rows: (RawCell | undefined)[][] = [];
  let row: (RawCell | undefined)[] = [];
  let field = '';
  let wasQuoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    let v = field;
    if (!wasQuoted && v.length > 3 && v.startsWith('="') && v.endsWith('"')) v = v.slice(2, -1).replace(/""/g, '"');
    row.push(v === '' ? undefined : { t: 's', v });
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row.some((c) => c !== undefined) ? row : []);
    row = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !wasQuoted) {
      // A quoted field: runs to the closing quote; "" is a quote; line breaks belong to the field.
      wasQuoted = true;
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      continue;
    }
    if (ch === delim) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      const next = nextSpecial(text, i, delim);
      field += text.slice(i, next);
      i = next;
    }
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

function nextSpecial(text: string, from: number, delim: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === delim || c === '\r' || c === '\n') return j;
  }
  return text.length;
}
