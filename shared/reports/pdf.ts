// RegisterDoc → pdfmake document definition (pdfmake 0.3). Pure: fonts are named, not loaded;
// electron/reports/render.ts registers them and renders.
import type { Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  FONT_SIZE, PAGE_MARGINS, layoutPdfTable, measureColumns, pageFooter, printDateText, usableWidth,
} from './conventions';
import type { GlyphChecker } from './glyphs';
import { footerTitle } from './masking';
import { type Block, type Cell, type Column, type Cover, type GridBlock, type Orientation, type RegisterDoc, type Section, type SignaturesBlock, type TableBlock, withDecimals } from './model';
import { type CharWidth, estimateCharWidth, textEm, wrapText } from './wrap';

const PAD = 2.5;
const LINE = 0.5;
const HEADER_FILL = '#ececec';
const LABEL_FILL = '#f4f4f4';
const CAPTION_FILL = '#f7f7f7';
/** Data rows that go over to a new page with the signatures rather than leave them alone there. */
const TAIL_ROWS = 2;

const gridLayout: CustomTableLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#222222',
  vLineColor: () => '#222222',
  paddingLeft: () => PAD,
  paddingRight: () => PAD,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export type PdfOptions = {
  /** Glyph coverage and fallback fonts; every string goes through it. */
  glyphs: GlyphChecker;
  /** The pdfmake font family of the main CJK font. */
  font: string;
  /** Advance widths of the main font in em; estimated when absent. */
  charWidth?: CharWidth;
};

type Txt = string | { text: string; font?: string }[];

const isHeading = (b: Block | undefined): boolean => b?.type === 'text' && b.style === 'heading';

const asObject = (c: TableCell): Record<string, unknown> => (typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : { text: c });

class PdfBuilder {
  private readonly charWidth: CharWidth;
  /** Whether each column of the table being built wraps. */
  private wrapCols: boolean[] = [];

  constructor(private readonly opts: PdfOptions) {
    this.charWidth = opts.charWidth ?? estimateCharWidth;
  }

  t(s: string): Txt {
    return this.opts.glyphs.runs(s);
  }

  title(section: Section, id: string | null): Content[] {
    const out: Content[] = [
      { text: this.t(section.title), fontSize: FONT_SIZE.title, alignment: 'center', margin: [0, 0, 0, 6], ...(id ? { id } : {}) } as Content,
    ];
    const unit = section.unit ? `填报单位：${section.unit}` : '';
    if (unit || section.period) {
      out.push({
        columns: [
          { text: this.t(unit), alignment: 'left', width: '*' },
          { text: this.t(section.period), alignment: unit ? 'right' : 'center', width: unit ? 'auto' : '*' },
        ],
        fontSize: FONT_SIZE.subtitle,
        margin: [0, 0, 0, 6],
      });
    }
    return out;
  }

  /** Em width of a text in the main font. */
  em(text: string): number {
    return textEm(text, this.charWidth);
  }

  /**
   * A cell's content, broken into lines that fit `widthPt` at `fontSize`: a plain string for one
   * line, a stack of lines otherwise (the table is noWrap, so pdfmake does not break them again).
   * Text needing a fallback font keeps pdfmake's own wrapping.
   */
  fit(v: unknown, widthPt: number, fontSize: number, alignment?: 'left' | 'center' | 'right', wrap = true): TableCell {
    if (v === null || v === undefined || v === '') return '';
    const s = String(v);
    const runs = this.t(s);
    // Characters from a fallback font: pdfmake measures and (in wrapping columns) breaks those.
    if (typeof runs !== 'string') return { text: runs, ...(wrap ? { noWrap: false } : {}), ...(alignment ? { alignment } : {}) };
    const maxEm = (widthPt - 0.5) / fontSize;
    const lines = !s.includes('\n') && this.em(s) <= maxEm ? null : wrapText(s, maxEm, this.charWidth);
    if (!lines || lines.length === 1) return alignment ? { text: lines?.[0] ?? s, alignment } : (lines?.[0] ?? s);
    return alignment ? { stack: lines, alignment } : { stack: lines };
  }

