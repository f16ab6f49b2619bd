// 党费: who owes which month to which org, what they paid and when, the base each amount comes
// from, and what the branch remitted upward. The `dues` rows are the member × month ledger (the
// amount due and paid that month); payments, bases and remittances are their own records, voided,
// never deleted. Money is whole 分 here; 元 only in what goes out (DuesSheet, registers, CLI).
//
// A member owes a month to the org that holds them at the month's end (or on their last day there)
// from the month they joined (probationary members: the branch meeting's date) while their
// standing is normal; 流入 members pay at their own org. A month is in arrears once it has ended.
import { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso, today as todayIso } from '../../shared/dates';
import {
  ARREARS_WARN_MONTHS, DUES_CATEGORY_LABELS, FARMER_RANGE_FEN, INCOME_CATEGORIES, type DuesCategory, fenToYuan, formatYuan, monthsBetween,
  standardDues, yuanToFen,
} from '../../shared/domain/dues';
import {
  DuesBaseSchema, DuesPayMonthSchema, DuesPaySchema, DuesRemitSchema, DuesVoidSchema, type DuesCell, type DuesMemberRow, type DuesSheet,
  type DuesSummary,
} from '../../shared/api/dues';
import type { Ledger } from './ledger';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, parseJson, run } from './sql';

type Base = { id: number; memberId: number; fromMonth: string; category: DuesCategory; incomeFen: number | null; overrideFen: number | null; overrideReason: string | null };
type MonthRow = { memberId: number; month: string; amountDue: number; amountPaid: number | null; paidOn: string | null; paymentId: number | null };
type Person = { id: number; name: string; kind: 'full' | 'probationary'; joinedOn: string | null; standing: string; standingSince: string | null };

const monthEnd = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const toFen = (yuan: number | null): number | null => (yuan === null ? null : Math.round(yuan * 100));

function baseAmount(b: Base): { standard: number; amount: number; rate: number | null } {
  const std = standardDues(b.category, b.incomeFen);
  return { standard: std.fen, amount: b.overrideFen ?? std.fen, rate: std.rate };
}

/**
 * Which org each member owes each month to, over a range of months: the org of their latest span
 * that began by the month's end and had not ended by its start. Only members who owe `orgIds`
 * something in the range come back.
 */
function owedMonths(ledger: Ledger, orgIds: number[], months: string[]): Map<number, Map<string, number>> {
  const first = `${months[0]}-01`;
  const last = monthEnd(months[months.length - 1]!);
  const inList = orgIds.map(() => '?').join(',');
  const spans = all<{ memberId: number; orgId: number; fromDate: string; toDate: string | null; joinedOn: string | null; standing: string; standingSince: string | null }>(
    ledger,
    `SELECT s.member_id AS memberId, s.org_id AS orgId, s.from_date AS fromDate, s.to_date AS toDate, m.joined_on AS joinedOn, m.standing, m.standing_since AS standingSince
     FROM member_org_spans s JOIN members m ON m.id = s.member_id
     WHERE s.member_id IN (SELECT member_id FROM member_org_spans WHERE org_id IN (${inList}) AND from_date <= ? AND (to_date IS NULL OR to_date > ?))
       AND s.from_date <= ? AND (s.to_date IS NULL OR s.to_date > ?)
     ORDER BY s.member_id, s.from_date, s.id`,
    ...orgIds, last, first, last, first,
  );
  const visiting = all<{ memberId: number; fromDate: string; toDate: string | null }>(
    ledger, "SELECT member_id AS memberId, from_date AS fromDate, to_date AS toDate FROM mobile_records WHERE direction = 'in' AND from_date <= ? AND (to_date IS NULL OR to_date > ?)", last, first,
  );
  const wanted = new Set(orgIds);
  const out = new Map<number, Map<string, number>>();
  for (const s of spans) {
    for (const month of months) {
      const start = `${month}-01`;
      const end = monthEnd(month);
      if (s.fromDate > end || (s.toDate !== null && s.toDate <= start)) continue;
      if (s.joinedOn !== null && s.joinedOn > end) continue;
      if (s.standing !== 'normal' && s.standingSince !== null && s.standingSince <= start) continue;
      if (visiting.some((v) => v.memberId === s.memberId && v.fromDate <= end && (v.toDate === null || v.toDate > start))) continue;
      // Later spans (ordered by from_date) overwrite earlier ones: the org at the month's end wins.
      let mine = out.get(s.memberId);
      if (!mine) out.set(s.memberId, (mine = new Map()));
      mine.set(month, s.orgId);
    }
  }
  for (const [memberId, mine] of out) {
    for (const [month, orgId] of mine) if (!wanted.has(orgId)) mine.delete(month);
    if (mine.size === 0) out.delete(memberId);
  }
  return out;
}

