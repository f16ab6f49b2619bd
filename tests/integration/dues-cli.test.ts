// `npm run -s ledger -- dues --db FILE --year 2025 [--org NAME] --json`: the shape on a
// small real ledger whose amounts are known.
import { afterEach, describe, expect, it } from 'vitest';
import { createMember } from '../../electron/ledger/members';
import { payDues, payMonthForAll, setDuesBase } from '../../electron/ledger/dues';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { runCli } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('dues CLI', () => {
  it('prints each org’s members, expected and paid in 元, and who owes which months', { timeout: 240_000 }, async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const s = smallStreet(t.ledger);
    const today = { today: '2025-12-31' };
    const wang = createMember(t.ledger, memberInput(s.branchA, { name: '王建国', idNumber: makeId('19650301', 11), joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }));
    const li = createMember(t.ledger, memberInput(s.branchA, { name: '李秀英', idNumber: makeId('19700815', 22), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' }));
    const chen = createMember(t.ledger, memberInput(s.branchB, { name: '陈静', idNumber: makeId('19751212', 56), joinedOn: '1999-07-01', confirmedOn: '2000-07-01' }));
    setDuesBase(t.ledger, { memberId: wang, fromMonth: '2025-01', category: 'employed', income: 3333.3 }); // 33.33 元
    setDuesBase(t.ledger, { memberId: li, fromMonth: '2025-01', category: 'retired', income: 4000 }); // 20.00 元
    setDuesBase(t.ledger, { memberId: chen, fromMonth: '2025-01', category: 'lowIncome' }); // 0.20 元
    for (let m = 1; m <= 10; m++) {
      const month = `2025-${String(m).padStart(2, '0')}`;
      payMonthForAll(t.ledger, { orgId: s.branchA, month, paidOn: `${month}-15` }, today);
    }
    payDues(t.ledger, { memberId: wang, months: ['2025-11', '2025-12'], paidOn: '2025-12-20', receiptNo: 'A-12' }, today);
    payDues(t.ledger, { memberId: chen, months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'], paidOn: '2025-01-10' }, today);
    t.ledger.close();

    const r = runCli(['dues', '--db', t.path, '--year', '2025', '--today', '2026-03-01', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      year: 2025,
      orgs: [
        { org: '东风社区第一党支部', members: 2, expected: 639.96, paid: 599.96, arrears: [{ name: '李秀英', months: ['2025-11', '2025-12'] }] },
        { org: '东风社区第二党支部', members: 1, expected: 2.4, paid: 2.4, arrears: [] },
      ],
    });
    const one = runCli(['dues', '--db', t.path, '--year', '2025', '--org', '东风社区第二党支部', '--today', '2026-03-01', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(one.json().orgs.map((o: { org: string }) => o.org)).toEqual(['东风社区第二党支部']);
    const text = runCli(['dues', '--db', t.path, '--year', '2025', '--today', '2026-03-01'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(text.stdout).toContain('东风社区第一党支部　2 人，应交 639.96 元，已交 599.96 元');
    expect(runCli(['dues', '--db', t.path, '--year', '25'], { LEDGER_PASSWORD: TEST_PASSWORD }).code).toBe(2);
  });
});
