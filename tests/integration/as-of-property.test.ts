// Property: for seeded random histories (transfers in and out, 转正, 党籍 changes, 流出 and back,
// 党小组 moves, 录入错误 voids) over several years, on random dates every register's data, the
// dashboard, `stats` and the expected attendees agree with a reference folded from the events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedAttendees, orgSpans } from '../../electron/ledger/activities';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import type { Ledger } from '../../electron/ledger/ledger';
import { membersOn } from '../../electron/ledger/member-state';
import {
  changeStanding, confirmMember, createMember, endMobile, memberHistory, startMobile, transferIn, transferInternal, transferOut, updateMember,
  voidMember, voidMemberEvent,
} from '../../electron/ledger/members';
import { createOrg } from '../../electron/ledger/orgs';
import { rollStats } from '../../electron/ledger/stats';
import { memberFormData, orgsData } from '../../electron/reports/queries/members';
import { rosterData } from '../../electron/reports/queries/roster';
import { resolveScope } from '../../electron/reports/scope';
import { MEMBER_KIND_LABELS, type MemberKind, type Standing } from '../../shared/domain/member';
import { rosterOn } from '../../shared/rules';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { rng } from '../helpers/random';
import { tempLedger } from '../helpers/temp-ledger';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
const END = '2025-12-31';

type Fact = { onRoll: boolean; orgId: number | null; groupId: number | null; kind: MemberKind; standing: Standing; mobileOut: boolean };
type Step = { date: string; apply: (f: Fact) => Fact; eventType?: string };
type Model = { id: number; idNumber: string; name: string; steps: Step[]; voided: boolean };

/** The reference: the member's facts on `on`, folded from the steps dated on or before it. */
function factOn(m: Model, on: string): Fact | null {
  if (m.voided) return null;
  let f: Fact = { onRoll: false, orgId: null, groupId: null, kind: 'probationary', standing: 'normal', mobileOut: false };
  for (const s of m.steps) if (s.date <= on) f = s.apply(f);
  return f.onRoll && (f.standing === 'normal' || f.standing === 'suspended') ? f : null;
}

const SEEDS = [11, 2024, 90210];

