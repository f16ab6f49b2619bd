// 五助二扶一带 and 流动党员 contacts through the services on one real ledger: help records, the
// donation station's running balance and its refusal to give out more money than it holds, and the
// overdue contact on 首页's 需要关注.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, startMobile } from '../../electron/ledger/members';
import { createStation, helpOverview, recordAid, recordDonation, voidAid, voidDonation } from '../../electron/ledger/aid';
import { helpBrief } from '../../electron/ledger/aid-brief';
import { logMobileContact, mobileContactList, setContactPerson } from '../../electron/ledger/mobile-contacts';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import { closeHousehold, createHousehold } from '../../electron/ledger/households';
import { computeMetrics } from '../../electron/ledger/metrics';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { runCli } from '../helpers/cli';
import { firstSheetRows } from '../helpers/xlsx-rows';

let t: Awaited<ReturnType<typeof tempLedger>>;
let ids: ReturnType<typeof smallStreet> & { wang: number; li: number; station: number };

beforeAll(async () => {
  t = await tempLedger();
  const street = smallStreet(t.ledger);
  const wang = createMember(t.ledger, memberInput(street.branchA, { name: '王建国', idNumber: makeId('19650301', 11), joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }));
  const li = createMember(t.ledger, memberInput(street.branchA, { name: '李秀英', idNumber: makeId('19700815', 22), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' }));
  const station = createStation(t.ledger, { orgId: street.branchA, name: '爱心捐助站', keeper: '王建国' });
  ids = { ...street, wang, li, station };
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const exportTo = (register: 'help' | 'donations', format: 'pdf' | 'xlsx', maskIds = false) => {
  const file = join(t.dir, `${register}${maskIds ? '-masked' : ''}.${format}`);
  return exportRegister(t.ledger, { register, format, scope: { orgId: null }, period: { year: 2025 }, maskIds, today: '2025-12-10' }, file).then(() => file);
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

describe('donation station', () => {
  it('keeps a running balance and refuses to give out more money than it holds, in Chinese', () => {
    recordDonation(t.ledger, { stationId: ids.station, direction: 'in', date: '2025-03-02', party: '望江物业公司', kind: 'money', description: '现金', value: 1000 });
    recordDonation(t.ledger, { stationId: ids.station, direction: 'in', date: '2025-03-05', party: '居民张某', kind: 'goods', description: '棉被 10 床', value: 800 });
    recordDonation(t.ledger, { stationId: ids.station, direction: 'out', date: '2025-03-10', party: '刘桂兰', kind: 'money', description: '慰问金', value: 300 });
    expect(() => recordDonation(t.ledger, { stationId: ids.station, direction: 'out', date: '2025-03-12', party: '赵大勇', kind: 'money', description: '慰问金', value: 800 }))
      .toThrow('捐助站“爱心捐助站”截至 2025-03-12 的捐款结余只有 700.00 元，不能发放 800.00 元');
    // Back-dated: giving before the money came in is refused too.
    expect(() => recordDonation(t.ledger, { stationId: ids.station, direction: 'out', date: '2025-03-01', party: '赵大勇', kind: 'money', description: '慰问金', value: 10 })).toThrow('结余只有 0.00 元');
    recordDonation(t.ledger, { stationId: ids.station, direction: 'out', date: '2025-03-12', party: '赵大勇', kind: 'goods', description: '棉被 2 床', value: 160 });
    const [s] = helpOverview(t.ledger, ids.branchA, '2025-01-01', '2025-12-31').stations;
    expect(s!.entries.map((e) => [e.party, e.moneyBalance, e.balance])).toEqual([
      ['望江物业公司', 1000, 1000], ['居民张某', 1000, 1800], ['刘桂兰', 700, 1500], ['赵大勇', 700, 1340],
    ]);
    expect(s!.totals).toEqual({ in: 1800, out: 460, moneyIn: 1000, moneyOut: 300, goodsIn: 800, goodsOut: 160 });
    // Voiding the money that paid a distribution would leave it uncovered: refused.
    const first = s!.entries[0]!.id;
    expect(() => voidDonation(t.ledger, { id: first, reason: '重复登记' })).toThrow('请先作废或更正那笔发放');
    // A later period opens with the balance carried over.
    const [later] = helpOverview(t.ledger, ids.branchA, '2025-04-01', '2025-06-30').stations;
    expect(later).toMatchObject({ opening: { money: 700, total: 1340 }, closing: { money: 700, total: 1340 }, entries: [] });
  });
});

describe('help records', () => {
  it('records help by a member or a partner unit, voids with a reason (audited), counts by category', () => {
    recordAid(t.ledger, { orgId: ids.branchA, recipient: '刘桂兰', address: '望江小区 3 栋 2 单元 101', category: 'elderly', helperKind: 'member', helperMemberId: ids.wang, content: '送米面油', value: 200, date: '2025-02-10' });
    const wrong = recordAid(t.ledger, { orgId: ids.branchA, recipient: '赵小明', category: 'study', helperKind: 'partner', helperName: '江城银行', content: '助学金', value: 2000, date: '2025-02-20', notable: true });
    expect(() => recordAid(t.ledger, { orgId: ids.branchA, recipient: '某某', category: 'study', helperKind: 'partner', content: '助学金', date: '2025-02-20' })).toThrow('请填写帮扶的共建单位名称');
    let o = helpOverview(t.ledger, null, '2025-01-01', '2025-03-31');
    expect(o.records.map((r) => [r.recipient, r.helperName, r.value])).toEqual([['刘桂兰', '王建国', 200], ['赵小明', '江城银行', 2000]]);
    expect(o.byCategory.filter((c) => c.count).map((c) => [c.category, c.count, c.value])).toEqual([['study', 1, 2000], ['elderly', 1, 200]]);
    voidAid(t.ledger, { id: wrong, reason: '金额登记错误' });
    o = helpOverview(t.ledger, null, '2025-01-01', '2025-03-31');
    expect(o.records.map((r) => r.recipient)).toEqual(['刘桂兰']);
    const audit = t.ledger.db.prepare("SELECT summary FROM audit_log WHERE entity = 'aidRecord' AND action = 'void'").pluck().all() as string[];
    expect(audit).toEqual([expect.stringContaining('金额登记错误')]);
    expect(t.ledger.db.prepare('SELECT count(*) FROM aid_records').pluck().get()).toBe(2);
  });

  it('links help to a household’s 民情卡: the head and address come from the card', () => {
    const h = createHousehold(t.ledger, { orgId: ids.community, estate: '东风小区', building: '5', unit: '1', room: '302', head: '孙玉兰', categories: ['lowIncome'], registeredOn: '2025-01-15' });
    const gone = createHousehold(t.ledger, { orgId: ids.community, estate: '东风小区', building: '7', head: '钱有福', categories: ['hardship'], registeredOn: '2024-03-01' });
    closeHousehold(t.ledger, { id: gone, date: '2025-03-20', reason: '子女就业，已脱困' });
    expect(() => recordAid(t.ledger, { orgId: ids.branchA, category: 'poverty', helperKind: 'org', content: '慰问', date: '2025-03-01' })).toThrow('请选择民情卡上的住户，或填写帮扶对象的姓名');
    recordAid(t.ledger, { orgId: ids.branchA, householdId: h, category: 'lowIncome', helperKind: 'org', content: '协助办理低保年审', date: '2025-03-18' });
    const r = helpOverview(t.ledger, ids.branchA, '2025-03-18', '2025-03-18').records;
    expect(r).toMatchObject([{ householdId: h, recipient: '孙玉兰', address: '东风小区5栋1单元302室', category: 'lowIncome', helperName: '东风社区第一党支部' }]);
  });

  it('drafts the quarter’s 简报: counts per category, the station, households in and out, notable cases', () => {
    recordAid(t.ledger, { orgId: ids.branchA, recipient: '陈小红', category: 'study', helperKind: 'org', content: '资助学习用品', value: 150, date: '2025-03-01', notable: true });
    const b = helpBrief(t.ledger, null, 2025, 1, { today: '2025-04-02' });
    expect(b.fileName).toBe('测试街道党工委2025年第1季度帮扶工作简报.txt');
    expect(b.text).toContain('共开展“五助二扶一带”帮扶 3 次，帮扶困难群众 3 户（人），折合金额 350.00 元');
    expect(b.text).toContain('新登记入册 1 户：孙玉兰（低保）。');
    expect(b.text).toContain('核实注销 1 户：钱有福（子女就业，已脱困）。');
    expect(b.text).toContain('季末在册 1 户。');
    expect(b.text).toContain('1. 助学：1 次，折合 150.00 元。');
    expect(b.text).toContain('2. 助贫：0 次。');
    expect(b.text).toContain('爱心捐助站：上季度末结余 0.00 元');
    expect(b.text).toContain('季末结余 1340.00 元（其中现金 700.00 元）');
    expect(b.text).toMatch(/典型事例\r\n　　（一）2025年3月1日，.*为陈小红（助学）资助学习用品/);
  });
});

describe('流动党员 contacts', () => {
  it('an overdue mobile member shows in 需要关注 and leaves it once a contact is logged this quarter', () => {
    startMobile(t.ledger, ids.li, { direction: 'out', place: '广东省深圳市', fromDate: '2024-05-01', cardNumber: 'LD-001', contactPhone: '13800000000' });
    setContactPerson(t.ledger, { memberId: ids.li, contactName: '王建国', contactMemberId: ids.wang, fromDate: '2024-05-01' });
    logMobileContact(t.ledger, { memberId: ids.li, date: '2025-05-20', way: 'wechat', contactBy: '王建国', content: '了解工作情况，转发学习材料' }, { today: '2025-05-20' });
    const on = '2025-08-15';
    expect(dashboardSummary(t.ledger, null, on).mobileContactsDue).toEqual([{ memberId: ids.li, name: '李秀英', orgName: expect.any(String), lastContact: '2025-05-20' }]);
    expect(mobileContactList(t.ledger, ids.branchA, on).members[0]).toMatchObject({ name: '李秀英', overdue: true, contactPerson: { name: '王建国' } });
    expect(() => logMobileContact(t.ledger, { memberId: ids.wang, date: '2025-08-01', way: 'phone', contactBy: '李', content: '问候' }, { today: on })).toThrow('不是流动党员');
    logMobileContact(t.ledger, { memberId: ids.li, date: '2025-08-10', way: 'phone', contactBy: '王建国', content: '电话问候，提醒按时交纳党费' }, { today: on });
    expect(dashboardSummary(t.ledger, null, on).mobileContactsDue).toEqual([]);
    expect(mobileContactList(t.ledger, null, on)).toMatchObject({ quarter: { label: '2025年三季度' }, members: [{ overdue: false, lastContact: '2025-08-10' }] });
  });
});

describe('registers and the indicator', () => {
  it('捐助物资收发登记: in and out with the running balance, brought forward and totals that balance', { timeout: 120_000 }, async () => {
    const rows = await firstSheetRows(await exportTo('donations', 'xlsx'));
    const body = rows.filter((r) => /^\d+$/.test(r[0]!));
    expect(body.map((r) => [r[2], r[3], r[6], r[7], r[8], r[9]])).toEqual([
      ['收', '望江物业公司', '1000', '', '1000', '1000'],
      ['收', '居民张某', '800', '', '1000', '1800'],
      ['发', '刘桂兰', '', '300', '700', '1500'],
      ['发', '赵大勇', '', '160', '700', '1340'],
    ]);
    expect(rows.find((r) => r.includes('上期结余'))!.slice(8, 10)).toEqual(['0', '0']);
    expect(rows.find((r) => r.includes('合计'))!.slice(6, 10)).toEqual(['1800', '460', '700', '1340']);
    const text = pdfText(await exportTo('donations', 'pdf'));
    expect(text).toContain('捐助物资收发登记');
    expect(text).toMatch(/刘桂兰.*300\.00\s+700\.00\s+1500\.00/);
    expect(text).toContain('上期结余 0.00 元 + 本期收入 1800.00 元 − 本期发出 460.00 元 = 本期结余 1340.00 元');
  });

  it('帮扶台账: each help record with its category and value; a masked export cuts the address to the building', { timeout: 120_000 }, async () => {
    const rows = await firstSheetRows(await exportTo('help', 'xlsx'));
    const liu = rows.find((r) => r.includes('刘桂兰'))!;
    expect(liu.slice(1, 8)).toEqual(['2025-02-10', '刘桂兰', '望江小区 3 栋 2 单元 101', '助老', '王建国', '送米面油', '200']);
    expect(rows.flat()).not.toContain('赵小明'); // voided
    const text = pdfText(await exportTo('help', 'pdf', true));
    expect(text).toContain('帮扶台账');
    expect(text).toMatch(/刘桂兰\s+望江小区 3 栋\s/);
    expect(text).not.toContain('101');
    expect(text).toMatch(/合计\s+3\s*次.*350\.00/);
  });

  it('the 帮扶 indicator counts the org’s help records and says what they were', () => {
    const [m] = computeMetrics(t.ledger, ids.branchA, 2025, ['aidRecords'], { today: '2025-12-31' });
    expect(m).toMatchObject({ value: 3, label: '帮扶（五助二扶一带）次数' });
    expect(m!.explanation).toBe('全年登记帮扶 3 次，帮扶 3 户（人），折合 350.00 元：助学 1 次、助老 1 次、扶低保户脱贫 1 次');
    const [other] = computeMetrics(t.ledger, ids.branchB, 2025, ['aidRecords'], { today: '2025-12-31' });
    expect(other).toMatchObject({ value: 0, explanation: '全年帮扶台账中没有登记帮扶' });
  });
});

describe('help-brief CLI', () => {
  // Last: the CLI needs the ledger closed (one program per ledger).
  it('writes the quarter’s 简报 as UTF-8 text with a byte-order mark, for Word and WPS', { timeout: 120_000 }, () => {
    t.ledger.close();
    const out = join(t.dir, '简报.txt');
    const r = runCli(['help-brief', '--db', t.path, '--year', '2025', '--quarter', '1', '--out', out, '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ title: '测试街道党工委2025年一季度“五助二扶一带”工作简报', file: out });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF测试街道党工委“五助二扶一带”工作简报\r\n（2025年一季度）')).toBe(true);
    expect(text).toContain('新登记入册 1 户：孙玉兰（低保）。');
    expect(runCli(['help-brief', '--db', t.path, '--year', '2025', '--quarter', '5'], { LEDGER_PASSWORD: TEST_PASSWORD })).toMatchObject({ code: 2, stderr: expect.stringContaining('--quarter 应为 1、2、3 或 4') });
  });
});
