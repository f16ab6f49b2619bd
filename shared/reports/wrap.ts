// Line breaking for table cells, done before pdfmake sees the text. pdfmake breaks CJK text into
// one "word" per character and resolves some twenty style properties for each: on a long roster
// that is most of its time. Cells arrive pre-broken into lines it lays out without breaking.

/** Width of one character in em. */
export type CharWidth = (codePoint: number) => number;

/** WenKai's advance widths where known exactly (CJK 1 em, digits 0.6 em), a safe guess elsewhere. */
export const estimateCharWidth: CharWidth = (cp) => {
  if (cp >= 0x2e80) return 1;
  if (cp === 0x20 || cp === 0x2d || cp === 0x2e || cp === 0x3a || cp === 0xb7 || cp === 0x2c) return 0.35;
  if (cp >= 0x2000 && cp <= 0x206f) return cp === 0x2022 ? 0.35 : 1;
  if (cp >= 0x41 && cp <= 0x5a) return 0.75; // capitals vary most (M 0.86, I 0.3)
  return 0.6;
};

/** Characters that must not begin a line (标点挤压: closing punctuation stays with what it closes). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】”’…%,.;:?!)]}']);
/** Characters that must not end a line. */
const NO_LINE_END = new Set([...'（《「『【“‘([{']);
const OPEN_PAREN = new Set([...'（(']);
const CLOSE_PAREN = new Set([...'）)']);
const isAsciiWord = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

export function textEm(text: string, width: CharWidth): number {
  let w = 0;
  for (const ch of text) w += width(ch.codePointAt(0)!);
  return w;
}

/**
 * Greedy line breaking to `maxEm`: between any two CJK characters, but not inside a run of Latin
 * letters and digits (a phone number, 101室's 101) when the run fits on a line of its own, and
 * never before closing punctuation. Explicit newlines are kept.
 */
export function wrapText(text: string, maxEm: number, width: CharWidth = estimateCharWidth): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const chars = [...para];
    const widths = chars.map((c) => width(c.codePointAt(0)!));
    let start = 0;
    while (start < chars.length) {
      let w = 0;
      let end = start;
      while (end < chars.length && w + widths[end]! <= maxEm + 1e-6) w += widths[end++]!;
      if (end === start) end = start + 1; // a single character wider than the cell still goes somewhere
      if (end < chars.length) {
        // Keep a Latin/digit run whole if it can fit on one line.
        const cpAt = (i: number) => chars[i]!.codePointAt(0)!;
        if (isAsciiWord(cpAt(end)) && isAsciiWord(cpAt(end - 1))) {
          let k = end;
          while (k > start && isAsciiWord(cpAt(k - 1))) k--;
          let runEnd = end;
          while (runEnd < chars.length && isAsciiWord(cpAt(runEnd))) runEnd++;
          const runW = widths.slice(k, runEnd).reduce((a, b) => a + b, 0);
          if (k > start && runW <= maxEm) end = k;
        }
        // Closing punctuation may not start a line: take characters down with it (「）、」 is two).
        while (end - 1 > start && NO_LINE_START.has(chars[end]!)) end--;
        // A parenthesised part that fits on a line is not broken: 「流出（流入）地」, 「（租住）」.
        let open = end - 1;
        while (open > start && !OPEN_PAREN.has(chars[open]!) && !CLOSE_PAREN.has(chars[open]!)) open--;
        if (open > start && OPEN_PAREN.has(chars[open]!)) {
          let close = end;
          while (close < chars.length && !CLOSE_PAREN.has(chars[close]!)) close++;
          if (close < chars.length && widths.slice(open, close + 1).reduce((x, y) => x + y, 0) <= maxEm + 1e-6) end = open;
        }
        // Opening punctuation may not end one: it goes down with what it opens.
        while (end - 1 > start && NO_LINE_END.has(chars[end - 1]!)) end--;
      }
      out.push(chars.slice(start, end).join(''));
      start = end;
    }
    if (chars.length === 0) out.push('');
  }
  return out;
}
