import { afterEach, describe, expect, it } from 'vitest';
import { recordActivity } from '../../electron/ledger/activities';
import { createMember } from '../../electron/ledger/members';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

function cli(...args: string[]) {
  const r = runCli(args, { LEDGER_PASSWORD: TEST_PASSWORD });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('ledger compliance (CLI)', () => {
  it('prints per org and rule the periods required, met and missing', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const s = smallStreet(t.ledger);
    const m = createMember(t.ledger, memberInput(s.branchA), { since: '2015-01-01' });
    for (let month = 1; month <= 12; month++) {
      if (month === 7) continue;
      recordActivity(t.ledger, { orgId: s.branchA, type: 'committeeMeeting', date: `2025-${String(month).padStart(2, '0')}-12`, topic: '支委会', attendance: [{ memberId: m, status: 'present' }] });
    }
    createMember(t.ledger, memberInput(s.branchB, { idNumber: makeId('19810101', 13) }), { since: '2015-01-01' });
    t.ledger.close();

    const r = cli('compliance', '--db', t.path, '--year', '2025', '--org', '东风社区第一党支部', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.year).toBe(2025);
    expect(out.orgs.map((o: { org: string }) => o.org)).toEqual(['东风社区第一党支部']);
    expect(out.orgs[0].rules.find((x: { rule: string }) => x.rule === '支部委员会会议')).toMatchObject({ period: 'month', required: 12, met: 11, missing: ['2025-07'] });
    expect(out.orgs[0].rules.find((x: { rule: string }) => x.rule === '党课')).toMatchObject({ period: 'quarter', required: 4, met: 0 });

    // The community's name selects it (its own 党委会 and 民主生活会 are checked too) and the branches
    // under it; --strict exits 1 when anything is missing.
    const all = cli('compliance', '--db', t.path, '--year', '2025', '--org', '东风社区党委', '--strict', '--json');
    expect(all.code).toBe(1);
    expect(JSON.parse(all.out).orgs.map((o: { org: string }) => o.org)).toEqual(['东风社区党委', '东风社区第一党支部', '东风社区第二党支部']);

    const text = cli('compliance', '--db', t.path, '--year', '2025', '--org', '东风社区第一党支部');
    expect(text.out).toContain('未完成：2025年7月');

    expect(cli('compliance', '--db', t.path, '--year', '25').code).toBe(2);
    const unknown = cli('compliance', '--db', t.path, '--year', '2025', '--org', '东风社区');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('是不是：');
  });
});