function basesOf(ledger: Ledger, memberIds: number[]): Map<number, Base[]> {
  const out = new Map<number, Base[]>();
  if (memberIds.length === 0) return out;
  const rows = all<Base>(
    ledger,
    `SELECT id, member_id AS memberId, from_month AS fromMonth, category, income_fen AS incomeFen, override_fen AS overrideFen, override_reason AS overrideReason
     FROM dues_bases WHERE voided_at IS NULL AND member_id IN (SELECT value FROM json_each(?)) ORDER BY member_id, from_month, id`,
    JSON.stringify(memberIds),
  );
  for (const b of rows) out.set(b.memberId, [...(out.get(b.memberId) ?? []), b]);
  return out;
}

const baseFor = (bases: Base[] | undefined, month: string): Base | null => {
  let found: Base | null = null;
  for (const b of bases ?? []) if (b.fromMonth <= month) found = b;
  return found;
};

function monthRows(ledger: Ledger, memberIds: number[], from: string, to: string): Map<string, MonthRow> {
  const rows = all<MonthRow>(
    ledger,
    `SELECT member_id AS memberId, month, amount_due AS amountDue, amount_paid AS amountPaid, paid_on AS paidOn, payment_id AS paymentId
     FROM dues WHERE member_id IN (SELECT value FROM json_each(?)) AND month BETWEEN ? AND ?`,
    JSON.stringify(memberIds), from, to,
  );
  return new Map(rows.map((r) => [`${r.memberId}|${r.month}`, r]));
}

type Computed = { person: Person; bases: Base[] | undefined; cells: (DuesCell & { dueFen: number | null; paidFen: number | null })[]; arrears: string[] };

/** Everyone who owes `orgId` something in `year`, month by month. */
function computeYear(ledger: Ledger, orgId: number, year: number, today: string): Computed[] {
  const months = monthsBetween(`${year}-01`, `${year}-12`);
  const thisMonth = today.slice(0, 7);
  const owed = owedMonths(ledger, [orgId], months);
  const ids = [...owed.keys()];
  if (ids.length === 0) return [];
  const people = all<Person>(
    ledger, 'SELECT id, name, kind, joined_on AS joinedOn, standing, standing_since AS standingSince FROM members WHERE id IN (SELECT value FROM json_each(?)) ORDER BY joined_on, id',
    JSON.stringify(ids),
  );
  const bases = basesOf(ledger, ids);
  const rows = monthRows(ledger, ids, months[0]!, months[11]!);
  return people.map((person) => {
    const mine = owed.get(person.id)!;
    const arrears: string[] = [];
    const cells = months.map((month) => {
      const row = rows.get(`${person.id}|${month}`);
      const base = baseFor(bases.get(person.id), month);
      const dueFen = row ? toFen(row.amountDue) : base ? baseAmount(base).amount : null;
      const paidFen = row ? toFen(row.amountPaid) : null;
      const paidOn = row?.paidOn ?? null;
      let state: DuesCell['state'];
      if (paidFen !== null && paidFen >= (dueFen ?? 0)) state = paidOn !== null && paidOn > monthEnd(month) ? 'late' : 'paid';
      else if (!mine.has(month)) state = 'notOwed';
      else if (month > thisMonth) state = 'notDue';
      else if (month === thisMonth) state = 'current';
      else state = 'unpaid';
      if (state === 'unpaid') arrears.push(month);
      return { month, state, due: dueFen === null ? null : fenToYuan(dueFen), paid: paidFen === null ? null : fenToYuan(paidFen), paidOn, paymentId: row?.paymentId ?? null, dueFen, paidFen };
    });
    return { person, bases: bases.get(person.id), cells, arrears };
  });
}

