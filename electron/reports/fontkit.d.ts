// The fontkit that pdfkit (and so pdfmake) bundles; only what the glyph check uses.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    familyName: string;
    numGlyphs: number;
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
