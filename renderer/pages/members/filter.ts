// Filtering and sorting the member list: pure, so the bench measures exactly what the page runs
// on every keystroke (bench/member-filter.ts).
import { ageBandOf, type AgeBandKey } from '../../../shared/api/dashboard';
import type { MemberListRow } from '../../../shared/api/members';
import type { MemberCategory, MemberKind, Standing } from '../../../shared/domain/member';

export type MemberFilter = {
  q: string;
  /** The org chosen in the tree and everything under it; null = the whole street. */
  orgIds: ReadonlySet<number> | null;
  kind: MemberKind | null;
  category: MemberCategory | null;
  /** null = on the roll (正常 and 停止党籍); otherwise that standing, or 已转出. */
  standing: Standing | 'transferredOut' | null;
  mobile: 'out' | 'in' | 'any' | 'none' | null;
  ageBand: AgeBandKey | null;
  missingOnly: boolean;
};

export const EMPTY_FILTER: MemberFilter = { q: '', orgIds: null, kind: null, category: null, standing: null, mobile: null, ageBand: null, missingOnly: false };

/** A row prepared once per load: lower-cased search text and the age band. */
export type Indexed = MemberListRow & { search: string; age: number | null; band: AgeBandKey | null };

export function indexRows(rows: MemberListRow[], today: string): Indexed[] {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return rows.map((r) => {
    let age: number | null = null;
    if (r.birthDate) {
      const [by, bm, bd] = r.birthDate.split('-').map(Number) as [number, number, number];
      age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
    }
    return { ...r, search: `${r.name}\u0001${r.initials}\u0001${r.pinyin}\u0001${r.idNumber.toLowerCase()}`, age, band: age === null ? null : ageBandOf(age) };
  });
}

/**
 * Name (any part), pinyin initials from the start of the name ('zs' → 张三, 'zsf' → 张三丰),
 * full pinyin, or ID-number digits. Several words must all match.
 */
export function matches(r: Pick<Indexed, 'initials' | 'pinyin' | 'search'>, words: string[]): boolean {
  for (const w of words) {
    if (/^[a-z]+$/.test(w)) {
      if (!r.initials.startsWith(w) && !r.pinyin.startsWith(w)) return false;
    } else if (!r.search.includes(w)) return false;
  }
  return true;
}

export function applyFilter(rows: Indexed[], f: MemberFilter): Indexed[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: Indexed[] = [];
  for (const r of rows) {
    if (f.orgIds && (r.orgId === null || !f.orgIds.has(r.orgId))) continue;
    if (f.kind && r.kind !== f.kind) continue;
    if (f.category && !r.categories.includes(f.category)) continue;
    if (!f.standing) {
      // No standing chosen = the roll: active members who are 正常 or 停止党籍.
      if (r.status !== 'active' || r.standing === 'left' || r.standing === 'deceased') continue;
    } else {
      if (f.standing === 'transferredOut' ? r.status !== 'transferredOut' : r.standing !== f.standing || r.status !== 'active') continue;
    }
    if (f.mobile === 'any' && !r.mobile) continue;
    if (f.mobile === 'none' && r.mobile) continue;
    if ((f.mobile === 'out' || f.mobile === 'in') && r.mobile !== f.mobile) continue;
    if (f.ageBand && r.band !== f.ageBand) continue;
    if (f.missingOnly && r.missing.length === 0) continue;
    if (words.length && !matches(r, words)) continue;
    out.push(r);
  }
  return out;
}
