// Long registers in bounded memory. pdfmake lays out a whole document before it writes a page and
// keeps every laid-out page until then, so a 2,000-page register costs about 1 GB. Here a long
// register is cut into pieces of about PIECE_PAGES pages (between sections, or between the branch
// tables of one long section, so column widths stay those of the whole table), each piece is laid
// out alone and its pages copied into one pdf-lib document, and its layout is freed before the
// next. What depends on the whole document comes last, once the page count is known: the footers
// (「第 X 页 共 Y 页」, drawn by pdfmake from the register's own footer on otherwise empty pages and
// laid over each page) and the binder's cover with its 目录 page numbers.
import { PDFDocument } from 'pdf-lib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RegisterDoc, Section } from '../../shared/reports/model';
import { type PdfOptions, toPdfDefinition } from '../../shared/reports/pdf';
import { pdfmakeWithFonts } from './fonts';

/** About how many pages one piece lays out at a time. */
const PIECE_PAGES = 20;
/** A long section is cut less often: each cut leaves the page before it part-filled. */
const CUT_PAGES = 40;
/** Table and form rows that make about a page. */
const ROWS_PER_PAGE = 20;

type Piece = {
  def: TDocumentDefinitions;
  /** Index of the section the piece begins, when the 目录 points at it. */
  tocSection: number | null;
  /** Its estimated length, for the progress bar. */
  pages: number;
};

function estimatePages(s: Section): number {
  let rows = 0;
  for (const b of s.blocks) rows += b.type === 'table' || b.type === 'grid' ? b.rows.length : 1;
  return Math.max(1, rows / ROWS_PER_PAGE);
}

/** The register's estimated length in pages: short ones are laid out whole, as they always were. */
export function estimateDocPages(doc: RegisterDoc): number {
  return doc.sections.reduce((n, s) => n + estimatePages(s), doc.cover ? 2 : 0);
}

export function needsPieces(doc: RegisterDoc): boolean {
  return estimateDocPages(doc) > PIECE_PAGES;
}

type Stackish = { stack: (Content & { table?: { body: unknown[] } })[] };

/** The node of a long section whose stack is its branch tables (one per caption), if any. */
function branchTables(content: Content[]): number {
  return content.findIndex((n) => {
    const s = (n as Partial<Stackish>).stack;
    return Array.isArray(s) && s.length > 1 && s.every((t) => typeof t === 'object' && t !== null && 'table' in t);
  });
}

/**
 * One long section's definition cut between its branch tables: the title with the first tables,
 * then more tables, then the last tables with whatever follows them (signatures, notes).
 */
function splitSection(def: TDocumentDefinitions): TDocumentDefinitions[] {
  const content = def.content as Content[];
  const at = branchTables(content);
  if (at < 0) return [def];
  const node = content[at] as Stackish & Record<string, unknown>;
  const groups: Stackish['stack'][] = [[]];
  let rows = 0;
  for (const t of node.stack) {
    const n = t.table?.body.length ?? 1;
    if (rows > 0 && rows + n > CUT_PAGES * ROWS_PER_PAGE) {
      groups.push([]);
      rows = 0;
    }
    groups[groups.length - 1]!.push(t);
    rows += n;
  }
  return groups.map((stack, g) => ({
    ...def,
    content: [...(g === 0 ? content.slice(0, at) : []), { ...node, stack } as Content, ...(g === groups.length - 1 ? content.slice(at + 1) : [])],
  }));
}

/**
 * The body of the register (no cover), cut into pieces, each built only when its turn comes: one
 * piece's definition and layout are in memory at a time.
 */
function* pieces(doc: RegisterDoc, opts: PdfOptions): Generator<Piece> {
  const body = (sections: Section[]) => toPdfDefinition({ ...doc, cover: undefined, sections }, opts);
  const toc = (i: number) => (doc.cover && doc.sections[i]!.toc ? i : null);
  let run: { from: number; to: number; pages: number } | null = null;
  for (let i = 0; i <= doc.sections.length; i++) {
    const s = doc.sections[i];
    const pages = s ? estimatePages(s) : 0;
    if (run && (!s || toc(i) !== null || pages > PIECE_PAGES || run.pages + pages > PIECE_PAGES)) {
      yield { def: body(doc.sections.slice(run.from, run.to)), tocSection: toc(run.from), pages: run.pages };
      run = null;
    }
    if (!s) break;
    if (pages > PIECE_PAGES) {
      const parts = splitSection(body([s]));
      const each = pages / parts.length;
      for (let k = 0; parts.length > 0; k++) yield { def: parts.shift()!, tocSection: k === 0 ? toc(i) : null, pages: each };
      continue;
    }
    run ??= { from: i, to: i, pages: 0 };
    run.to = i + 1;
    run.pages += pages;
  }
}