describe.each(SEEDS)('random histories, seed %i', (seed) => {
  let t: Awaited<ReturnType<typeof tempLedger>>;
  let ledger: Ledger;
  const models: Model[] = [];
  let branches: number[] = [];
  const groupsOf = new Map<number, number[]>();
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  beforeAll(async () => {
    t = await tempLedger();
    ledger = t.ledger;
    const s = smallStreet(ledger);
    branches = [s.branchA, s.branchB];
    for (const b of branches) {
      groupsOf.set(b, [1, 2].map((n) => createOrg(ledger, { parentId: b, name: `${b}号支部第${n}党小组`, type: 'group' })));
    }
    for (let i = 0; i < 24; i++) {
      const idNumber = makeId(`19${70 + (i % 25)}0${1 + (i % 9)}1${i % 10}`, 100 + i);
      const name = `党员${seed}-${i}`;
      const joined = addDays('2019-01-01', Math.floor(rand() * 900));
      const orgId = pick(branches);
      const groupId = rand() < 0.5 ? pick(groupsOf.get(orgId)!) : null;
      const full = rand() < 0.6;
      const confirmedOn = full ? addYear(joined) : null;
      const id = createMember(ledger, memberInput(orgId, { name, idNumber, kind: full ? 'full' : 'probationary', joinedOn: joined, confirmedOn, groupId }));
      const m: Model = { id, idNumber, name, voided: false, steps: [] };
      m.steps.push({ date: joined, apply: (f) => ({ ...f, onRoll: true, orgId, groupId, kind: 'probationary' }) });
      if (confirmedOn) m.steps.push({ date: confirmedOn, apply: (f) => ({ ...f, kind: 'full' }) });
      models.push(m);
      // The member's own state as the services see it, to choose events that they accept.
      let cur = { onRoll: true, orgId, groupId, kind: (full ? 'full' : 'probationary') as MemberKind, standing: 'normal' as Standing, mobile: null as number | null };
      let date = full ? confirmedOn! : joined;
      for (let n = 0; n < 8; n++) {
        date = addDays(date, 20 + Math.floor(rand() * 220));
        if (date >= END) break;
        const d = date;
        const r = rand();
        if (!cur.onRoll) {
          if (r < 0.5) {
            const to = pick(branches);
            transferIn(ledger, { member: memberInput(to, { name, idNumber, kind: cur.kind, joinedOn: joined, confirmedOn: cur.kind === 'full' ? (confirmedOn ?? null) : null }), date: d, fromOrg: '外区某党委' });
            m.steps.push({ date: d, apply: (f) => ({ ...f, onRoll: true, orgId: to, groupId: null }) });
            cur = { ...cur, onRoll: true, orgId: to, groupId: null };
          }
          continue;
        }
        if (cur.kind === 'probationary' && r < 0.3 && d >= addYear(joined)) {
          confirmMember(ledger, id, { date: d });
          m.steps.push({ date: d, apply: (f) => ({ ...f, kind: 'full' }), eventType: 'confirmed' });
          cur.kind = 'full';
        } else if (r < 0.4) {
          const to = branches.find((b) => b !== cur.orgId)!;
          transferInternal(ledger, id, { date: d, toOrgId: to });
          m.steps.push({ date: d, apply: (f) => ({ ...f, orgId: to, groupId: null }) });
          cur = { ...cur, orgId: to, groupId: null };
        } else if (r < 0.5 && cur.mobile === null) {
          transferOut(ledger, id, { date: d, toOrg: '外区某党委' });
          m.steps.push({ date: d, apply: (f) => ({ ...f, onRoll: false, groupId: null }) });
          cur = { ...cur, onRoll: false, groupId: null };
        } else if (r < 0.62) {
          const to: Standing = cur.standing === 'normal' ? 'suspended' : 'normal';
          changeStanding(ledger, id, { date: d, standing: to, reason: null });
          m.steps.push({ date: d, apply: (f) => ({ ...f, standing: to }), eventType: 'standingChanged' });
          cur.standing = to;
        } else if (r < 0.78) {
          if (cur.mobile === null) {
            cur.mobile = startMobile(ledger, id, { direction: 'out', place: '深圳', fromDate: d });
            m.steps.push({ date: d, apply: (f) => ({ ...f, mobileOut: true }) });
          } else {
            endMobile(ledger, cur.mobile, { date: d });
            cur.mobile = null;
            m.steps.push({ date: d, apply: (f) => ({ ...f, mobileOut: false }) });
          }
        } else {
          const options = [null, ...groupsOf.get(cur.orgId)!].filter((g) => g !== cur.groupId);
          const g = pick(options);
          updateMember(ledger, id, { groupId: g }, { date: d });
          m.steps.push({ date: d, apply: (f) => ({ ...f, groupId: g }) });
          cur.groupId = g;
        }
      }
    }
    // 录入错误: a few members and a few events (a 转正, or the latest 党籍 change) voided.
    for (const m of models) {
      const r = rand();
      if (r < 0.08) {
        voidMember(ledger, m.id, { reason: '重复录入' });
        m.voided = true;
      } else if (r < 0.35) {
        const history = memberHistory(ledger, m.id);
        const confirmed = history.find((e) => e.type === 'confirmed' && !e.voidedAt);
        const latestStanding = history.find((e) => e.type === 'standingChanged');
        const target = confirmed ?? latestStanding;
        if (!target) continue;
        voidMemberEvent(ledger, target.id, { reason: '录入错误' });
        const i = m.steps.findLastIndex((s) => s.date === target.date && s.eventType === target.type);
        expect(i).toBeGreaterThanOrEqual(0);
        m.steps.splice(i, 1);
      }
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  const dates = (() => {
    const r = rng(seed * 7 + 1);
    const out = ['2019-12-31', '2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31'];
    for (let i = 0; i < 12; i++) out.push(addDays('2019-01-01', Math.floor(r() * 2555)));
    return out;
  })();

  it('every register of every date agrees with the events', () => {
    for (const on of dates) {
      const ref = new Map(models.flatMap((m) => {
        const f = factOn(m, on);
        return f ? [[m.id, { ...f, m }] as const] : [];
      }));
      const kinds = { full: 0, probationary: 0 };
      for (const f of ref.values()) kinds[f.kind]++;
      const ctx = `${seed} @ ${on}`;

      // The state itself.
      const states = membersOn(ledger, on);
      expect(states.map((s) => s.id).sort((a, b) => a - b), ctx).toEqual([...ref.keys()].sort((a, b) => a - b));
      for (const s of states) {
        const f = ref.get(s.id)!;
        expect({ id: s.id, orgId: s.orgId, groupId: s.groupId, kind: s.kind, standing: s.standing, mobileOut: s.mobile?.direction === 'out' }, ctx)
          .toEqual({ id: s.id, orgId: f.orgId, groupId: f.groupId, kind: f.kind, standing: f.standing, mobileOut: f.mobileOut });
      }

      // Registers of a period ending that day.
      const scope = resolveScope(ledger, {}, { from: `${on.slice(0, 4)}-01-01`, to: on });
      expect(scope.asOf).toBe(on);
      const roster = rosterData(ledger, scope, {}).branches.flatMap((b) => b.members);
      expect(roster.map((r) => r.idNumber).sort(), ctx).toEqual([...ref.values()].map((f) => f.m.idNumber).sort());
      for (const r of roster) {
        const f = [...ref.values()].find((x) => x.m.idNumber === r.idNumber)!;
        expect(r.kind, ctx).toBe(MEMBER_KIND_LABELS[f.kind]);
      }
      const forms = memberFormData(ledger, scope, {}).members;
      expect(forms.filter((m) => m.kind === MEMBER_KIND_LABELS.full).length, ctx).toBe(kinds.full);
      const orgs = orgsData(ledger, scope, {});
      expect(orgs.total, ctx).toEqual(kinds);
      const stats = rollStats(ledger, on);
      expect({ members: stats.members, full: stats.full, probationary: stats.probationary }, ctx).toEqual({ members: ref.size, ...kinds });
      for (const b of branches) {
        const mine = [...ref.values()].filter((f) => f.orgId === b);
        const want = { full: mine.filter((f) => f.kind === 'full').length, probationary: mine.filter((f) => f.kind === 'probationary').length };
        const name = scope.branches.find((o) => o.id === b)!.name;
        const line = orgs.orgs.find((o) => o.name === name)!;
        expect({ full: line.fullMembers, probationary: line.probationaryMembers }, ctx).toEqual(want);
        expect(stats.byOrg.find((o) => o.org === name) ?? { org: name, full: 0, probationary: 0 }, ctx).toEqual({ org: name, ...want });
        // Expected at a 支部党员大会 that day: on the roll with standing 正常; at a 党小组会, the group's.
        const expected = expectedAttendees(ledger, { orgId: b, type: 'branchAssembly', date: on }).attendees.map((a) => a.memberId).sort((x, y) => x - y);
        expect(expected, ctx).toEqual(mine.filter((f) => f.standing === 'normal').map((f) => f.m.id).sort((x, y) => x - y));
        // The compliance engine's roster of that day (quorum, per-member rules): the same members.
        expect(rosterOn(orgSpans(ledger, b), on).map((x) => x.memberId).sort((x, y) => x - y), ctx).toEqual(expected);
        for (const g of groupsOf.get(b)!) {
          const inGroup = expectedAttendees(ledger, { orgId: g, type: 'groupMeeting', date: on }).attendees.map((a) => a.memberId).sort((x, y) => x - y);
          expect(inGroup, ctx).toEqual(mine.filter((f) => f.groupId === g && f.standing === 'normal').map((f) => f.m.id).sort((x, y) => x - y));
        }
      }

      // The dashboard of that day.
      const dash = dashboardSummary(ledger, null, on).totals;
      expect({ members: dash.members, full: dash.full, probationary: dash.probationary, mobileOut: dash.mobileOut }, ctx)
        .toEqual({ members: ref.size, ...kinds, mobileOut: [...ref.values()].filter((f) => f.mobileOut).length });
    }
  });
});
