// Text clean-up for cells typed by people: trimming, full-width folding, stray spaces.

/**
 * Folds full-width digits, letters and the ideographic space to half-width (the contract).
 * Chinese punctuation such as （） stays: it is part of names of units and addresses.
 */
export function foldWidth(s: string): string {
  if (!/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/.test(s)) return s;
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Folds every full-width ASCII character, punctuation included: for dates, IDs and phones. */
export function foldAll(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// Whitespace that Excel, WPS and web copies leave in cells: NBSP, zero-width, tabs, line breaks.
const SPACES = /[\s\u00A0\u200B-\u200D\uFEFF]+/g;
const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{3134F}';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');

/** Trims, folds widths and collapses runs of whitespace to one space. */
export function cleanText(s: string): string {
  return foldWidth(s).replace(SPACES, ' ').trim();
}

/** Names padded for alignment ("王  刚") lose the padding; "买买提·艾力" and Latin names keep theirs. */
export function cleanName(s: string): string {
  return cleanText(s).replace(SPACE_BETWEEN_CJK, '');
}

/**
 * A number as Excel shows it in a General cell: at most 15 significant digits, the rest zeros
 * (530111196504109000, not the binary double's 530111196504108992).
 */
export function excelNumberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) < 1e15) return Number.isInteger(v) ? v.toFixed(0) : String(Number(v.toPrecision(15)));
  const [mantissa, exp] = Math.abs(v).toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  const e = Number(exp);
  return (v < 0 ? '-' : '') + (e >= digits.length - 1 ? digits + '0'.repeat(e - digits.length + 1) : String(Number(v.toPrecision(15))));
}
