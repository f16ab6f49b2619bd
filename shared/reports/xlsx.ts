// RegisterDoc → exceljs workbook, with the same columns and titles as the PDF: A4, frozen header,
// print titles, print area, fit to one page wide, 第 X 页 共 Y 页 in the footer, ID numbers and
// phones stored as text (never 1.10101E+17). Fonts are 宋体, which Excel and WPS both have.
import ExcelJS from 'exceljs';
import { excelWidths, pageFooter, printDateText } from './conventions';
import { footerTitle } from './masking';
import type { Block, Cell, GridBlock, Orientation, RegisterDoc, Section, SignaturesBlock, TableBlock } from './model';
import { textWidth } from './model';

const FONT = '宋体';
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10.5 };
const FILL_HEADER: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECECEC' } };
const FILL_LABEL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F4F4' } };

// Shared style objects: exceljs dedupes styles by content, and sharing keeps 5,000-row rosters cheap.
const S = {
  header: { font: BODY_FONT, border: BORDER, fill: FILL_HEADER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  text: { font: BODY_FONT, border: BORDER, alignment: { vertical: 'middle', wrapText: true } },
  code: { font: BODY_FONT, border: BORDER, numFmt: '@', alignment: { vertical: 'middle' } },
  center: { font: BODY_FONT, border: BORDER, numFmt: '@', alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  number: { font: BODY_FONT, border: BORDER, alignment: { horizontal: 'right', vertical: 'middle' } },
  caption: { font: { name: FONT, size: 10.5, bold: true }, border: BORDER, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F7F7' } }, alignment: { vertical: 'middle' } },
  label: { font: BODY_FONT, border: BORDER, fill: FILL_LABEL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  title: { font: { name: FONT, size: 18, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  subLeft: { font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle' } },
  subRight: { font: BODY_FONT, alignment: { horizontal: 'right', vertical: 'middle' } },
  para: { font: BODY_FONT, alignment: { vertical: 'top', wrapText: true } },
  heading: { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle' } },
  note: { font: { name: FONT, size: 9 }, alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const KIND_STYLE = { text: S.text, code: S.code, date: S.center, center: S.center, number: S.number } as const;
const LINE_PT = 14.5;
const NUMERIC = /^-?\d+(\.\d+)?$/;

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '表';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 26)}(${i})`;
  used.add(n);
  return n;
}

/** Lines a value needs at a column width (character units), to set row heights Excel would not. */
function linesFor(v: string, width: number): number {
  const w = Math.max(1, width - 1);
  let lines = 0;
  for (const part of v.split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / w));
  return lines;
}

function footerText(doc: RegisterDoc): string {
  const esc = (s: string) => s.replace(/&/g, '&&');
  // Only the size code: a font code must name a style too, which differs between Excel and WPS.
  return `&L&8${esc(footerTitle(doc))}&C&8${pageFooter(0, 0).replace('0', '&P').replace('0', '&N')}&R&8${esc(printDateText(doc.printedOn))}`;
}

class SheetWriter {
  row = 1;
  widths: number[] = [];
  /** Header rows of the sheet's single table, for print titles and the frozen pane. */
  headerRange: [number, number] | null = null;

  constructor(readonly ws: ExcelJS.Worksheet) {}

  get cols(): number {
    return this.widths.length;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    // exceljs checks each new merge against every earlier one: quadratic, minutes for a sheet of
    // 2,000 meeting records. Ours never overlap by construction, so it is shown none.
    const ws = this.ws as unknown as { _merges: Record<string, unknown> };
    const earlier = ws._merges;
    ws._merges = {};
    try {
      this.ws.mergeCells(r1, c1, r2, c2);
    } finally {
      Object.assign(earlier, ws._merges);
      ws._merges = earlier;
    }
  }

  /** A full-width line of text (title, paragraph); returns its row. */
  line(text: string, style: Partial<ExcelJS.Style>, height?: number): number {
    const r = this.row++;
    const cell = this.ws.getCell(r, 1);
    cell.value = text;
    cell.style = style;
    this.merge(r, 1, r, this.cols);
    if (height) this.ws.getRow(r).height = height;
    return r;
  }

  title(s: Section): void {
    this.line(s.title, S.title, 32);
    const unit = s.unit ? `填报单位：${s.unit}` : '';
    if (unit || s.period) {
      const r = this.row++;
      const half = Math.max(1, Math.floor(this.cols / 2));
      if (unit && s.period && this.cols > 1) {
        this.ws.getCell(r, 1).value = unit;
        this.ws.getCell(r, 1).style = S.subLeft;
        this.merge(r, 1, r, half);
        this.ws.getCell(r, half + 1).value = s.period;
        this.ws.getCell(r, half + 1).style = S.subRight;
        this.merge(r, half + 1, r, this.cols);
      } else {
        this.ws.getCell(r, 1).value = unit || s.period;
        this.ws.getCell(r, 1).style = unit ? S.subLeft : { ...S.subLeft, alignment: { horizontal: 'center' } };
        this.merge(r, 1, r, this.cols);
      }
      this.ws.getRow(r).height = 20;
    }
  }

  table(b: TableBlock, single: boolean): void {
    const first = this.row;
    const ws = this.ws;
    if (b.groups && b.groups.length > 0) {
      const top = this.row++;
      const second = this.row++;
      let col = 1;
      for (const g of b.groups) {
        if (g.span === 1 && !g.header) {
          const c = ws.getCell(top, col);
          c.value = b.columns[col - 1]!.header;
          c.style = S.header;
          ws.getCell(second, col).style = S.header;
          this.merge(top, col, second, col);
        } else {
          ws.getCell(top, col).value = g.header;
          for (let k = 0; k < g.span; k++) {
            ws.getCell(top, col + k).style = S.header;
            const c = ws.getCell(second, col + k);
            c.value = b.columns[col - 1 + k]!.header;
            c.style = S.header;
          }
          this.merge(top, col, top, col + g.span - 1);
        }
        col += g.span;
      }
    } else {
      const r = ws.getRow(this.row++);
      b.columns.forEach((c, i) => {
        const cell = r.getCell(i + 1);
        cell.value = c.header;
        cell.style = S.header;
      });
      const lines = Math.max(...b.columns.map((c, i) => linesFor(c.header, this.widths[i] ?? 4)));
      if (lines > 1) r.height = lines * LINE_PT + 2;
    }
    if (single) this.headerRange = [first, this.row - 1];

    const styles = b.columns.map((c) => KIND_STYLE[c.kind ?? 'text']);
    const wrapCols = b.columns.map((c, i) => ((c.kind ?? 'text') === 'text' || c.kind === 'center' ? i : -1)).filter((i) => i >= 0);
    const put = (values: Cell[], fill?: ExcelJS.Fill) => {
      const r = ws.getRow(this.row++);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const cell = r.getCell(i + 1);
        const kind = b.columns[i]?.kind ?? 'text';
        // Figures are numbers Excel can sum (a score arrives as '19.5'); everything else is text.
        cell.value = v === null || v === undefined ? null
          : kind === 'number' && typeof v === 'number' ? v
          : kind === 'number' && NUMERIC.test(v as string) ? Number(v) : String(v);
        cell.style = fill ? { ...styles[i], fill } : styles[i]!;
        const decimals = b.columns[i]?.decimals;
        if (decimals !== undefined && typeof cell.value === 'number') cell.numFmt = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
      }
      let lines = 1;
      for (const i of wrapCols) {
        const v = values[i];
        if (typeof v === 'string' && v.length > 4) lines = Math.max(lines, linesFor(v, this.widths[i]!));
      }
      if (lines > 1) r.height = lines * LINE_PT + 2;
    };
    if (b.rows.length === 0) {
      const r = this.row++;
      const c = ws.getCell(r, 1);
      c.value = b.emptyText ?? '（无）';
      c.style = S.center;
      for (let i = 2; i <= b.columns.length; i++) ws.getCell(r, i).style = S.center;
      this.merge(r, 1, r, b.columns.length);
    }
    const captions = b.captions ?? [];
    let next = 0;
    b.rows.forEach((values, i) => {
      while (next < captions.length && captions[next]!.before === i) {
        const r = this.row++;
        const c = ws.getCell(r, 1);
        c.value = captions[next]!.text;
        c.style = S.caption;
        for (let k = 2; k <= b.columns.length; k++) ws.getCell(r, k).style = S.caption;
        this.merge(r, 1, r, b.columns.length);
        ws.getRow(r).height = 20;
        next++;
      }
      put(values);
    });
    if (b.totals) put(b.totals, FILL_HEADER);
  }

  grid(b: GridBlock): void {
    const ws = this.ws;
    const start = this.row;
    const n = this.cols;
    const covered: boolean[][] = b.rows.map(() => new Array(n).fill(false));
    b.rows.forEach((row, ri) => {
      const r = start + ri;
      let col = 0;
      let lines = b.heights?.[ri] ?? 1;
      for (const cell of row) {
        while (col < n && covered[ri]![col]) col++;
        const span = cell.span ?? 1;
        const rowSpan = cell.rowSpan ?? 1;
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < span; dc++) if (covered[ri + dr]) covered[ri + dr]![col + dc] = true;
        const style = cell.label ? S.label : { ...S.text, alignment: { ...S.text.alignment, horizontal: cell.align ?? 'left' } };
        const c = ws.getCell(r, col + 1);
        c.value = cell.text;
        c.style = style as Partial<ExcelJS.Style>;
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < span; dc++) if (dr || dc) ws.getCell(r + dr, col + 1 + dc).style = style as Partial<ExcelJS.Style>;
        this.merge(r, col + 1, r + rowSpan - 1, col + span);
        if (rowSpan === 1) {
          const w = this.widths.slice(col, col + span).reduce((a, c2) => a + c2, 0);
          lines = Math.max(lines, linesFor(cell.text, w));
        }
        col += span;
      }
      ws.getRow(r).height = Math.max(22, lines * LINE_PT + 6);
    });
    this.row = start + b.rows.length;
  }

  signatures(b: SignaturesBlock): void {
    this.row++;
    const r = this.row++;
    const n = this.cols;
    const per = Math.max(1, Math.floor(n / b.items.length));
    b.items.forEach((item, i) => {
      const c1 = i * per + 1;
      const c2 = i === b.items.length - 1 ? n : Math.min(n, c1 + per - 1);
      if (c1 > n) return;
      const c = this.ws.getCell(r, c1);
      c.value = item;
      c.style = item.includes('\n') ? { ...S.subLeft, alignment: { vertical: 'top', wrapText: true } } : S.subLeft;
      this.merge(r, c1, r, c2);
      if (b.dated) {
        const d = this.ws.getCell(r + 1, c1);
        d.value = '年　　月　　日';
        d.style = { ...S.subLeft, alignment: { horizontal: 'center' } };
        this.merge(r + 1, c1, r + 1, c2);
      }
    });
    this.ws.getRow(r).height = Math.max(28, Math.max(...b.items.map((i) => i.split('\n').length)) * LINE_PT + 6);
    if (b.dated) {
      this.ws.getRow(r + 1).height = 28;
      this.row++;
    }
  }

  block(b: Block, single: boolean): void {
    switch (b.type) {
      case 'table':
        return this.table(b, single);
      case 'grid':
        return this.grid(b);
      case 'signatures':
        return this.signatures(b);
      case 'text': {
        const style = b.style === 'heading' ? S.heading : b.style === 'note' ? S.note : b.style === 'right' ? S.subRight : S.para;
        const text = b.style === 'body' || !b.style ? `　　${b.text}` : b.text;
        const total = this.widths.reduce((a, c) => a + c, 0);
        this.line(text, style, Math.max(20, linesFor(text, total) * LINE_PT + 6));
        return;
      }
    }
  }
}

/** Excel widths for a sheet: fitted to its tables' content, or its form grid scaled to the page. */
function sheetWidths(sections: Section[]): number[] {
  const tables = sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.type === 'table'));
  if (tables.length > 0) {
    const cols = tables[0]!.columns;
    const same = tables.filter((t) => t.columns.length === cols.length);
    const sample: Cell[][] = [];
    for (const t of same) for (const r of t.rows) sample.push(r);
    for (const t of same) if (t.totals) sample.push(t.totals);
    return excelWidths(cols, sample);
  }
  const grid = sections.flatMap((s) => s.blocks).find((b): b is GridBlock => b.type === 'grid');
  const orientation: Orientation = sections[0]?.orientation ?? 'portrait';
  const pageUnits = orientation === 'landscape' ? 140 : 94;
  if (grid) {
    const total = grid.widths.reduce((a, c) => a + c, 0);
    return grid.widths.map((w) => Math.round((w / total) * pageUnits * 10) / 10);
  }
  return new Array(8).fill(pageUnits / 8);
}

/** The exceljs workbook of a register (every format but the binder). */
export function toWorkbook(doc: RegisterDoc): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建台帐';
  wb.title = doc.title;
  wb.created = new Date(`${doc.printedOn}T00:00:00`);
  // Group consecutive sections by sheet.
  const sheets: { name: string; sections: Section[] }[] = [];
  for (const s of doc.sections) {
    const last = sheets[sheets.length - 1];
    if (last && last.name === s.sheet) last.sections.push(s);
    else sheets.push({ name: s.sheet, sections: [s] });
  }
  const used = new Set<string>();
  const footer = footerText(doc);
  for (const sh of sheets) {
    const orientation = sh.sections[0]!.orientation;
    const ws = wb.addWorksheet(sheetName(sh.name, used), {
      pageSetup: {
        paperSize: 9,
        orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: footer, evenFooter: footer },
      properties: { defaultRowHeight: 18 },
    });
    const w = new SheetWriter(ws);
    w.widths = sheetWidths(sh.sections);
    w.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    const tables = sh.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'table').length;
    const single = sh.sections.length === 1 && tables === 1;
    sh.sections.forEach((s, i) => {
      if (i > 0) {
        ws.getRow(w.row - 1).addPageBreak();
      }
      w.title(s);
      for (const b of s.blocks) w.block(b, single);
    });
    const lastCol = ws.getColumn(w.cols).letter;
    ws.pageSetup.printArea = `A1:${lastCol}${Math.max(1, w.row - 1)}`;
    if (w.headerRange) {
      ws.pageSetup.printTitlesRow = `${w.headerRange[0]}:${w.headerRange[1]}`;
      ws.views = [{ state: 'frozen', xSplit: 0, ySplit: w.headerRange[1], topLeftCell: `A${w.headerRange[1] + 1}`, activeCell: `A${w.headerRange[1] + 1}` }];
    }
  }
  if (sheets.length === 0) {
    const ws = wb.addWorksheet('空');
    ws.getCell(1, 1).value = '（无内容）';
  }
  return wb;
}