export function duesSheet(ledger: Ledger, orgId: number, year: number, opts: { today?: string } = {}): DuesSheet {
  const today = opts.today ?? todayIso();
  const org = getOrg(ledger, orgId);
  const computed = computeYear(ledger, orgId, year, today);
  const months = monthsBetween(`${year}-01`, `${year}-12`);
  const lastMonth = months.filter((m) => m <= today.slice(0, 7)).at(-1) ?? months[0]!;
  const members: DuesMemberRow[] = computed.map(({ person, bases, cells, arrears }) => {
    const b = baseFor(bases, lastMonth) ?? bases?.[0] ?? null;
    const amounts = b ? baseAmount(b) : null;
    return {
      memberId: person.id, name: person.name, kind: person.kind, joinedOn: person.joinedOn,
      base: b && amounts ? {
        id: b.id, fromMonth: b.fromMonth, category: b.category, income: b.incomeFen === null ? null : fenToYuan(b.incomeFen), rate: amounts.rate,
        standard: fenToYuan(amounts.standard), amount: fenToYuan(amounts.amount), overrideReason: b.overrideReason,
      } : null,
      cells: cells.map(({ dueFen: _d, paidFen: _p, ...c }) => c),
      arrears,
    };
  });
  const remittances = all<{ id: number; month: string; remittedOn: string; amountFen: number; recipient: string; receiptNo: string | null; note: string | null }>(
    ledger,
    `SELECT id, month, remitted_on AS remittedOn, amount_fen AS amountFen, recipient, receipt_no AS receiptNo, note FROM dues_remittances
     WHERE org_id = ? AND voided_at IS NULL AND month BETWEEN ? AND ? ORDER BY month, remitted_on, id`,
    orgId, months[0], months[11],
  );
  const totals = months.map((month, i) => {
    let due = 0, paid = 0, owing = 0, paidCount = 0;
    for (const c of computed) {
      const cell = c.cells[i]!;
      if (cell.state === 'notOwed' && cell.paidFen === null) continue;
      owing += cell.state === 'notOwed' ? 0 : 1;
      due += cell.state === 'notOwed' ? 0 : cell.dueFen ?? 0;
      if (cell.state === 'paid' || cell.state === 'late') { paid += cell.paidFen ?? 0; paidCount += 1; }
    }
    const remitted = remittances.filter((r) => r.month === month).reduce((n, r) => n + r.amountFen, 0);
    return { month, due: fenToYuan(due), paid: fenToYuan(paid), owing, paidCount, remitted: fenToYuan(remitted) };
  });
  const arrears = computed.filter((c) => c.arrears.length > 0).map((c) => ({
    memberId: c.person.id, name: c.person.name, months: c.arrears,
    amount: fenToYuan(c.arrears.reduce((n, m) => n + (c.cells.find((x) => x.month === m)!.dueFen ?? 0), 0)),
    flagged: c.arrears.length >= ARREARS_WARN_MONTHS,
  }));
  const payments = all<{ id: number; memberId: number; name: string; paidOn: string; months: string; amountFen: number; receiptNo: string | null; arrears: number }>(
    ledger,
    `SELECT p.id, p.member_id AS memberId, m.name, p.paid_on AS paidOn, p.months, p.amount_fen AS amountFen, p.receipt_no AS receiptNo, p.arrears
     FROM dues_payments p JOIN members m ON m.id = p.member_id
     WHERE p.voided_at IS NULL AND p.member_id IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM json_each(p.months) WHERE value BETWEEN ? AND ?)
     ORDER BY p.paid_on DESC, p.id DESC`,
    JSON.stringify(computed.map((c) => c.person.id)), months[0], months[11],
  ).map((p) => ({ ...p, months: parseJson<string[]>(p.months, []), amount: fenToYuan(p.amountFen), arrears: Boolean(p.arrears) }));
  const warnings: string[] = [];
  const noBase = members.filter((m) => m.base === null && m.cells.some((c) => c.due === null && c.state !== 'notOwed'));
  if (noBase.length) warnings.push(`${noBase.length} 名党员没有登记交纳基数，无法计算应交金额：${noBase.slice(0, 5).map((m) => m.name).join('、')}${noBase.length > 5 ? ' 等' : ''}`);
  for (const a of arrears.filter((x) => x.flagged)) warnings.push(`${a.name} 已连续或累计 ${a.months.length} 个月未交纳党费（党章规定无正当理由连续 6 个月不交纳党费视为自行脱党，请及时了解情况）`);
  return {
    orgId, org: org.name, year, today, months, members, totals, arrears,
    remittances: remittances.map(({ amountFen, ...r }) => ({ ...r, amount: fenToYuan(amountFen) })),
    payments: payments.map(({ amountFen: _a, ...p }) => p),
    warnings,
  };
}

