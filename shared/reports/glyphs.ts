// Glyph coverage. pdfmake draws nothing and says nothing for a character its font lacks, so every
// string is checked before it reaches the PDF: characters the main font lacks go to the first
// fallback font that has them; characters no font has become a blank to write in by hand, and
// the export says so (a member's name is never printed silently short of a character).

export type GlyphFont = {
  /** The pdfmake font family name. */
  name: string;
  hasGlyph(codePoint: number): boolean;
};

/** Printed where no font has the character: a box to write it in by hand. */
export const MISSING_GLYPH_PLACEHOLDER = '〔　〕';

export type TextRun = { text: string; font?: string };

export class GlyphChecker {
  /** Code point → index of the first font that has it, or -1. */
  private readonly cache = new Map<number, number>();
  private readonly problems = new Map<string, string>();

  constructor(private readonly fonts: GlyphFont[]) {
    if (fonts.length === 0) throw new Error('GlyphChecker needs at least one font');
  }

  private fontFor(cp: number): number {
    let i = this.cache.get(cp);
    if (i === undefined) {
      i = this.fonts.findIndex((f) => f.hasGlyph(cp));
      this.cache.set(cp, i);
    }
    return i;
  }

  /** True when the main font has every character (control characters and spaces excepted). */
  covers(text: string): boolean {
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code <= 0x20) continue;
      const cp = text.codePointAt(k)!;
      if (cp > 0xffff) k++;
      if (this.fontFor(cp) !== 0) return false;
    }
    return true;
  }

  /**
   * The text as runs by font: a plain string when the main font has it all (the common case,
   * kept cheap), else runs naming the fallback font, with placeholders for what no font has.
   */
  runs(text: string): string | TextRun[] {
    if (this.covers(text)) return text;
    const runs: TextRun[] = [];
    const missing: string[] = [];
    const push = (s: string, font: number) => {
      const name = font > 0 ? this.fonts[font]!.name : undefined;
      const last = runs[runs.length - 1];
      if (last && last.font === name) last.text += s;
      else runs.push(name ? { text: s, font: name } : { text: s });
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp <= 0x20) {
        push(ch, 0);
        continue;
      }
      const f = this.fontFor(cp);
      if (f >= 0) push(ch, f);
      else {
        missing.push(ch);
        push(MISSING_GLYPH_PLACEHOLDER, 0);
      }
    }
    if (missing.length > 0) this.warn(text, missing);
    return runs;
  }

  /**
   * The text as it will print: characters no font has replaced by the blank (and the warning
   * recorded). Table cells go through this before they are measured, so the blank gets its room.
   */
  printable(text: string): string {
    if (this.covers(text)) return text;
    const missing = this.missingIn(text);
    if (missing.length === 0) return text;
    this.warn(text, missing);
    let out = '';
    for (const ch of text) out += missing.includes(ch) ? MISSING_GLYPH_PLACEHOLDER : ch;
    return out;
  }

  private warn(text: string, missing: string[]): void {
    const chars = [...new Set(missing)].map((c) => `「${c}」（U+${c.codePointAt(0)!.toString(16).toUpperCase()}）`).join('、');
    this.problems.set(text, `「${text}」中的${chars}字体中没有，PDF 中已留出空位「${MISSING_GLYPH_PLACEHOLDER}」，请打印后手工补写。`);
  }

  /** One Chinese sentence per string that printed with a blank. */
  warnings(): string[] {
    return [...this.problems.values()];
  }

  /** The characters of `text` that no font has. */
  missingIn(text: string): string[] {
    const out: string[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0x20 && this.fontFor(cp) < 0) out.push(ch);
    }
    return out;
  }
}