  /** Cells as they will print (fixed decimals, blanks for characters no font has), so they are measured as such. */
  printableRows(rows: Cell[][], columns: Column[]): Cell[][] {
    const g = this.opts.glyphs;
    return rows.map((r) => r.map((v, i) => {
      const x = withDecimals(v, columns[i]?.decimals);
      return typeof x === 'string' ? g.printable(x) : x;
    }));
  }

  /** tail: what must not be parted from the table's last rows (signatures, the lines before them). */
  table(block: TableBlock, orientation: Orientation, tail?: Content[]): Content {
    const b: TableBlock = { ...block, rows: this.printableRows(block.rows, block.columns), ...(block.totals ? { totals: this.printableRows([block.totals], block.columns)[0] } : {}) };
    const n = b.columns.length;
    const fits = measureColumns(b.columns, b.totals ? [...b.rows, b.totals] : b.rows, 1.2, (s) => this.em(s) * 2);
    this.wrapCols = fits.map((f) => f.wrap);
    const wrapCols = fits.map((f, i) => (f.wrap ? i : -1)).filter((i) => i >= 0);
    const ems = b.rows.map((r) => wrapCols.map((i) => (r[i] === null || r[i] === undefined ? 0 : this.em(String(r[i])))));
    // Estimated height: each row as tall as its most wrapped cell.
    const height = (size: number, w: number[]) => {
      let h = 0;
      for (const row of ems) {
        let lines = 1;
        row.forEach((em, k) => (lines = Math.max(lines, Math.ceil((em * size) / (w[wrapCols[k]!]! - 0.5)))));
        h += lines * size * 1.25 + 4;
      }
      return h;
    };
    const { fontSize, widths } = layoutPdfTable(fits, orientation, PAD * 2 + LINE, height);
    const spanWidth = (from: number, count: number) => widths.slice(from, from + count).reduce((x, y) => x + y, 0) + (count - 1) * (PAD * 2 + LINE);
    const align = b.columns.map((c): 'right' | 'center' | undefined => (c.kind === 'number' ? 'right' : c.kind === 'center' || c.kind === 'date' ? 'center' : undefined));
    const full = (content: TableCell, extra: Record<string, unknown> = {}): TableCell[] => {
      const row: TableCell[] = [{ ...(typeof content === 'object' ? content : { text: content }), colSpan: n, ...extra } as TableCell];
      for (let k = 1; k < n; k++) row.push('');
      return row;
    };

    // pdfmake mutates the nodes it lays out: a header row shared by several tables prints only in
    // the first, so every table gets header cells of its own.
    const makeHeader = (): TableCell[][] => {
      const header: TableCell[][] = [];
      if (b.groups && b.groups.length > 0) {
        const top: TableCell[] = [];
        const second: TableCell[] = [];
        let col = 0;
        for (const g of b.groups) {
          if (g.span === 1 && !g.header) {
            top.push({ ...asObject(this.fit(b.columns[col]!.header, widths[col]!, fontSize, 'center')), rowSpan: 2 } as TableCell);
            second.push('');
          } else {
            top.push({ ...asObject(this.fit(g.header, spanWidth(col, g.span), fontSize, 'center')), colSpan: g.span } as TableCell);
            for (let k = 1; k < g.span; k++) top.push('');
            for (let k = 0; k < g.span; k++) second.push(this.fit(b.columns[col + k]!.header, widths[col + k]!, fontSize, 'center'));
          }
          col += g.span;
        }
        header.push(top, second);
      } else {
        header.push(b.columns.map((c, i) => this.fit(c.header, widths[i]!, fontSize, 'center')));
      }
      return header;
    };

    // One table per caption (a branch, a post): the caption heads it and repeats with the column
    // header on every page it runs over, and never stays behind alone at the foot of a page.
    const parts: { caption: string | null; rows: Cell[][] }[] = [];
    const captions = [...(b.captions ?? [])].sort((x, y) => x.before - y.before);
    if (captions.length === 0 || captions[0]!.before > 0) parts.push({ caption: null, rows: [] });
    let ci = 0;
    b.rows.forEach((r, i) => {
      while (ci < captions.length && captions[ci]!.before === i) parts.push({ caption: captions[ci++]!.text, rows: [] });
      parts[parts.length - 1]!.rows.push(r);
    });
    while (ci < captions.length) parts.push({ caption: captions[ci++]!.text, rows: [] });

    const tableWidth = spanWidth(0, n);
    // Rows and their shading, assembled into one pdfmake table; the tail (signatures and the lines
    // before them) rides in the table's last row with the last data rows, so that a page break
    // carries a few rows, the repeated header and the signatures over together.
    type Row = { cells: TableCell[]; fill: string | null };
    const assemble = (rows: Row[], headerRows: number, extra: Partial<ContentTable['table']>, withTail: boolean): ContentTable => {
      const fills = rows.map((r) => r.fill);
      const body = rows.map((r) => r.cells);
      if (withTail && tail) {
        const keep = Math.min(TAIL_ROWS + (b.totals ? 1 : 0), body.length - headerRows);
        const kept = body.splice(body.length - keep);
        const keptFills = fills.splice(fills.length - keep);
        const stack: Content[] = [];
        if (kept.length > 0) {
          stack.push({
            table: { widths: [...widths], body: kept, dontBreakRows: true },
            // Its top line is the outer table's line under the row above.
            layout: { ...gridLayout, hLineWidth: (i: number) => (i === 0 ? 0 : LINE), fillColor: (i: number) => keptFills[i] ?? null },
            // Over the outer cell's padding and border: the rows line up with the ones above.
            margin: [-(PAD + LINE), -2, -(PAD + LINE), 0],
          } as ContentTable);
        }
        stack.push({ stack: tail, noWrap: false, lineHeight: 1.15, fontSize: FONT_SIZE.body });
        body.push(full({ stack }, { border: [false, false, false, false] }));
        fills.push(null);
      }
      return {
        table: { ...extra, headerRows, dontBreakRows: true, widths, body },
        layout: { ...gridLayout, fillColor: (i: number) => fills[i] ?? null },
      };
    };
    const emptyRow = (text: string): Row => ({ cells: full(this.fit(text, tableWidth, fontSize, 'center'), { color: '#555555' }), fill: null });
    const dataRow = (r: readonly unknown[], fill: string | null = null): Row => ({ cells: this.row(r, widths, fontSize, align), fill });
    const captionRow = (text: string): Row => ({ cells: full(this.fit(text, tableWidth, fontSize + 0.5), { fontSize: fontSize + 0.5 }), fill: CAPTION_FILL });
    const headerRowsOf = (): Row[] => makeHeader().map((cells) => ({ cells, fill: HEADER_FILL }));

    if (b.splitAtCaptions === false) {
      const rows = headerRowsOf();
      const headerRows = rows.length;
      for (const part of parts) {
        if (part.caption !== null) rows.push(captionRow(part.caption));
        for (const r of part.rows) rows.push(dataRow(r));
      }
      if (b.rows.length === 0) rows.push(emptyRow(b.emptyText ?? '（无）'));
      if (b.totals) rows.push(dataRow(b.totals, HEADER_FILL));
      return { ...assemble(rows, headerRows, {}, true), fontSize, lineHeight: 1, noWrap: true } as Content;
    }
    return {
      stack: parts.map((part, pi) => {
        const rows: Row[] = part.caption !== null ? [captionRow(part.caption)] : [];
        rows.push(...headerRowsOf());
        const headerRows = rows.length;
        if (part.rows.length === 0) rows.push(emptyRow(b.rows.length === 0 ? (b.emptyText ?? '（无）') : '（无）'));
        for (const r of part.rows) rows.push(dataRow(r));
        const lastPart = pi === parts.length - 1;
        if (b.totals && lastPart) rows.push(dataRow(b.totals, HEADER_FILL));
        return { ...assemble(rows, headerRows, { keepWithHeaderRows: 1 }, lastPart), margin: [0, 0, 0, lastPart ? 0 : 6] } as ContentTable;
      }),
      fontSize,
      lineHeight: 1,
      noWrap: true,
    } as Content;
  }