/** Branch × month totals for an org and everything under it (the street's 汇总表). */
export function duesSummary(ledger: Ledger, orgId: number, year: number, opts: { today?: string } = {}): DuesSummary {
  const org = getOrg(ledger, orgId);
  const months = monthsBetween(`${year}-01`, `${year}-12`);
  const branches: DuesSummary['branches'] = [];
  for (const id of orgSubtreeIds(ledger, orgId)) {
    const s = duesSheet(ledger, id, year, opts);
    if (s.members.length === 0) continue;
    const byMonth = s.totals.map((t) => ({ month: t.month, due: t.due, paid: t.paid, remitted: t.remitted }));
    branches.push({
      orgId: id, org: s.org, members: s.members.length, byMonth,
      due: sumYuan(byMonth.map((b) => b.due)), paid: sumYuan(byMonth.map((b) => b.paid)), remitted: sumYuan(byMonth.map((b) => b.remitted)),
      arrearsMembers: s.arrears.length,
    });
  }
  const byMonth = months.map((month, i) => ({
    month, due: sumYuan(branches.map((b) => b.byMonth[i]!.due)), paid: sumYuan(branches.map((b) => b.byMonth[i]!.paid)), remitted: sumYuan(branches.map((b) => b.byMonth[i]!.remitted)),
  }));
  return {
    orgId, org: org.name, year, months, branches,
    total: { byMonth, due: sumYuan(byMonth.map((b) => b.due)), paid: sumYuan(byMonth.map((b) => b.paid)), remitted: sumYuan(byMonth.map((b) => b.remitted)) },
  };
}

/** Sums 元 amounts through 分 so that 0.1 + 0.2 stays 0.3. */
export function sumYuan(values: number[]): number {
  return fenToYuan(values.reduce((n, v) => n + Math.round(v * 100), 0));
}

function memberName(ledger: Ledger, memberId: number): string {
  return mustFind(one<{ name: string }>(ledger, 'SELECT name FROM members WHERE id = ?', memberId), '这名党员').name;
}

