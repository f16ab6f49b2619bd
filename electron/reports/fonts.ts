// The fonts of the PDF registers: LXGW WenKai from resources/fonts (OFL, shipped with the app),
// then any fallback TrueType fonts found on the machine for rarer characters (Windows ships
// SimSun-ExtB, which covers CJK Extension B). Loaded once per process (a 16 MB parse).
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as fontkit from 'fontkit';
import pdfmake from 'pdfmake';
import { GlyphChecker, type GlyphFont } from '../../shared/reports/glyphs';
import type { CharWidth } from '../../shared/reports/wrap';
import { MAIN_FONT_FILE, fontsDir } from './font-files';

export const MAIN_FONT = 'WenKai';

type LoadedFont = { family: string; path: string; font: fontkit.Font; buffer: Buffer };

/** System fonts tried for characters WenKai lacks; LEDGER_FALLBACK_FONTS adds more (path list). */
function fallbackPaths(): string[] {
  const extra = (process.env.LEDGER_FALLBACK_FONTS ?? '').split(delimiter).filter(Boolean);
  const windir = process.env.WINDIR ?? 'C:\\Windows';
  const system = process.platform === 'win32'
    ? [join(windir, 'Fonts', 'simsunb.ttf'), join(windir, 'Fonts', 'SimsunExtG.ttf')]
    : [];
  return [...extra, ...system].filter((p) => existsSync(p));
}

let loaded: LoadedFont[] | null = null;

function loadFonts(): LoadedFont[] {
  if (loaded) return loaded;
  const main = join(fontsDir(), MAIN_FONT_FILE);
  const list: LoadedFont[] = [];
  const add = (family: string, path: string) => {
    const buffer = readFileSync(path);
    const font = fontkit.create(buffer);
    // Collections (.ttc) need a face name; only single TrueType fonts are used.
    if (typeof (font as { hasGlyphForCodePoint?: unknown }).hasGlyphForCodePoint !== 'function') return;
    list.push({ family, path, font, buffer });
  };
  add(MAIN_FONT, main);
  fallbackPaths().forEach((p, i) => {
    try {
      add(`Fallback${i + 1}`, p);
    } catch {
      // An unreadable system font is simply not used.
    }
  });
  loaded = list;
  return list;
}

/** A fresh checker over the main font and the fallbacks (it collects one export's warnings). */
export function glyphChecker(): GlyphChecker {
  const fonts: GlyphFont[] = loadFonts().map((f) => ({ name: f.family, hasGlyph: (cp) => f.font.hasGlyphForCodePoint(cp) }));
  return new GlyphChecker(fonts);
}

let configured = false;

/** pdfmake with our fonts in its virtual file system and no file or URL access of its own. */
export function pdfmakeWithFonts(): typeof pdfmake {
  if (configured) return pdfmake;
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  const dict: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const f of loadFonts()) {
    const name = `${f.family}.ttf`;
    vfs.writeFileSync(name, f.buffer);
    dict[f.family] = { normal: name, bold: name, italics: name, bolditalics: name };
  }
  pdfmake.setFonts(dict);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
  return pdfmake;
}

let widths: Map<number, number> | null = null;

/** Advance widths of the main font in em (cached per character); 1 em where it has no glyph. */
export const mainCharWidth: CharWidth = (cp) => {
  widths ??= new Map();
  let w = widths.get(cp);
  if (w === undefined) {
    const f = loadFonts()[0]!.font;
    w = f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm : 1;
    widths.set(cp, w);
  }
  return w;
};