  row(r: readonly unknown[], widths: number[], fontSize: number, align: ('right' | 'center' | undefined)[]): TableCell[] {
    const out: TableCell[] = new Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = this.fit(r[i], widths[i]!, fontSize, align[i], this.wrapCols[i] ?? true);
    return out;
  }

  grid(b: GridBlock, orientation: Orientation): Content {
    const n = b.widths.length;
    const inner = usableWidth(orientation) - n * (PAD * 2 + LINE) - LINE;
    const total = b.widths.reduce((a, c) => a + c, 0);
    const widths = b.widths.map((w) => Math.floor((w / total) * inner * 100) / 100);
    // pdfmake wants every covered cell present: placeholders under row spans and after col spans.
    const covered: boolean[][] = b.rows.map(() => new Array(n).fill(false));
    const body: TableCell[][] = b.rows.map((row, ri) => {
      const out: TableCell[] = [];
      let col = 0;
      for (const cell of row) {
        while (col < n && covered[ri]![col]) {
          out.push({ text: '' });
          col++;
        }
        const span = cell.span ?? 1;
        const rowSpan = cell.rowSpan ?? 1;
        for (let dr = 1; dr < rowSpan; dr++) for (let dc = 0; dc < span; dc++) if (covered[ri + dr]) covered[ri + dr]![col + dc] = true;
        const w = widths.slice(col, col + span).reduce((x, y) => x + y, 0) + (span - 1) * (PAD * 2 + LINE);
        out.push({
          ...asObject(this.fit(this.opts.glyphs.printable(cell.text), w, FONT_SIZE.body)),
          ...(span > 1 ? { colSpan: span } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          alignment: cell.align ?? (cell.label ? 'center' : 'left'),
          ...(cell.label ? { fillColor: LABEL_FILL } : {}),
        } as TableCell);
        for (let k = 1; k < span; k++) out.push({ text: '' });
        col += span;
      }
      while (col < n) {
        out.push({ text: '' });
        col++;
      }
      return out;
    });
    const lineH = FONT_SIZE.body * 1.3;
    const heights = b.rows.map((_, i) => (b.heights?.[i] ?? 1) * lineH + 4);
    return {
      table: { widths, body, heights, dontBreakRows: true },
      layout: { ...gridLayout, paddingTop: () => 4, paddingBottom: () => 4 },
      fontSize: FONT_SIZE.body,
      lineHeight: 1.2,
      noWrap: true,
      margin: [0, 0, 0, 4],
    } as Content;
  }

  signatures(b: SignaturesBlock): Content {
    const cols: Content[] = b.items.map((item) => ({
      stack: [
        { text: this.t(item) },
        ...(b.dated ? [{ text: '年　　月　　日', margin: [0, 14, 0, 0] as [number, number, number, number], alignment: 'center' as const }] : []),
      ],
      width: '*',
    }));
    return { columns: cols, columnGap: 12, fontSize: FONT_SIZE.body, margin: [0, 14, 0, 0], unbreakable: true };
  }

  /**
   * A section's blocks. The signature lines never open a page alone: with the short lines before
   * them (考核总分, 合计) they ride in the last row of the table above them, or else stay on one
   * page with the paragraph (and its heading) before them. A heading never stays behind at the
   * foot of a page without its paragraph.
   */
  blocks(blocks: Block[], orientation: Orientation): Content[] {
    const sig = blocks.findLastIndex((x) => x.type === 'signatures');
    if (sig < 0) return this.plain(blocks, orientation);
    let from = sig;
    const short = (x: Block | undefined) => x?.type === 'text' && x.style !== undefined && x.style !== 'body';
    while (short(blocks[from - 1])) from--;
    const before = blocks[from - 1];
    const tail = blocks.slice(from).map((x) => this.block(x, orientation));
    if (before?.type === 'table') return [...this.plain(blocks.slice(0, from - 1), orientation), this.table(before, orientation, tail)];
    if (before?.type === 'text') {
      const k = isHeading(blocks[from - 2]) ? from - 2 : from - 1;
      const kept = blocks.slice(k, from).map((x) => this.block(x, orientation));
      return [...this.plain(blocks.slice(0, k), orientation), { stack: [...kept, ...tail], unbreakable: true }];
    }
    return [...this.plain(blocks.slice(0, from), orientation), ...tail];
  }

  /** Blocks in order, each heading on one page with the paragraph under it. */
  plain(blocks: Block[], orientation: Orientation): Content[] {
    const out: Content[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const x = blocks[i]!;
      const next = blocks[i + 1];
      if (isHeading(x) && next?.type === 'text' && !isHeading(next)) {
        out.push({ stack: [this.block(x, orientation), this.block(next, orientation)], unbreakable: true });
        i++;
      } else out.push(this.block(x, orientation));
    }
    return out;
  }

  block(b: Block, orientation: Orientation): Content {
    switch (b.type) {
      case 'table':
        return this.table(b, orientation);
      case 'grid':
        return this.grid(b, orientation);
      case 'signatures':
        return this.signatures(b);
      case 'text':
        if (b.style === 'heading') return { text: this.t(b.text), fontSize: 12, margin: [0, 6, 0, 3] };
        if (b.style === 'note') return { text: this.t(b.text), fontSize: 9, color: '#333333', margin: [0, 4, 0, 2] };
        if (b.style === 'right') return { text: this.t(b.text), alignment: 'right', margin: [0, 4, 0, 0] };
        return { text: this.t(b.text), lineHeight: 1.35, leadingIndent: FONT_SIZE.body * 2, margin: [0, 0, 0, 3] } as Content;
    }
  }

  /** Cover page and 目录: the page numbers are pdfmake page references to each register's title. */
  cover(c: Cover, sections: Section[]): Content[] {
    const entries = sections.map((s, i) => ({ s, i })).filter((e) => e.s.toc);
    return [
      { text: this.t(c.subtitle), fontSize: 18, alignment: 'center', margin: [0, 170, 0, 28] },
      { text: this.t(c.title), fontSize: 36, alignment: 'center', characterSpacing: 6, margin: [0, 0, 0, 230] } as Content,
      ...c.lines.map((l): Content => ({ text: this.t(l), fontSize: 15, alignment: 'center', margin: [0, 0, 0, 12] })),
      { text: '目　　录', fontSize: FONT_SIZE.title, alignment: 'center', margin: [0, 0, 0, 18], pageBreak: 'before' },
      {
        table: {
          widths: ['*', 60],
          body: entries.map((e) => [
            { text: this.t(e.s.toc!), fontSize: 13 },
            { text: '00', pageReference: `sec-${e.i}`, alignment: 'right', fontSize: 13 },
          ]),
        },
        layout: { hLineWidth: (i: number) => (i === 0 ? 0 : 0.4), vLineWidth: () => 0, hLineColor: () => '#999999', hLineStyle: () => ({ dash: { length: 1.5, space: 2 } }), paddingTop: () => 7, paddingBottom: () => 7 },
      } as Content,
    ];
  }
}

/** The pdfmake document definition of a register. */
export function toPdfDefinition(doc: RegisterDoc, opts: PdfOptions & { maxPages?: number }): TDocumentDefinitions {
  const b = new PdfBuilder(opts);
  const content: Content[] = [];
  const first = doc.sections[0]?.orientation ?? 'portrait';
  if (doc.cover) content.push(...b.cover(doc.cover, doc.sections));
  doc.sections.forEach((s, i) => {
    const nodes: Content[] = [...b.title(s, doc.cover && s.toc ? `sec-${i}` : null), ...b.blocks(s.blocks, s.orientation)];
    if (i > 0 || doc.cover) {
      // A new section starts on a new page, in its own orientation.
      content.push({ stack: nodes, pageBreak: 'before', pageOrientation: s.orientation } as Content);
    } else content.push(...nodes);
  });
  if (doc.sections.length === 0) content.push({ text: '（无内容）', alignment: 'center' });
  const footerLeft = b.t(footerTitle(doc));
  const printed = printDateText(doc.printedOn);
  return {
    pageSize: 'A4',
    pageOrientation: doc.cover ? 'portrait' : first,
    pageMargins: PAGE_MARGINS,
    defaultStyle: { font: opts.font, fontSize: FONT_SIZE.body, lineHeight: 1.15 },
    info: { title: doc.title, author: '党建台帐', subject: doc.title, creator: '党建台帐', producer: '党建台帐' },
    content,
    footer: (page: number, pages: number) =>
      doc.cover && page === 1
        ? null
        : {
            columns: [
              { text: footerLeft, alignment: 'left', width: '*' },
              { text: pageFooter(page, pages), alignment: 'center', width: 'auto' },
              { text: printed, alignment: 'right', width: '*' },
            ],
            fontSize: FONT_SIZE.footer,
            margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
          },
    ...(opts.maxPages ? { maxPagesNumber: opts.maxPages } : {}),
  } as TDocumentDefinitions;
}