export function setDuesBase(ledger: Ledger, raw: z.input<typeof DuesBaseSchema>): number {
  const input = DuesBaseSchema.parse(raw);
  return ledger.tx(() => {
    const name = memberName(ledger, input.memberId);
    const needsIncome = INCOME_CATEGORIES.has(input.category);
    if (needsIncome && input.income === null) throw new LedgerError('INCOME_REQUIRED', `${DUES_CATEGORY_LABELS[input.category]}需要填写税后月收入。`);
    const incomeFen = needsIncome ? yuanToFen(input.income!) : null;
    const std = standardDues(input.category, incomeFen);
    let overrideFen = input.amount === null ? null : yuanToFen(input.amount);
    if (overrideFen === std.fen) overrideFen = null;
    const farmerChoice = input.category === 'farmer' && overrideFen !== null && overrideFen >= FARMER_RANGE_FEN[0] && overrideFen <= FARMER_RANGE_FEN[1];
    if (overrideFen !== null && !farmerChoice && !input.reason) {
      throw new LedgerError('REASON_REQUIRED', `每月 ${formatYuan(overrideFen)} 元与标准金额 ${formatYuan(std.fen)} 元不同，请填写原因（如“自愿多交”）。`);
    }
    const before = one<Base>(ledger, 'SELECT id, from_month AS fromMonth, category, income_fen AS incomeFen, override_fen AS overrideFen FROM dues_bases WHERE member_id = ? AND from_month = ? AND voided_at IS NULL', input.memberId, input.fromMonth);
    if (before) run(ledger, "UPDATE dues_bases SET voided_at = ?, void_reason = '同月重新登记' WHERE id = ?", nowIso(), before.id);
    const id = run(ledger, 'INSERT INTO dues_bases (member_id, from_month, category, income_fen, override_fen, override_reason, created_at) VALUES (?,?,?,?,?,?,?)',
      input.memberId, input.fromMonth, input.category, incomeFen, overrideFen, overrideFen === null ? null : input.reason ?? (farmerChoice ? '农民党员自定' : null), nowIso());
    // Unpaid months from then on follow the new base, up to the next base.
    const next = one<{ fromMonth: string }>(ledger, 'SELECT from_month AS fromMonth FROM dues_bases WHERE member_id = ? AND from_month > ? AND voided_at IS NULL ORDER BY from_month LIMIT 1', input.memberId, input.fromMonth);
    const amountFen = overrideFen ?? std.fen;
    run(ledger, 'UPDATE dues SET amount_due = ?, income = ?, rate = ? WHERE member_id = ? AND amount_paid IS NULL AND month >= ? AND month < ?',
      amountFen / 100, incomeFen === null ? null : incomeFen / 100, std.rate, input.memberId, input.fromMonth, next?.fromMonth ?? '9999-99');
    ledger.audit({
      action: 'update', entity: 'duesBase', entityId: input.memberId,
      summary: `登记“${name}”的党费基数：自 ${input.fromMonth} 起${DUES_CATEGORY_LABELS[input.category]}${incomeFen === null ? '' : `，月收入 ${formatYuan(incomeFen)} 元`}，每月 ${formatYuan(amountFen)} 元${overrideFen === null ? '' : `（${input.reason ?? '农民党员自定'}）`}`,
      before: before ?? undefined, after: { id, fromMonth: input.fromMonth, category: input.category, incomeFen, overrideFen },
    });
    return id;
  });
}

type PayInput = z.output<typeof DuesPaySchema>;

function payInTx(ledger: Ledger, input: PayInput, today: string): { id: number; fen: number; name: string } {
  const name = memberName(ledger, input.memberId);
  if (input.paidOn > today) throw new LedgerError('INVALID_DATE', `交纳日期 ${input.paidOn} 晚于今天，请核对。`);
  const months = [...new Set(input.months)].sort();
  const owed = owedMonths(ledger, orgsOf(ledger, input.memberId), months).get(input.memberId) ?? new Map<string, number>();
  const bases = basesOf(ledger, [input.memberId]).get(input.memberId);
  const rows = monthRows(ledger, [input.memberId], months[0]!, months.at(-1)!);
  let total = 0;
  const perMonth: { month: string; fen: number; base: Base | null; exists: boolean }[] = [];
  for (const month of months) {
    if (!owed.has(month)) throw new LedgerError('NOT_OWED', `“${name}”${month} 不在本组织交纳党费（尚未入党、已转出或党籍状态变化），不能登记。`);
    const row = rows.get(`${input.memberId}|${month}`);
    if (row?.amountPaid != null) throw new LedgerError('ALREADY_PAID', `“${name}”${month} 的党费已于 ${row.paidOn ?? '此前'} 交纳。如登记有误，请先作废原交纳记录。`);
    const base = baseFor(bases, month);
    const fen = row ? toFen(row.amountDue)! : base ? baseAmount(base).amount : null;
    if (fen === null) throw new LedgerError('NO_BASE', `“${name}”${month} 没有交纳基数，请先登记月收入或交纳类别。`);
    total += fen;
    perMonth.push({ month, fen, base, exists: Boolean(row) });
  }
  const late = months.some((m) => monthEnd(m) < input.paidOn);
  const id = run(ledger, 'INSERT INTO dues_payments (member_id, paid_on, months, amount_fen, receipt_no, arrears, note, created_at) VALUES (?,?,?,?,?,?,?,?)',
    input.memberId, input.paidOn, JSON.stringify(months), total, input.receiptNo, late ? 1 : 0, input.note, nowIso());
  for (const p of perMonth) {
    if (p.exists) {
      run(ledger, 'UPDATE dues SET amount_paid = ?, paid_on = ?, payment_id = ? WHERE member_id = ? AND month = ?', p.fen / 100, input.paidOn, id, input.memberId, p.month);
    } else {
      const std = p.base ? standardDues(p.base.category, p.base.incomeFen) : null;
      run(ledger, 'INSERT INTO dues (member_id, month, income, rate, amount_due, amount_paid, paid_on, note, created_at, payment_id) VALUES (?,?,?,?,?,?,?,?,?,?)',
        input.memberId, p.month, p.base?.incomeFen == null ? null : p.base.incomeFen / 100, std?.rate ?? null, p.fen / 100, p.fen / 100, input.paidOn, null, nowIso(), id);
    }
  }
  return { id, fen: total, name };
}

