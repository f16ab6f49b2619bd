// Renders a RegisterDoc to bytes: PDF through pdfmake (fonts checked glyph by glyph), xlsx through
// exceljs. In memory only: the caller writes the one file the user asked for.
import type { RegisterDoc } from '../../shared/reports/model';
import { toPdfDefinition } from '../../shared/reports/pdf';
import { toWorkbook } from '../../shared/reports/xlsx';
import { MAIN_FONT, glyphChecker, mainCharWidth, pdfmakeWithFonts } from './fonts';
import { needsPieces, renderInPieces } from './pdf-sections';

export type Rendered = { bytes: Buffer; pages: number | null; warnings: string[] };

export async function renderPdf(doc: RegisterDoc, opts: { onProgress?: (fraction: number) => void; maxPages?: number } = {}): Promise<Rendered> {
  const glyphs = glyphChecker();
  const pdfOpts = { glyphs, font: MAIN_FONT, charWidth: mainCharWidth };
  if (!opts.maxPages && needsPieces(doc)) {
    const r = await renderInPieces(doc, pdfOpts, opts.onProgress);
    return { bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), pages: r.pages, warnings: [...doc.warnings, ...glyphs.warnings()] };
  }
  const def = toPdfDefinition(doc, { ...pdfOpts, maxPages: opts.maxPages });
  const pdfmake = pdfmakeWithFonts();
  // The footer is called for every page with the page count: the cheapest way to learn it.
  let pages = 0;
  const footer = def.footer as (page: number, count: number, size: unknown) => unknown;
  def.footer = ((page: number, count: number, size: unknown) => {
    pages = count;
    return footer(page, count, size);
  }) as typeof def.footer;
  pdfmake.setProgressCallback(opts.onProgress ?? (() => {}));
  const bytes = await pdfmake.createPdf(def).getBuffer();
  if (opts.maxPages && pages > opts.maxPages) pages = opts.maxPages;
  return { bytes: Buffer.from(bytes), pages, warnings: [...doc.warnings, ...glyphs.warnings()] };
}

export async function renderXlsx(doc: RegisterDoc): Promise<Rendered> {
  const wb = toWorkbook(doc);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, pages: null, warnings: [...doc.warnings] };
}
