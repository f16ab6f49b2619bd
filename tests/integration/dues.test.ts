import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../electron/ledger/members';
import { duesSheet, payDues, payMonthForAll, remitDues, setDuesBase, voidDuesPayment } from '../../electron/ledger/dues';
import { computeMetrics } from '../../electron/ledger/metrics';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';

const TODAY = '2025-07-20';
let t: Awaited<ReturnType<typeof tempLedger>>;
let ids: ReturnType<typeof smallStreet> & { wang: number; li: number; zhang: number };

beforeAll(async () => {
  t = await tempLedger();
  const street = smallStreet(t.ledger);
  const wang = createMember(t.ledger, memberInput(street.branchA, { name: '王建国', idNumber: makeId('19650301', 11), joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }));
  const li = createMember(t.ledger, memberInput(street.branchA, { name: '李秀英', idNumber: makeId('19700815', 22), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' }));
  // Admitted by the branch meeting on 2025-04-18: owes from April.
  const zhang = createMember(t.ledger, memberInput(street.branchA, { name: '张伟', idNumber: makeId('19980120', 33), kind: 'probationary', joinedOn: '2025-04-18', confirmedOn: null }));
  ids = { ...street, wang, li, zhang };
  setDuesBase(t.ledger, { memberId: wang, fromMonth: '2025-01', category: 'retired', income: 4800 });
  setDuesBase(t.ledger, { memberId: li, fromMonth: '2025-01', category: 'employed', income: 6000 });
  setDuesBase(t.ledger, { memberId: zhang, fromMonth: '2025-04', category: 'student' });
});
afterAll(() => t.cleanup());

const sheet = () => duesSheet(t.ledger, ids.branchA, 2025, { today: TODAY });
const metric = () => computeMetrics(t.ledger, ids.branchA, 2025, ['duesPaid'], { today: TODAY })[0]!;

describe('党费 records', () => {
  it('computes each member’s monthly amount from the base; probationary members owe from admission', () => {
    const s = sheet();
    expect(s.members.map((m) => [m.name, m.base?.amount])).toEqual([['王建国', 24], ['李秀英', 90], ['张伟', 0.2]]);
    const zhang = s.members.find((m) => m.name === '张伟')!;
    expect(zhang.cells.slice(0, 4).map((c) => c.state)).toEqual(['notOwed', 'notOwed', 'notOwed', 'unpaid']);
    expect(s.arrears.map((a) => [a.name, a.months.length])).toEqual([['王建国', 6], ['李秀英', 6], ['张伟', 3]]);
    expect(s.arrears.filter((a) => a.flagged).map((a) => a.name)).toEqual(['王建国', '李秀英']);
    expect(s.totals[6]).toMatchObject({ month: '2025-07', owing: 3, due: 114.2, paid: 0 });
  });

  it('refuses an amount other than the standard without a reason, and a base without income', () => {
    expect(() => setDuesBase(t.ledger, { memberId: ids.li, fromMonth: '2025-01', category: 'employed', income: 6000, amount: 100 })).toThrow('请填写原因');
    expect(() => setDuesBase(t.ledger, { memberId: ids.li, fromMonth: '2025-01', category: 'employed' })).toThrow('需要填写税后月收入');
    expect(() => setDuesBase(t.ledger, { memberId: ids.li, fromMonth: '2025-13', category: 'student' })).toThrow('月份格式不正确');
  });

  it('the 党费 indicator moves when payments are recorded, and explains who owes what', () => {
    const before = metric();
    expect(before).toMatchObject({ value: 0, misses: 15 });
    expect(before.explanation).toContain('欠交 3 人共 15 人月');
    // 王建国 pays January to June in one payment, in arrears (补缴).
    const p = payDues(t.ledger, { memberId: ids.wang, months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'], paidOn: '2025-07-05', receiptNo: 'DF-001' }, { today: TODAY });
    expect(metric()).toMatchObject({ misses: 9 });
    // The whole branch for each month in one action each.
    for (const month of ['2025-01', '2025-02', '2025-03']) payMonthForAll(t.ledger, { orgId: ids.branchA, month, paidOn: `${month}-20` }, { today: TODAY });
    const after = metric();
    expect(after).toMatchObject({ misses: 6, value: 0 }); // January–March paid, but 王建国 paid late
    expect(after.explanation).toContain('李秀英（4月、5月、6月）');
    // Voiding the wrong payment restores his arrears; paying on time makes January–March count.
    voidDuesPayment(t.ledger, { id: p, reason: '收据金额登记错误' });
    for (const month of ['2025-01', '2025-02', '2025-03']) payDues(t.ledger, { memberId: ids.wang, months: [month], paidOn: `${month}-25` }, { today: TODAY });
    expect(metric()).toMatchObject({ value: 3 / 6, misses: 3 * 3 });
    const audit = t.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity IN ('duesPayment','duesBase')").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(3 + 1 + 3 + 1 + 3);
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM dues_payments WHERE voided_at IS NOT NULL').get()).toEqual({ n: 1 });
  });

  it('refuses paying a month twice, a month before joining, and a date in the future', () => {
    expect(() => payDues(t.ledger, { memberId: ids.li, months: ['2025-01'], paidOn: '2025-07-01' }, { today: TODAY })).toThrow('已于 2025-01-20 交纳');
    expect(() => payDues(t.ledger, { memberId: ids.zhang, months: ['2025-03'], paidOn: '2025-07-01' }, { today: TODAY })).toThrow('不在本组织交纳党费');
    expect(() => payDues(t.ledger, { memberId: ids.zhang, months: ['2025-04'], paidOn: '2025-08-01' }, { today: TODAY })).toThrow('晚于今天');
  });

  it('records a remittance in the month totals', () => {
    remitDues(t.ledger, { orgId: ids.branchA, month: '2025-01', remittedOn: '2025-02-05', amount: 114.2, recipient: '东风社区党委' }, { today: TODAY });
    const s = sheet();
    expect(s.totals[0]).toMatchObject({ due: 114, paid: 114, remitted: 114.2 });
    expect(s.remittances).toHaveLength(1);
  });
});

describe('migration of dues rows kept before the dues records', () => {
  it('derives a base where the income changes and one payment per payment date', async () => {
    const { join } = await import('node:path');
    const { randomBytes } = await import('node:crypto');
    const { openDatabase } = await import('../../electron/ledger/ledger');
    const { default: m001 } = await import('../../electron/ledger/migrations/001-initial');
    const { default: m004 } = await import('../../electron/ledger/migrations/004-dues-admission');
    const db = openDatabase(join(t.dir, 'v1.db'), randomBytes(32));
    m001.up(db);
    const at = '2025-01-01T00:00:00Z';
    db.prepare("INSERT INTO orgs (name, type, created_at, updated_at) VALUES ('支部', 'branch', ?, ?)").run(at, at);
    db.prepare("INSERT INTO members (id_number, name, kind, categories, created_at, updated_at) VALUES ('x', '赵敏', 'full', '[\"retired\"]', ?, ?)").run(at, at);
    const row = db.prepare('INSERT INTO dues (member_id, month, income, rate, amount_due, amount_paid, paid_on, created_at) VALUES (1,?,?,?,?,?,?,?)');
    row.run('2025-01', 4000, 0.005, 20, 20, '2025-03-10', at);
    row.run('2025-02', 4000, 0.005, 20, 20, '2025-03-10', at);
    row.run('2025-03', 5200, 0.01, 52, 52, '2025-03-10', at);
    row.run('2025-04', 5200, 0.01, 60, null, null, at);
    m004.up(db);
    expect(db.prepare('SELECT from_month, category, income_fen, override_fen, override_reason FROM dues_bases ORDER BY from_month').raw().all()).toEqual([
      ['2025-01', 'retired', 400000, null, null], ['2025-03', 'retired', 520000, null, null], ['2025-04', 'retired', 520000, 6000, '按原党费台帐金额'],
    ]);
    expect(db.prepare('SELECT paid_on, months, amount_fen, arrears FROM dues_payments').raw().all()).toEqual([['2025-03-10', '["2025-01","2025-02","2025-03"]', 9200, 1]]);
    expect(db.prepare('SELECT count(*) FROM dues WHERE payment_id IS NOT NULL').pluck().get()).toBe(3);
    db.close();
  });
});
