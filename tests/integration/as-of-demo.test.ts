// The demo street's 2025 registers, printed in late 2026: every fact is that of 2025-12-31, and the
// figures printed in two places are one figure (issue 11's reported defects, one test each).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { listActivityTypes } from '../../electron/ledger/activities';
import { attendanceReport } from '../../electron/ledger/compliance';
import type { Ledger } from '../../electron/ledger/ledger';
import { buildRegister } from '../../electron/reports/export';
import { attendanceData } from '../../electron/reports/queries/activities';
import { memberFormData, orgsData } from '../../electron/reports/queries/members';
import { rosterData } from '../../electron/reports/queries/roster';
import { resolveScope } from '../../electron/reports/scope';
import type { OrgNode } from '../../shared/api/orgs';
import { TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
const YEAR_END = '2025-12-31';
const dir = tempDir('as-of-demo-');
const path = join(dir.dir, 'demo.ledger');
let ledger: Ledger;
const rows = <T>(sql: string, ...args: unknown[]): T[] => ledger.db.prepare(sql).all(...args) as T[];
const opts = { printedOn: TODAY };
const scope2025 = () => resolveScope(ledger, {}, { year: 2025 }, TODAY);

beforeAll(async () => {
  ledger = await openDemoCopy(path);
}, 300_000);
afterAll(() => {
  ledger?.close();
  dir.cleanup();
});

describe('2025 registers show 2025, not today', () => {
  it('a member confirmed in 2026 is 预备党员 without 转正日期 on the 2025 roster and 采集表', () => {
    const late = rows<{ name: string; idNumber: string }>(
      `SELECT name, id_number AS idNumber FROM members WHERE kind = 'full' AND confirmed_on >= '2026-01-01' AND joined_on <= ? AND status = 'active' AND standing = 'normal'`, YEAR_END,
    );
    expect(late.length).toBeGreaterThan(0);
    const roster = rosterData(ledger, scope2025(), opts).branches.flatMap((b) => b.members);
    const forms = memberFormData(ledger, scope2025(), opts).members;
    for (const m of late) {
      const line = roster.find((r) => r.idNumber === m.idNumber);
      expect(line, m.name).toMatchObject({ kind: '预备党员', confirmedOn: null });
      expect(forms.find((r) => r.idNumber === m.idNumber), m.name).toMatchObject({ kind: '预备党员', confirmedOn: null });
    }
  });

  it('no 2025 roster line mentions a loss of contact that began in 2026', () => {
    const lost = rows<{ n: number }>("SELECT count(*) AS n FROM members WHERE lost_contact_since >= '2026'")[0]!.n;
    const remarks = rosterData(ledger, scope2025(), opts).branches.flatMap((b) => b.members).map((m) => m.remark ?? '');
    expect(remarks.filter((r) => /失联（2026/.test(r))).toEqual([]);
    expect(lost).toBeGreaterThan(0);
  });

  it('党组织基本情况 合计 counts each member once: the roster total', () => {
    const scope = scope2025();
    const data = orgsData(ledger, scope, opts);
    const roster = rosterData(ledger, scope, opts).branches.flatMap((b) => b.members);
    expect(data.total.full + data.total.probationary).toBe(roster.length);
    expect(data.total.full).toBe(roster.filter((m) => m.kind === '正式党员').length);
    const { doc } = buildRegister(ledger, { register: 'orgs', format: 'xlsx', period: { year: 2025 }, today: TODAY });
    const table = JSON.stringify(doc).match(/"合计","\d+ 个党组织",null,null,null,(\d+),(\d+)/);
    expect(table && Number(table[1]) + Number(table[2])).toBe(roster.length);
  });
});

describe('the org page', () => {
  let state: SessionState;
  it('shows each 党小组 with its members', async () => {
    state = new SessionState(path);
    ledger.close();
    const unlock = await dispatch(state, 'session.unlock', { password: TEST_PASSWORD });
    expect(unlock.ok).toBe(true);
    ledger = state.requireLedger();
    const tree = await dispatch(state, 'orgs.tree', {});
    if (!tree.ok) throw new Error(JSON.stringify(tree));
    const groups = (tree.value as OrgNode[]).filter((o) => o.type === 'group');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.memberCount > 0).length).toBe(groups.length);
  });

  it('lists the members as of a date: the roster of that date', async () => {
    const list = await dispatch(state, 'members.list', { asOf: YEAR_END });
    if (!list.ok) throw new Error(JSON.stringify(list));
    const rows = list.value as { idNumber: string; kind: string }[];
    const roster = rosterData(ledger, scope2025(), opts).branches.flatMap((b) => b.members);
    expect(rows.map((r) => r.idNumber).sort()).toEqual(roster.map((r) => r.idNumber).sort());
    expect(rows.filter((r) => r.kind === 'probationary').length).toBe(roster.filter((r) => r.kind === '预备党员').length);
  });
});

describe('组织生活登记表 follows DOMAIN.md', () => {
  it('an excused 外出/流出 absence is not an absence, and is not expected', () => {
    const counted = listActivityTypes(ledger).filter((t) => t.countsForAttendance).map((t) => t.code);
    const away = rows<{ memberId: number }>(
      `SELECT DISTINCT x.member_id AS memberId FROM attendance x JOIN activities a ON a.id = x.activity_id
       WHERE x.absence_reason = 'away' AND a.date LIKE '2025%' AND a.voided_at IS NULL AND a.type IN (SELECT value FROM json_each(?))`,
      JSON.stringify(counted),
    );
    expect(away.length).toBeGreaterThan(0);
    const report = attendanceReport(ledger, { year: 2025, today: TODAY });
    for (const { memberId } of away) {
      const [{ total, awayCount }] = rows<{ total: number; awayCount: number }>(
        `SELECT count(*) AS total, sum(x.absence_reason = 'away') AS awayCount FROM attendance x JOIN activities a ON a.id = x.activity_id
         WHERE x.member_id = ? AND x.status != 'observer' AND a.date LIKE '2025%' AND a.voided_at IS NULL AND a.type IN (SELECT value FROM json_each(?))`,
        memberId, JSON.stringify(counted),
      ) as [{ total: number; awayCount: number }];
      const r = report.members.find((m) => m.memberId === memberId);
      expect((r?.expected ?? 0) + awayCount).toBeLessThanOrEqual(total);
      if (r) expect(r.expected).toBe(r.present + r.absent);
    }
    // The register's year total is the sum of its months (both leave 外出/流出 out).
    for (const m of attendanceData(ledger, scope2025(), opts).branches.flatMap((b) => b.members)) {
      expect(m.expected, m.name).toBe(m.months.reduce((n, [, e]) => n + e, 0));
    }
  });

  it('no member already transferred out is flagged absent 至今', () => {
    const out = new Set(rows<{ id: number }>("SELECT id FROM members WHERE status = 'transferredOut'").map((r) => r.id));
    const runs = [2025, 2026].flatMap((year) => attendanceReport(ledger, { year, today: TODAY }).runs).filter((r) => r.ongoing && out.has(r.memberId));
    expect(runs).toEqual([]);
  });
});
