// Hostile inputs for the importer, generated from a small spec so the fuzz test's main thread can
// list thousands of cases while the worker builds each file itself. Deterministic: the same spec
// gives the same bytes (a failure names its spec, and FUZZ_SEED reproduces a run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { rng } from './random';
import { readZip, writeZip, type ZipEntry } from './zip';

export type FuzzSpec =
  | { kind: 'bytes'; fixture: string; seed: number }
  | { kind: 'xml'; fixture: string; seed: number }
  | { kind: 'csv'; seed: number }
  | { kind: 'crafted'; name: string };

export type FuzzCase = { label: string; fileName: string; bytes: Buffer };

const int = (r: () => number, n: number) => Math.floor(r() * n);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)]!;

export function loadFixtures(dir: string): Map<string, Buffer> {
  const names = ['roster-clean.xlsx', 'roster-errors.xlsx', 'roster-wps-title.xlsx', 'roster-legacy.xls', 'roster-gbk.csv', 'roster-2000.xlsx'];
  return new Map(names.map((n) => [n, readFileSync(join(dir, n))]));
}

/** Blind byte damage: flips, overwrites, cuts, duplicated and inserted runs, truncation. */
function mutateBytes(src: Buffer, r: () => number): Buffer {
  let b = Buffer.from(src);
  const ops = 1 + int(r, 6);
  for (let i = 0; i < ops && b.length > 0; i++) {
    const at = int(r, b.length);
    const len = 1 + int(r, Math.min(512, b.length - at));
    switch (int(r, 7)) {
      case 0: b[at] ^= 1 << int(r, 8); break;
      case 1: b[at] = int(r, 256); break;
      case 2: b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]); break;
      case 3: b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]); break;
      case 4: b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: len }, () => int(r, 256))), b.subarray(at)]); break;
      case 5: b = b.subarray(0, at); break;
      default: b.fill(pick(r, [0x00, 0xff, 0x20, 0x3c]), at, at + len);
    }
  }
  return b;
}