function orgsOf(ledger: Ledger, memberId: number): number[] {
  return all<{ orgId: number }>(ledger, 'SELECT DISTINCT org_id AS orgId FROM member_org_spans WHERE member_id = ?', memberId).map((r) => r.orgId);
}

export function payDues(ledger: Ledger, raw: z.input<typeof DuesPaySchema>, opts: { today?: string } = {}): number {
  const input = DuesPaySchema.parse(raw);
  return ledger.tx(() => {
    const p = payInTx(ledger, input, opts.today ?? todayIso());
    const months = [...new Set(input.months)].sort();
    ledger.audit({
      action: 'create', entity: 'duesPayment', entityId: p.id,
      summary: `登记“${p.name}”交纳党费 ${formatYuan(p.fen)} 元（${months.length === 1 ? months[0] : `${months[0]} 至 ${months.at(-1)} 共 ${months.length} 个月`}），${input.paidOn}${input.receiptNo ? `，收据 ${input.receiptNo}` : ''}`,
      after: { memberId: input.memberId, months, paidOn: input.paidOn, amountFen: p.fen, receiptNo: input.receiptNo },
    });
    return p.id;
  });
}

/** One action for a month: everyone in the org who owes it, has not paid and has an amount pays it. */
export function payMonthForAll(ledger: Ledger, raw: z.input<typeof DuesPayMonthSchema>, opts: { today?: string } = {}): number {
  const input = DuesPayMonthSchema.parse(raw);
  const today = opts.today ?? todayIso();
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    const year = Number(input.month.slice(0, 4));
    const only = input.memberIds ? new Set(input.memberIds) : null;
    const sheet = computeYear(ledger, input.orgId, year, today);
    const payers = sheet.filter((c) => {
      const cell = c.cells.find((x) => x.month === input.month)!;
      return (only === null || only.has(c.person.id)) && cell.state !== 'notOwed' && cell.paidFen === null && cell.dueFen !== null;
    });
    if (payers.length === 0) throw new LedgerError('NOTHING_TO_RECORD', `“${org.name}”${input.month} 没有待登记的党员（都已交纳，或未登记交纳基数）。`);
    let total = 0;
    for (const c of payers) total += payInTx(ledger, { memberId: c.person.id, months: [input.month], paidOn: input.paidOn, receiptNo: null, note: null }, today).fen;
    ledger.audit({
      action: 'create', entity: 'duesPayment', entityId: org.id,
      summary: `“${org.name}”${input.month} 党费按标准登记 ${payers.length} 人，共 ${formatYuan(total)} 元，${input.paidOn}`,
      after: { orgId: org.id, month: input.month, paidOn: input.paidOn, memberIds: payers.map((c) => c.person.id), amountFen: total },
    });
    return payers.length;
  });
}

export function voidDuesPayment(ledger: Ledger, raw: z.input<typeof DuesVoidSchema>): void {
  const input = DuesVoidSchema.parse(raw);
  ledger.tx(() => {
    const p = mustFind(one<{ id: number; memberId: number; paidOn: string; months: string; amountFen: number; voidedAt: string | null }>(
      ledger, 'SELECT id, member_id AS memberId, paid_on AS paidOn, months, amount_fen AS amountFen, voided_at AS voidedAt FROM dues_payments WHERE id = ?', input.id,
    ), '这条交纳记录');
    if (p.voidedAt) throw new LedgerError('ALREADY_VOIDED', '这条交纳记录已作废。');
    run(ledger, 'UPDATE dues_payments SET voided_at = ?, void_reason = ? WHERE id = ?', nowIso(), input.reason, p.id);
    run(ledger, 'UPDATE dues SET amount_paid = NULL, paid_on = NULL, payment_id = NULL WHERE payment_id = ?', p.id);
    ledger.audit({
      action: 'void', entity: 'duesPayment', entityId: p.id,
      summary: `作废“${memberName(ledger, p.memberId)}”${p.paidOn} 交纳党费 ${formatYuan(p.amountFen)} 元的记录：${input.reason}`,
      before: { paidOn: p.paidOn, months: parseJson<string[]>(p.months, []), amountFen: p.amountFen },
    });
  });
}

