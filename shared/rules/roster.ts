// Who belonged where on a given date: the roster and the committee (支委) as of any day, from the
// dated spans the ledger keeps. Used for expected attendees, quorum and per-member rules.

/** A member's time in one org: from inclusive, to exclusive (the day they left); null = still there. */
export type MemberSpan = {
  memberId: number;
  name: string;
  from: string;
  to: string | null;
  /** From this day on the member is no longer expected (停止党籍, 出党, 死亡). */
  inactiveFrom?: string | null;
  kind?: 'full' | 'probationary';
};

/** A seat on an org's committee: from inclusive, to exclusive (the day the next term was elected); null = open. */
export type CommitteeSeat = {
  memberId: number | null;
  name: string;
  role: string;
  from: string | null;
  to: string | null;
};

export function spanCovers(s: { from: string; to: string | null; inactiveFrom?: string | null }, date: string): boolean {
  return s.from <= date && (s.to === null || date < s.to) && (!s.inactiveFrom || date < s.inactiveFrom);
}

/** Members on the roster on `date`, once each, in the spans' order. */
export function rosterOn<S extends MemberSpan>(spans: readonly S[], date: string): S[] {
  const seen = new Set<number>();
  const out: S[] = [];
  for (const s of spans) {
    if (!seen.has(s.memberId) && spanCovers(s, date)) {
      seen.add(s.memberId);
      out.push(s);
    }
  }
  return out;
}

export function committeeOn(seats: readonly CommitteeSeat[], date: string): CommitteeSeat[] {
  const seen = new Set<string>();
  return seats.filter((s) => {
    if ((s.from !== null && s.from > date) || (s.to !== null && s.to <= date)) return false;
    // One person may hold two roles (书记兼组织委员): count heads, not roles.
    const k = s.memberId !== null ? `m${s.memberId}` : `n${s.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