const NASTY_TEXT = [
  '', ' ', '=1+1', '=cmd|\' /C calc\'!A0', '@SUM(1)', '+1', '-1', '=HYPERLINK("http://x","点我")', '&lt;script&gt;', '<![CDATA[x]]>',
  '\u0000', '\u0007\u0008', '\u202e反转', '\ud83d\ude00😀', '\ufeff', '𠀀𪚥', '11010519800512123X', '1.10105198005121E+17', '9'.repeat(400),
  '1899-12-31', '0000-00-00', '9999-99-99', '-1', '1e308', 'NaN', 'null', 'undefined', '合计', '填表人：', '姓名', '公民身份号码',
  '党'.repeat(3000), 'x'.repeat(40_000), '"', '""', '\r\n', '\t',
];

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Damage that keeps the zip valid: XML edited, parts dropped or duplicated, odd values planted. */
function mutateXlsx(src: Buffer, r: () => number): Buffer {
  const entries: ZipEntry[] = readZip(src).map((e) => ({ ...e }));
  const ops = 1 + int(r, 4);
  for (let i = 0; i < ops; i++) {
    const op = int(r, 10);
    if (op === 0 && entries.length > 1) {
      entries.splice(int(r, entries.length), 1);
      continue;
    }
    const e = pick(r, entries.filter((x) => x.name.endsWith('.xml')));
    if (!e) continue;
    let xml = e.data.toString('utf8');
    const tags = [...xml.matchAll(/<[^>]+>/g)];
    switch (op) {
      case 1: { // cut a random tag out (unbalanced XML)
        const t = tags.length ? pick(r, tags) : null;
        if (t) xml = xml.slice(0, t.index) + xml.slice(t.index! + t[0].length);
        break;
      }
      case 2: // a planted value in a shared string / inline string / cell value
        xml = xml.replace(/<(t|v)( [^>]*)?>([^<]*)<\/\1>/, (_m, tag, attrs = '') => `<${tag}${attrs}>${xmlEscape(pick(r, NASTY_TEXT))}</${tag}>`);
        break;
      case 3: // every value of one column replaced
        xml = xml.replace(/<v>([^<]*)<\/v>/g, () => `<v>${pick(r, ['-1', '99999999', '1e308', 'abc', '', '2958466', '-693594'])}</v>`);
        break;
      case 4: // shared string index out of range
        xml = xml.replace(/<c ([^>]*)t="s"([^>]*)><v>\d+<\/v>/, '<c $1t="s"$2><v>999999</v>');
        break;
      case 5: // a huge merge / dimension
        xml = xml.replace(/<\/sheetData>/, `</sheetData><mergeCells count="1"><mergeCell ref="${pick(r, ['A1:XFD1048576', 'A1:ZZ9', 'B2:A1', 'A0:B0'])}"/></mergeCells>`);
        xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
        break;
      case 6: // a formula with and without a cached value
        xml = xml.replace(/<c r="([A-Z]+\d+)"([^>]*)>(<v>[^<]*<\/v>)?<\/c>/, `<c r="$1"$2><f>${xmlEscape(pick(r, ['1+1', 'A1&A1', 'INDIRECT("A"&ROW())', 'NOW()', '1/0']))}</f>${r() < 0.5 ? '' : '<v>2</v>'}</c>`);
        break;
      case 7: // a sheet name far beyond Excel's 31 characters, or with control characters
        xml = xml.replace(/(<sheet [^>]*name=")[^"]*"/, `$1${xmlEscape(pick(r, ['长'.repeat(5000), 'a\tb', '/\\?*[]', '', 'Sheet1']))}"`);
        break;
      case 8: { // a row duplicated many times, or at an absurd row number
        const row = /<row [^>]*>.*?<\/row>/s.exec(xml)?.[0];
        if (row) xml = xml.replace(row, r() < 0.5 ? row.repeat(1 + int(r, 200)) : row.replace(/r="\d+"/g, 'r="1048576"'));
        break;
      }
      default: // random bytes dropped into the text
        if (xml.length) {
          const at = int(r, xml.length);
          xml = xml.slice(0, at) + pick(r, ['<', '>', '&', '"', '\u0000', '<row>', '</sheetData>', '&#0;', '&#xFFFF;', ']]>']) + xml.slice(at);
        }
    }
    e.data = Buffer.from(xml, 'utf8');
  }
  return writeZip(entries);
}

const ENCODINGS = ['utf8', 'utf8bom', 'utf16le', 'utf16le-bom', 'utf16be-bom', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'latin1', 'utf32le', 'cp1252'] as const;

function encode(text: string, enc: (typeof ENCODINGS)[number]): Buffer {
  switch (enc) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return iconv.encode(text, 'utf-16le');
    case 'utf16le-bom': return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf16be-bom': return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'utf32le': return iconv.encode(text, 'utf32-le');
    default: return iconv.encode(text, enc);
  }
}

/** The GBK fixture decoded, damaged as text (quotes, delimiters, line ends), re-encoded oddly. */
function mutateCsv(src: Buffer, r: () => number): Buffer {
  let text = iconv.decode(src, 'gb18030');
  const ops = 1 + int(r, 4);
  for (let i = 0; i < ops; i++) {
    const at = int(r, text.length + 1);
    switch (int(r, 8)) {
      case 0: text = text.slice(0, at) + '"' + text.slice(at); break;
      case 1: text = text.replace(/,/g, pick(r, ['\t', ';', '，', '|'])); break;
      case 2: text = text.replace(/\r\n/g, pick(r, ['\n', '\r', '\u2028', '\r\r\n'])); break;
      case 3: text = text.slice(0, at) + pick(r, NASTY_TEXT) + text.slice(at); break;
      case 4: text = text.slice(0, at); break;
      case 5: text = text.split(/\r?\n/).map((l) => l.split(',').reverse().join(',')).join('\r\n'); break;
      case 6: text = text.slice(0, at) + '\r\n'.repeat(1 + int(r, 50)) + text.slice(at); break;
      default: text = `${'标题行,,,\r\n'.repeat(int(r, 30))}${text}`;
    }
  }
  return encode(text, pick(r, ENCODINGS));
}

const HEADER = ['姓名', '性别', '公民身份号码', '人员类别', '入党日期', '转正日期', '所在党支部'];

function sheetXml(rowsXml: string, extra = ''): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData>${extra}</worksheet>`);
}

function inlineRow(r: number, values: string[]): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  return `<row r="${r}">${values.map((v, i) => `<c r="${col(i)}${r}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`).join('')}</row>`;
}

/** A fixture .xlsx with its first sheet replaced (workbook, styles, rels stay real). */
function withSheet(fixtures: Map<string, Buffer>, sheet: Buffer, opts: { lie?: { uncompressed: number } } = {}): Buffer {
  const entries = readZip(fixtures.get('roster-clean.xlsx')!).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: sheet } : e));
  return writeZip(entries, opts);
}