export function remitDues(ledger: Ledger, raw: z.input<typeof DuesRemitSchema>, opts: { today?: string } = {}): number {
  const input = DuesRemitSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    if (input.remittedOn > (opts.today ?? todayIso())) throw new LedgerError('INVALID_DATE', `上缴日期 ${input.remittedOn} 晚于今天，请核对。`);
    const fen = yuanToFen(input.amount);
    const id = run(ledger, 'INSERT INTO dues_remittances (org_id, month, remitted_on, amount_fen, recipient, receipt_no, note, created_at) VALUES (?,?,?,?,?,?,?,?)',
      org.id, input.month, input.remittedOn, fen, input.recipient, input.receiptNo, input.note, nowIso());
    ledger.audit({
      action: 'create', entity: 'duesRemittance', entityId: id,
      summary: `“${org.name}”${input.remittedOn} 向${input.recipient}上缴 ${input.month} 党费 ${formatYuan(fen)} 元${input.receiptNo ? `，收据 ${input.receiptNo}` : ''}`,
      after: { orgId: org.id, month: input.month, remittedOn: input.remittedOn, amountFen: fen, recipient: input.recipient },
    });
    return id;
  });
}

export function voidRemittance(ledger: Ledger, raw: z.input<typeof DuesVoidSchema>): void {
  const input = DuesVoidSchema.parse(raw);
  ledger.tx(() => {
    const r = mustFind(one<{ id: number; orgId: number; month: string; amountFen: number; voidedAt: string | null }>(
      ledger, 'SELECT id, org_id AS orgId, month, amount_fen AS amountFen, voided_at AS voidedAt FROM dues_remittances WHERE id = ?', input.id,
    ), '这条上缴记录');
    if (r.voidedAt) throw new LedgerError('ALREADY_VOIDED', '这条上缴记录已作废。');
    run(ledger, 'UPDATE dues_remittances SET voided_at = ?, void_reason = ? WHERE id = ?', nowIso(), input.reason, r.id);
    ledger.audit({
      action: 'void', entity: 'duesRemittance', entityId: r.id,
      summary: `作废“${getOrg(ledger, r.orgId).name}”${r.month} 上缴党费 ${formatYuan(r.amountFen)} 元的记录：${input.reason}`,
      before: { month: r.month, amountFen: r.amountFen },
    });
  });
}

/**
 * The assessment's 党费 figures for an org and year up to `asOf`: months whose dues were all
 * paid by the month's end, the ended months, the member-months unpaid, and who is in arrears.
 * null when the org keeps no dues records that year.
 */
export function duesCollection(ledger: Ledger, orgId: number, year: number, asOf: string): {
  months: number; onTime: number; unpaidMemberMonths: number; arrears: { name: string; months: string[] }[]; lateMonths: string[];
} | null {
  // A month ending on asOf has ended too: judge as of the next day.
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const dayAfter = next.toISOString().slice(0, 10);
  const computed = computeYear(ledger, orgId, year, dayAfter);
  const ended = monthsBetween(`${year}-01`, `${year}-12`).filter((m) => monthEnd(m) < dayAfter);
  const kept = computed.some((c) => c.bases !== undefined || c.cells.some((x) => x.paidFen !== null || x.dueFen !== null));
  if (!kept || ended.length === 0) return null;
  const lateMonths = ended.filter((month) => computed.some((c) => {
    const cell = c.cells.find((x) => x.month === month)!;
    return cell.state === 'unpaid' || cell.state === 'late';
  }));
  const arrears = computed.map((c) => ({ name: c.person.name, months: c.arrears.filter((m) => ended.includes(m)) })).filter((a) => a.months.length > 0);
  return { months: ended.length, onTime: ended.length - lateMonths.length, unpaidMemberMonths: arrears.reduce((n, a) => n + a.months.length, 0), arrears, lateMonths };
}
