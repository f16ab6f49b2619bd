// The demo street's assessments: the finished years scored and confirmed, the ranking the same on
// every build, and every number traceable (computed figures explained, overrides with reasons).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoStreet } from '../../electron/ledger/demo';
import { yearSummary } from '../../electron/ledger/assessments';
import type { YearSummary } from '../../shared/api/assessment';
import { listContracts, listTemplates } from '../../electron/ledger/contracts';
import type { Ledger } from '../../electron/ledger/ledger';
import { rankTotals, sumScores } from '../../shared/assessment';
import { TEST_KDF, TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
let ledger: Ledger;
let dir: ReturnType<typeof tempDir>;

const digest = (s: YearSummary) => s.branches.map((b) => [b.org, b.total, b.grade, b.rank, b.indicators.map((i) => i.score)]);

beforeAll(async () => {
  dir = tempDir();
  ledger = await openDemoCopy(join(dir.dir, 'demo.ledger'));
}, 240_000);
afterAll(() => { ledger?.close(); dir?.cleanup(); });

describe('the demo street’s contracts and assessments', () => {
  it('has templates for the last two years and this one, issued to every branch and every community', () => {
    expect(listTemplates(ledger).map((t) => [t.year, t.level, t.sum, t.copiedFromYear])).toEqual([
      [2026, 'branch', 100, 2025], [2026, 'community', 100, 2025], [2025, 'branch', 100, 2024], [2025, 'community', 100, 2024], [2024, 'branch', 100, null], [2024, 'community', 100, null],
    ]);
    const count = (types: string) => (ledger.db.prepare(`SELECT count(*) AS n FROM orgs WHERE type IN (${types}) AND (founded_on IS NULL OR founded_on <= '2026-12-31') AND dissolved_on IS NULL`).get() as { n: number }).n;
    const contracts = listContracts(ledger, { year: 2026 });
    expect(contracts.filter((c) => c.level === 'branch')).toHaveLength(count("'branch', 'jointBranch', 'temporaryBranch'"));
    expect(contracts.filter((c) => c.level === 'community')).toHaveLength(count("'partyCommittee', 'generalBranch'"));
    expect(count("'partyCommittee', 'generalBranch'")).toBeGreaterThan(1);
    expect(listContracts(ledger, { year: 2026 }).every((c) => c.status === 'notScored' && c.signedOn !== null)).toBe(true);
    // Per-branch adjustments exist and still sum to 100.
    const adjusted = listContracts(ledger, { year: 2025 }).filter((c) => c.adjusted);
    expect(adjusted.length).toBeGreaterThan(0);
    expect(adjusted.every((c) => c.sum === 100)).toBe(true);
  });

  it('scores and confirms 2024 and 2025 completely; totals, grades and ranks (per level) agree', () => {
    for (const year of [2024, 2025]) {
      const all = yearSummary(ledger, year, { today: TODAY });
      for (const b of all.branches) {
        expect(b).toMatchObject({ status: 'confirmed', complete: true, problems: [] });
        expect(b.total).toBe(sumScores(b.indicators.map((i) => i.score)));
      }
      const communities = all.branches.filter((b) => b.level === 'community');
      expect(communities.length).toBeGreaterThan(1);
      expect(communities.map((b) => b.rank)).toEqual(rankTotals(communities.map((b) => b.total)));
      const s = { branches: all.branches.filter((b) => b.level === 'branch') };
      expect(s.branches.length).toBeGreaterThan(10);
      const ranks = rankTotals(s.branches.map((b) => b.total));
      expect(s.branches.map((b) => b.rank)).toEqual(ranks);
      expect(s.branches.map((b) => b.total)).toEqual([...s.branches.map((b) => b.total)].sort((a, b) => b - a));
      // A believable spread: more than one grade, and nobody at 100.
      expect(new Set(s.branches.map((b) => b.grade)).size).toBeGreaterThan(1);
      expect(Math.max(...s.branches.map((b) => b.total))).toBeLessThan(100);
    }
  });

  it('explains every computed score and gives a reason for every override', () => {
    const s = yearSummary(ledger, 2025, { today: TODAY });
    const computed = s.branches.flatMap((b) => b.indicators.filter((i) => i.source === 'computed'));
    expect(computed.length).toBeGreaterThan(100);
    for (const i of computed) {
      expect(i.computed?.explanation).toBeTruthy();
      expect(i.computed?.working).toBeTruthy();
    }
    const overrides = computed.filter((i) => i.overridden);
    expect(overrides.length).toBeGreaterThan(0);
    for (const o of overrides) expect(o.overrideReason).toMatch(/帮扶活动 \d+ 次/);
  });

  it('keeps confirmed results when the ledger changes later, and builds the same ranking every time', { timeout: 240_000 }, async () => {
    const before = digest(yearSummary(ledger, 2025, { today: TODAY }));
    const org = (ledger.db.prepare("SELECT id FROM orgs WHERE type = 'branch' ORDER BY id LIMIT 1").get() as { id: number }).id;
    ledger.tx(() => {
      ledger.db.prepare("INSERT INTO activities (org_id, type, date, topic, created_at, updated_at) VALUES (?, 'volunteer', '2025-06-06', '补录的志愿服务', 'x', 'x')").run(org);
      ledger.audit({ action: 'create', entity: 'activity', summary: '补录活动' });
    });
    expect(digest(yearSummary(ledger, 2025, { today: '2026-12-30' }))).toEqual(before);
    const again = tempDir();
    try {
      // Built afresh, not copied: the ranking must come out the same from a new build.
      const second = await createDemoStreet(join(again.dir, 'demo.ledger'), TEST_PASSWORD, { today: TODAY, kdf: TEST_KDF });
      expect(digest(yearSummary(second.ledger, 2025, { today: TODAY }))).toEqual(before);
      second.ledger.close();
    } finally {
      again.cleanup();
    }
  });
});