/** A million rows without r= numbers (SheetJS counts them in order): built by repeat, in ms. */
function millionRowsXml(): Buffer {
  return sheetXml(inlineRow(1, HEADER) + '<row><c t="inlineStr"><is><t>张三</t></is></c><c t="inlineStr"><is><t>男</t></is></c></row>'.repeat(999_999));
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The hand-made hostile files, by name. Each builds lazily: the big ones cost a second. */
export function craftedCases(fixtures: Map<string, Buffer>): Record<string, () => FuzzCase> {
  const clean = fixtures.get('roster-clean.xlsx')!;
  const c = (label: string, fileName: string, bytes: Buffer): FuzzCase => ({ label, fileName, bytes });
  const cases: Record<string, () => FuzzCase> = {
    'png named .xlsx': () => c('png', 'roster.xlsx', PNG),
    'pdf named .xls': () => c('pdf', 'roster.xls', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n', 'latin1')),
    'windows exe': () => c('exe', 'roster.xlsx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000, 0x90)])),
    'gzip': () => c('gzip', 'roster.csv', Buffer.from('1f8b0800000000000003', 'hex')),
    'random bytes': () => c('random', 'roster.xlsx', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))),
    'one byte': () => c('one byte', 'roster.csv', Buffer.from('x')),
    'just a BOM': () => c('bom', 'roster.csv', Buffer.from([0xef, 0xbb, 0xbf])),
    'a .docx (zip without a workbook)': () => c('docx', 'roster.xlsx', writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }, { name: '[Content_Types].xml', data: Buffer.from('<Types/>') }])),
    'an empty zip': () => c('empty zip', 'roster.xlsx', writeZip([])),
    'zip of only a folder': () => c('folder zip', 'roster.xlsx', writeZip([{ name: 'xl/', data: Buffer.alloc(0) }])),
    'prose text': () => c('prose', 'roster.csv', Buffer.from('这是一份会议纪要，不是花名册。\n请勿导入。\n'.repeat(50))),
    'xml billion laughs in a sheet': () => c('laughs', 'roster.xlsx', withSheet(fixtures, Buffer.from(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${inlineRow(1, HEADER)}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`))),
    'deeply nested XML': () => c('nested', 'roster.xlsx', withSheet(fixtures, sheetXml(`${'<row r="1">'.repeat(50_000)}${'</row>'.repeat(50_000)}`))),
    'zip bomb (100 MB of spaces)': () => c('bomb', 'roster.xlsx', withSheet(fixtures, Buffer.concat([sheetXml('').subarray(0, 120), Buffer.alloc(100_000_000, 0x20)]))),
    'zip bomb that lies about its size': () => c('liar', 'roster.xlsx', withSheet(fixtures, Buffer.alloc(100_000_000, 0x20), { lie: { uncompressed: 2048 } })),
    '1,000,000 rows (xlsx)': () => c('1M xlsx', 'roster.xlsx', withSheet(fixtures, millionRowsXml())),
    '1,000,000 rows (csv)': () => c('1M csv', 'roster.csv', Buffer.from(`${HEADER.join(',')}\n${'张三,男,11010519800512123X,正式党员,2000-01-01,2001-01-01,第一党支部\n'.repeat(1_000_000)}`)),
    '1,000,000 tiny csv records (under the size cap)': () => c('1M tiny csv', 'roster.csv', Buffer.from(`${HEADER.join(',')}\n${'a\n'.repeat(1_000_000)}`)),
    '1,000,000 rows (html .xls)': () => c('1M html', 'roster.xls', Buffer.from(`<html><table>${'<tr><td>张三</td></tr>'.repeat(1_000_000)}</table></html>`)),
    '25,000 rows (xlsx, just over the limit)': () => c('25k xlsx', 'roster.xlsx', withSheet(fixtures, sheetXml([inlineRow(1, HEADER), ...Array.from({ length: 25_000 }, (_, i) => inlineRow(i + 2, [`张${i}`]))].join('')))),
    '100,000-character cells (xlsx)': () => c('long cell xlsx', 'roster.xlsx', withSheet(fixtures, sheetXml(inlineRow(1, HEADER) + inlineRow(2, ['党'.repeat(100_000), '男', '1'.repeat(100_000)])))),
    '100,000-character header (csv)': () => c('long header csv', 'roster.csv', Buffer.from(`${'姓'.repeat(100_000)},公民身份号码\n张三,1\n`)),
    '100,000-character cell, quoted, with line breaks (csv)': () => c('long quoted csv', 'roster.csv', Buffer.from(`${HEADER.join(',')}\n"${'行\n'.repeat(50_000)}",男\n`)),
    'an unclosed quote at the start (csv)': () => c('open quote', 'roster.csv', Buffer.from(`"${HEADER.join(',')}\n${'张三,男\n'.repeat(1000)}`)),
    '16,384 columns wide (xlsx)': () => c('wide', 'roster.xlsx', withSheet(fixtures, sheetXml(inlineRow(1, HEADER) + Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}" t="inlineStr"><is><t>x</t></is></c></row>`).join('')))),
    'formulas, with and without cached values': () => c('formulas', 'roster.xlsx', withSheet(fixtures, sheetXml(inlineRow(1, HEADER) + '<row r="2"><c r="A2" t="str"><f>"张"&amp;"三"</f><v>张三</v></c><c r="B2" t="str"><f>IF(1,"男","女")</f></c><c r="C2" t="str"><f>CONCAT("110105","19800512","123X")</f><v>11010519800512123X</v></c><c r="D2" t="inlineStr"><is><t>=cmd|\' /C calc\'!A0</t></is></c><c r="E2"><f>DATE(2000,1,1)</f><v>36526</v></c><c r="F2"><f>1/0</f><v>#DIV/0!</v></c></row>'))),
    'formula injection in csv': () => c('csv formulas', 'roster.csv', Buffer.from(`${HEADER.join(',')}\n=cmd|' /C calc'!A0,男,11010519800512123X,正式党员,=1+1,@SUM(1),+第一党支部\n`)),
    'sheet name of 20,000 characters': () => {
      const entries = readZip(clean).map((e) => (e.name === 'xl/workbook.xml' ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(/(<sheet [^>]*name=")[^"]*"/, `$1${'支'.repeat(20_000)}"`)) } : e));
      return c('long sheet name', 'roster.xlsx', writeZip(entries));
    },
    '300 sheets': () => {
      const entries = readZip(clean);
      const wb = entries.find((e) => e.name === 'xl/workbook.xml')!.data.toString('utf8');
      const sheets = Array.from({ length: 300 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
      const data = Buffer.from(wb.replace(/<sheets>.*<\/sheets>/s, `<sheets>${sheets}</sheets>`));
      return c('300 sheets', 'roster.xlsx', writeZip(entries.map((e) => (e.name === 'xl/workbook.xml' ? { name: e.name, data } : e))));
    },
    'utf-16 csv without a BOM': () => c('utf16 no bom', 'roster.csv', iconv.encode(`${HEADER.join(',')}\n张三,男\n`, 'utf-16le')),
    'utf-32 csv': () => c('utf32', 'roster.csv', iconv.encode(`${HEADER.join(',')}\n张三,男\n`, 'utf32-le')),
    'shift_jis csv': () => c('sjis', 'roster.csv', iconv.encode(`${HEADER.join(',')}\n山田,男\n`, 'shift_jis')),
    'utf-7 csv': () => c('utf7', 'roster.csv', iconv.encode(`${HEADER.join(',')}\n张三,男\n`, 'utf7')),
    'csv full of NUL bytes': () => c('nuls', 'roster.csv', Buffer.from(`${HEADER.join(',')}\n张\u0000三,男\n`.repeat(10))),
  };
  for (const cut of [10, 30, 100, 500, 2000, 6000, 9000, 12_000]) {
    cases[`fixture xlsx truncated to ${cut} bytes`] = () => c(`cut ${cut}`, 'roster.xlsx', clean.subarray(0, cut));
  }
  for (const cut of [100, 512, 4096, 9000]) {
    cases[`fixture xls truncated to ${cut} bytes`] = () => c(`xls cut ${cut}`, 'roster.xls', fixtures.get('roster-legacy.xls')!.subarray(0, cut));
  }
  return cases;
}

export function buildCase(spec: FuzzSpec, fixtures: Map<string, Buffer>, crafted: Record<string, () => FuzzCase>): FuzzCase {
  switch (spec.kind) {
    case 'bytes': {
      const src = fixtures.get(spec.fixture)!;
      return { label: `bytes ${spec.fixture} #${spec.seed}`, fileName: spec.fixture, bytes: mutateBytes(src, rng(spec.seed)) };
    }
    case 'xml':
      return { label: `xml ${spec.fixture} #${spec.seed}`, fileName: spec.fixture, bytes: mutateXlsx(fixtures.get(spec.fixture)!, rng(spec.seed)) };
    case 'csv':
      return { label: `csv #${spec.seed}`, fileName: 'roster-gbk.csv', bytes: mutateCsv(fixtures.get('roster-gbk.csv')!, rng(spec.seed)) };
    case 'crafted':
      return crafted[spec.name]!();
  }
}