/** A deep copy of plain objects and arrays; functions (table layouts) are shared. */
function copy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copy) as T;
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

async function layOut(def: TDocumentDefinitions, onProgress?: (f: number) => void): Promise<PDFDocument> {
  const pdfmake = pdfmakeWithFonts();
  pdfmake.setProgressCallback(onProgress ?? (() => {}));
  // pdfmake writes its layout into the nodes it is given; nodes shared between pieces (a table's
  // header rows) would keep every earlier piece's layout alive.
  const bytes = await pdfmake.createPdf({ ...def, content: copy(def.content), footer: undefined }).getBuffer();
  return PDFDocument.load(bytes);
}

/** The cover and 目录, with the start page of each register written in. */
function coverDefinition(doc: RegisterDoc, opts: PdfOptions, pageOf: (section: number) => string): TDocumentDefinitions {
  // Titles only: the cover lists the sections, and nothing of their bodies is needed.
  const def = toPdfDefinition({ ...doc, sections: doc.sections.map((s) => ({ ...s, blocks: [] })) }, opts);
  const content = def.content as Content[];
  const refs = (n: unknown): boolean => JSON.stringify(n).includes('"pageReference"');
  const last = content.findIndex(refs);
  const fill = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(fill);
    if (typeof n !== 'object' || n === null) return n;
    const o = n as Record<string, unknown>;
    if (typeof o.pageReference === 'string') {
      const { pageReference, ...rest } = o;
      return { ...rest, text: pageOf(Number(/^sec-(\d+)$/.exec(pageReference)?.[1])) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'function' ? v : fill(v)]));
  };
  return { ...def, content: content.slice(0, last + 1).map((n) => fill(n) as Content) };
}

/** The register's footers alone, one per page of `sizes`, laid out by pdfmake as in a whole document. */
function footerDefinition(doc: RegisterDoc, opts: PdfOptions, sizes: { width: number; height: number }[]): TDocumentDefinitions {
  const def = toPdfDefinition({ ...doc, sections: [] }, opts);
  const orientation = (s: { width: number; height: number }) => (s.width > s.height ? 'landscape' : 'portrait');
  return {
    ...def,
    pageOrientation: orientation(sizes[0]!),
    content: sizes.map((s, i) => ({ text: ' ', ...(i > 0 ? { pageBreak: 'before', pageOrientation: orientation(s) } : {}) }) as Content),
  };
}

/** Renders a long register piece by piece and joins the pieces; see the top of this file. */
export async function renderInPieces(doc: RegisterDoc, opts: PdfOptions, onProgress?: (fraction: number) => void): Promise<{ bytes: Uint8Array; pages: number }> {
  const out = await PDFDocument.create();
  const total = estimateDocPages(doc) * 1.1;
  let done = 0;
  const starts = new Map<number, number>();
  for (const p of pieces(doc, opts)) {
    const src = await layOut(p.def, onProgress && ((f) => onProgress(Math.min(1, (done + f * p.pages) / total))));
    if (p.tocSection !== null) starts.set(p.tocSection, out.getPageCount() + 1);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    done += p.pages;
  }
  if (doc.cover) {
    // The cover's own length does not depend on the numbers in its 目录: learn it, then fill them in.
    const coverPages = (await layOut(coverDefinition(doc, opts, () => '0'))).getPageCount();
    const cover = await layOut(coverDefinition(doc, opts, (i) => String(coverPages + (starts.get(i) ?? 0))));
    const copied = await out.copyPages(cover, cover.getPageIndices());
    copied.forEach((page, k) => out.insertPage(k, page));
  }
  const pages = out.getPages();
  const footers = await PDFDocument.load(await pdfmakeWithFonts().createPdf(footerDefinition(doc, opts, pages.map((p) => p.getSize()))).getBuffer());
  const embedded = await out.embedPages(footers.getPages());
  pages.forEach((page, i) => page.drawPage(embedded[i]!, { x: 0, y: 0 }));
  const info = toPdfDefinition({ ...doc, sections: [] }, opts).info ?? {};
  out.setTitle(info.title ?? doc.title);
  out.setAuthor(info.author ?? '');
  out.setSubject(info.subject ?? '');
  out.setCreator(info.creator ?? '');
  out.setProducer(info.producer ?? '');
  const bytes = await out.save();
  onProgress?.(1);
  return { bytes, pages: pages.length };
}
