// 党费: the rates of 《关于中国共产党党费收缴、使用和管理的规定》 (2008). Money is whole 分 (fen)
// inside the app; 元 only at the edges (forms, registers, CLI JSON).
//
// Bracket edges belong to the LOWER bracket: the regulation writes "3000元以下（含3000元）",
// so an income of exactly 3000.00 pays 0.5 %, 3000.01 pays 1 %; the same at 5000 and 10000,
// and at 5000 for retired members ("5000元以下（含5000元）的交纳0.5%").

export const DUES_CATEGORIES = ['employed', 'retired', 'farmer', 'student', 'lowIncome', 'unemployed'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职（按工资收入）',
  retired: '离退休（按离退休费）',
  farmer: '农民',
  student: '学生',
  lowIncome: '低保',
  unemployed: '下岗失业',
};

/** Categories whose dues follow from a monthly after-tax income. */
export const INCOME_CATEGORIES: ReadonlySet<DuesCategory> = new Set(['employed', 'retired']);

/** The flat monthly amount of the flat categories, in 分; farmers choose 0.2–1 元 (default 0.2). */
export const FLAT_FEN = 20;
export const FARMER_RANGE_FEN = [20, 100] as const;

type Bracket = { upToFen: number | null; permille: number; label: string };

const EMPLOYED: readonly Bracket[] = [
  { upToFen: 300_000, permille: 5, label: '3000元以下（含3000元）' },
  { upToFen: 500_000, permille: 10, label: '3000元以上至5000元（含5000元）' },
  { upToFen: 1_000_000, permille: 15, label: '5000元以上至10000元（含10000元）' },
  { upToFen: null, permille: 20, label: '10000元以上' },
];
const RETIRED: readonly Bracket[] = [
  { upToFen: 500_000, permille: 5, label: '5000元以下（含5000元）' },
  { upToFen: null, permille: 10, label: '5000元以上' },
];

function bracketOf(category: 'employed' | 'retired', incomeFen: number): Bracket {
  const table = category === 'retired' ? RETIRED : EMPLOYED;
  return table.find((b) => b.upToFen === null || incomeFen <= b.upToFen)!;
}

export type DuesStandard = {
  /** The rate as a fraction (0.015), or null for a flat amount. */
  rate: number | null;
  /** The standard monthly amount in 分, rounded half up to the 分. */
  fen: number;
  /** Why: the bracket or the flat category, in Chinese. */
  basis: string;
};

/** The standard monthly dues for a category and (for employed/retired) an after-tax income in 分. */
export function standardDues(category: DuesCategory, incomeFen: number | null): DuesStandard {
  if (INCOME_CATEGORIES.has(category)) {
    if (incomeFen === null || !Number.isInteger(incomeFen) || incomeFen < 0) throw new RangeError('income in whole fen required');
    const b = bracketOf(category as 'employed' | 'retired', incomeFen);
    // permille × fen / 1000, half up, in integers only.
    return { rate: b.permille / 1000, fen: Math.floor((incomeFen * b.permille + 500) / 1000), basis: `${b.label}，按 ${b.permille / 10}% 交纳` };
  }
  return { rate: null, fen: FLAT_FEN, basis: `${DUES_CATEGORY_LABELS[category]}，每月 0.2 元` };
}

/** 元 as typed (number) → 分, refusing fractions of a 分. */
export function yuanToFen(yuan: number): number {
  const fen = Math.round(yuan * 100);
  if (Math.abs(fen - yuan * 100) > 1e-6) throw new RangeError('more than two decimals');
  return fen;
}

/** 分 → 元 as a number with at most two decimals (for JSON and forms). */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** 分 → "12.50" (registers, messages). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let i = 0; i < 1200; i++) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to) break;
    out.push(s);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** Unpaid months at which the app warns: 党章 treats 6 months unpaid without good reason as leaving. */
export const ARREARS_WARN_MONTHS = 6;
