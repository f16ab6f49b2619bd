// RegisterDoc → pdfmake document definition (pdfmake 0.3). Pure: fonts are named, not loaded;
// electron/reports/render.ts registers them and renders.
import type { Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  FONT_SIZE, PAGE_MARGINS, layoutPdfTable, measureColumns, pageFooter, printDateText, usableWidth,
} from './conventions';
import type { GlyphChecker } from './glyphs';
import type { Block, Cover, GridBlock, Orientation, RegisterDoc, Section, SignaturesBlock, TableBlock } from './model';

const PAD = 2.5;
const LINE = 0.5;
const HEADER_FILL = '#ececec';
const LABEL_FILL = '#f4f4f4';
const CAPTION_FILL = '#f7f7f7';

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
};

type Txt = string | { text: string; font?: string }[];

class PdfBuilder {
  constructor(private readonly opts: PdfOptions) {}

  t(s: string): Txt {
    return this.opts.glyphs.runs(s);
  }

  cellText(v: unknown): Txt {
    if (v === null || v === undefined) return '';
    return this.t(String(v));
  }

  title(section: Section, tocItem: boolean): Content[] {
    const out: Content[] = [
      { text: this.t(section.title), fontSize: FONT_SIZE.title, alignment: 'center', margin: [0, 0, 0, 6], ...(tocItem && section.toc ? { tocItem: true } : {}) } as Content,
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

  table(b: TableBlock, orientation: Orientation): Content {
    const n = b.columns.length;
    const { fontSize, widths } = layoutPdfTable(measureColumns(b.columns, b.totals ? [...b.rows, b.totals] : b.rows), orientation, PAD * 2 + LINE);

    const align = b.columns.map((c) => (c.kind === 'number' ? 'right' : c.kind === 'center' || c.kind === 'date' ? 'center' : undefined));
    const body: TableCell[][] = [];
    let headerRows = 1;
    if (b.groups && b.groups.length > 0) {
      headerRows = 2;
      const top: TableCell[] = [];
      const second: TableCell[] = [];
      let col = 0;
      for (const g of b.groups) {
        if (g.span === 1 && !g.header) {
          top.push({ text: this.t(b.columns[col]!.header), rowSpan: 2, alignment: 'center' });
          second.push({ text: '' });
        } else {
          top.push({ text: this.t(g.header), colSpan: g.span, alignment: 'center' });
          for (let k = 1; k < g.span; k++) top.push({ text: '' });
          for (let k = 0; k < g.span; k++) second.push({ text: this.t(b.columns[col + k]!.header), alignment: 'center' });
        }
        col += g.span;
      }
      body.push(top, second);
    } else {
      body.push(b.columns.map((c) => ({ text: this.t(c.header), alignment: 'center' })));
    }
    if (b.rows.length === 0) {
      const row: TableCell[] = [{ text: this.t(b.emptyText ?? '（无）'), colSpan: n, alignment: 'center', color: '#555555' }];
      for (let k = 1; k < n; k++) row.push({ text: '' });
      body.push(row);
    }
    const captionRows = new Set<number>();
    const captions = b.captions ?? [];
    let next = 0;
    b.rows.forEach((r, i) => {
      while (next < captions.length && captions[next]!.before === i) {
        captionRows.add(body.length);
        const row: TableCell[] = [{ text: this.t(captions[next]!.text), colSpan: n, fontSize: fontSize + 0.5 }];
        for (let k = 1; k < n; k++) row.push({ text: '' });
        body.push(row);
        next++;
      }
      body.push(this.row(r, align));
    });
    if (b.totals) body.push(this.row(b.totals, align));
    const shaded = (i: number) => i < headerRows || (!!b.totals && i === body.length - 1);
    const fill = (i: number) => (shaded(i) ? HEADER_FILL : captionRows.has(i) ? CAPTION_FILL : null);

    const node: ContentTable = {
      table: { headerRows, dontBreakRows: true, widths, body },
      layout: { ...gridLayout, fillColor: fill },
      fontSize,
      lineHeight: 1.1,
    };
    return node;
  }

  row(r: readonly unknown[], align: (string | undefined)[]): TableCell[] {
    const out: TableCell[] = new Array(r.length);
    for (let i = 0; i < r.length; i++) {
      const text = this.cellText(r[i]);
      const a = align[i];
      // Plain strings keep pdfmake's per-cell style work (its hot path on long rosters) minimal.
      out[i] = a ? { text, alignment: a as 'right' | 'center' } : typeof text === 'string' ? text : { text };
    }
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
        out.push({
          text: this.t(cell.text),
          ...(span > 1 ? { colSpan: span } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          alignment: cell.align ?? (cell.label ? 'center' : 'left'),
          ...(cell.label ? { fillColor: LABEL_FILL } : {}),
        });
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
      margin: [0, 0, 0, 4],
    };
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

  block(b: Block, orientation: Orientation): Content {
    switch (b.type) {
      case 'table':
        return this.table(b, orientation);
      case 'grid':
        return this.grid(b, orientation);
      case 'signatures':
        return this.signatures(b);
      case 'text':
        if (b.style === 'heading') return { text: this.t(b.text), fontSize: 12, margin: [0, 8, 0, 4] };
        if (b.style === 'note') return { text: this.t(b.text), fontSize: 9, color: '#333333', margin: [0, 4, 0, 2] };
        if (b.style === 'right') return { text: this.t(b.text), alignment: 'right', margin: [0, 4, 0, 0] };
        return { text: this.t(b.text), lineHeight: 1.5, leadingIndent: FONT_SIZE.body * 2, margin: [0, 0, 0, 4] } as Content;
    }
  }

  cover(c: Cover): Content[] {
    return [
      { text: this.t(c.subtitle), fontSize: 16, alignment: 'center', margin: [0, 150, 0, 24] },
      { text: this.t(c.title), fontSize: 34, alignment: 'center', characterSpacing: 4, margin: [0, 0, 0, 220] } as Content,
      ...c.lines.map((l): Content => ({ text: this.t(l), fontSize: 14, alignment: 'center', margin: [0, 0, 0, 10] })),
      {
        toc: { title: { text: '目　录', fontSize: FONT_SIZE.title, alignment: 'center', margin: [0, 0, 0, 16] }, numberStyle: { alignment: 'right' } },
        pageBreak: 'before',
        fontSize: 12,
        lineHeight: 1.6,
      } as Content,
    ];
  }
}

/** The pdfmake document definition of a register. */
export function toPdfDefinition(doc: RegisterDoc, opts: PdfOptions & { maxPages?: number }): TDocumentDefinitions {
  const b = new PdfBuilder(opts);
  const content: Content[] = [];
  const first = doc.sections[0]?.orientation ?? 'portrait';
  if (doc.cover) content.push(...b.cover(doc.cover));
  doc.sections.forEach((s, i) => {
    const nodes: Content[] = [...b.title(s, !!doc.cover), ...s.blocks.map((blk) => b.block(blk, s.orientation))];
    if (i > 0 || doc.cover) {
      // A new section starts on a new page, in its own orientation.
      content.push({ stack: nodes, pageBreak: 'before', pageOrientation: s.orientation } as Content);
    } else content.push(...nodes);
  });
  if (doc.sections.length === 0) content.push({ text: '（无内容）', alignment: 'center' });
  const footerLeft = b.t(doc.title);
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

