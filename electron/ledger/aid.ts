// 五助二扶一带: help given to a household or person, and the donation stations whose money and
// goods in and out are registered with a running balance. Money is whole 分 here (元 only on the
// wire and in print). Corrections void a row with a reason, audited; nothing is deleted.
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { AID_CATEGORIES, AID_CATEGORY_LABELS, type AidCategory, DONATION_KIND_LABELS } from '../../shared/domain/aid';
import { fenToYuan, formatYuan, yuanToFen } from '../../shared/domain/dues';
import {
  AidRecordSchema, DonationSchema, StationSchema, VoidSchema, type AidRecordRow, type DonationRow, type HelpOverview, type StationView,
} from '../../shared/api/help';
import type { Ledger } from './ledger';
import { getHousehold } from './households';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';

/** The orgs a view covers: an org and everything under it, or (null) the whole street. */
function orgFilter(ledger: Ledger, orgId: number | null): string {
  return JSON.stringify(orgId === null ? all<{ id: number }>(ledger, 'SELECT id FROM orgs').map((o) => o.id) : orgSubtreeIds(ledger, orgId, { includeDissolved: true }));
}

function helperName(ledger: Ledger, input: z.output<typeof AidRecordSchema>): { memberId: number | null; orgId: number | null; name: string } {
  if (input.helperKind === 'member') {
    if (input.helperMemberId === null) throw new LedgerError('HELPER_REQUIRED', '请选择帮扶的党员。');
    const m = mustFind(one<{ name: string }>(ledger, 'SELECT name FROM members WHERE id = ?', input.helperMemberId), '这名党员');
    return { memberId: input.helperMemberId, orgId: null, name: m.name };
  }
  if (input.helperKind === 'org') {
    const org = getOrg(ledger, input.helperOrgId ?? input.orgId);
    return { memberId: null, orgId: org.id, name: org.name };
  }
  if (!input.helperName) throw new LedgerError('HELPER_REQUIRED', '请填写帮扶的共建单位名称。');
  return { memberId: null, orgId: null, name: input.helperName };
}

export function recordAid(ledger: Ledger, raw: z.input<typeof AidRecordSchema>): number {
  const input = AidRecordSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    const helper = helperName(ledger, input);
    const household = input.householdId === null ? null : getHousehold(ledger, input.householdId);
    const recipient = input.recipient ?? household?.head;
    if (!recipient) throw new LedgerError('RECIPIENT_REQUIRED', '请选择民情卡上的住户，或填写帮扶对象的姓名。');
    const address = input.address ?? household?.addressLine ?? null;
    const fen = yuanToFen(input.value);
    const id = run(ledger,
      `INSERT INTO aid_records (org_id, household_id, recipient, address, category, helper_kind, helper_member_id, helper_org_id, helper_name, content, value_fen, date, notable, note, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      org.id, input.householdId, recipient, address, input.category, input.helperKind, helper.memberId, helper.orgId, helper.name,
      input.content, fen, input.date, input.notable ? 1 : 0, input.note, nowIso());
    ledger.audit({
      action: 'create', entity: 'aidRecord', entityId: id,
      summary: `登记帮扶（${AID_CATEGORY_LABELS[input.category]}）：${helper.name} 帮扶 ${recipient}，${input.content}${fen ? `，折合 ${formatYuan(fen)} 元` : ''}，${input.date}`,
      after: { orgId: org.id, householdId: input.householdId, recipient, category: input.category, helper: helper.name, valueFen: fen, date: input.date },
    });
    return id;
  });
}

export function voidAid(ledger: Ledger, raw: z.input<typeof VoidSchema>): void {
  const input = VoidSchema.parse(raw);
  ledger.tx(() => {
    const r = mustFind(one<{ id: number; recipient: string; category: AidCategory; date: string; valueFen: number; voidedAt: string | null }>(
      ledger, 'SELECT id, recipient, category, date, value_fen AS valueFen, voided_at AS voidedAt FROM aid_records WHERE id = ?', input.id,
    ), '这条帮扶记录');
    if (r.voidedAt) throw new LedgerError('ALREADY_VOIDED', '这条帮扶记录已作废。');
    run(ledger, 'UPDATE aid_records SET voided_at = ?, void_reason = ? WHERE id = ?', nowIso(), input.reason, r.id);
    ledger.audit({
      action: 'void', entity: 'aidRecord', entityId: r.id,
      summary: `作废 ${r.date} 对 ${r.recipient} 的帮扶记录（${AID_CATEGORY_LABELS[r.category]}）：${input.reason}`,
      before: { recipient: r.recipient, category: r.category, date: r.date, valueFen: r.valueFen },
    });
  });
}

/** Help records (not voided) of an org and its sub-orgs (or the street) between two dates, oldest first. */
export function listAid(ledger: Ledger, orgId: number | null, from: string, to: string): AidRecordRow[] {
  return all<Omit<AidRecordRow, 'value' | 'notable'> & { valueFen: number; notable: number }>(ledger,
    `SELECT a.id, a.org_id AS orgId, o.name AS org, a.household_id AS householdId, a.recipient, a.address, a.category, a.helper_kind AS helperKind,
       a.helper_name AS helperName, a.content, a.value_fen AS valueFen, a.date, a.notable, a.note
     FROM aid_records a JOIN orgs o ON o.id = a.org_id
     WHERE a.voided_at IS NULL AND a.date BETWEEN ? AND ? AND a.org_id IN (SELECT value FROM json_each(?))
     ORDER BY a.date, a.id`,
    from, to, orgFilter(ledger, orgId),
  ).map(({ valueFen, notable, ...r }) => ({ ...r, value: fenToYuan(valueFen), notable: notable === 1 }));
}

/** Count and value per category, every category listed (zeros too), in the seed's order. */
export function aidByCategory(records: readonly AidRecordRow[]): HelpOverview['byCategory'] {
  return AID_CATEGORIES.map((category) => {
    const mine = records.filter((r) => r.category === category);
    return { category, count: mine.length, value: fenToYuan(mine.reduce((n, r) => n + yuanToFen(r.value), 0)) };
  });
}

export function createStation(ledger: Ledger, raw: z.input<typeof StationSchema>): number {
  const input = StationSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    if (one(ledger, 'SELECT 1 FROM donation_stations WHERE org_id = ? AND name = ? AND closed_on IS NULL', org.id, input.name)) {
      throw new LedgerError('DUPLICATE', `“${org.name}”已有名为“${input.name}”的捐助站。`);
    }
    const id = run(ledger, 'INSERT INTO donation_stations (org_id, name, address, keeper, created_at) VALUES (?,?,?,?,?)', org.id, input.name, input.address, input.keeper, nowIso());
    ledger.audit({ action: 'create', entity: 'donationStation', entityId: id, summary: `设立捐助站“${input.name}”（${org.name}）`, after: input });
    return id;
  });
}

type Entry = { id: number; direction: 'in' | 'out'; date: string; party: string; householdId: number | null; kind: 'money' | 'goods'; description: string; valueFen: number; handledBy: string | null; note: string | null };

function entriesOf(ledger: Ledger, stationId: number): Entry[] {
  // Same day: receipts before distributions, so what came in that morning can go out that day.
  return all<Entry>(ledger,
    `SELECT id, direction, date, party, household_id AS householdId, kind, description, value_fen AS valueFen, handled_by AS handledBy, note
     FROM donations WHERE station_id = ? AND voided_at IS NULL ORDER BY date, direction = 'out', id`,
    stationId,
  );
}

const signed = (e: Pick<Entry, 'direction' | 'valueFen'>) => (e.direction === 'in' ? e.valueFen : -e.valueFen);

/** The first entry after which the money balance is below zero, with the balance just before it. */
function firstOverdraw(entries: readonly Entry[]): { entry: Entry; before: number } | null {
  let money = 0;
  for (const e of entries) {
    if (e.kind !== 'money') continue;
    if (money + signed(e) < 0) return { entry: e, before: money };
    money += signed(e);
  }
  return null;
}

function station(ledger: Ledger, id: number): { id: number; orgId: number; name: string } {
  return mustFind(one<{ id: number; orgId: number; name: string }>(ledger, 'SELECT id, org_id AS orgId, name FROM donation_stations WHERE id = ?', id), '这个捐助站');
}

export function recordDonation(ledger: Ledger, raw: z.input<typeof DonationSchema>): number {
  const input = DonationSchema.parse(raw);
  return ledger.tx(() => {
    const s = station(ledger, input.stationId);
    if (input.householdId !== null) getHousehold(ledger, input.householdId);
    const fen = yuanToFen(input.value);
    const id = run(ledger,
      'INSERT INTO donations (station_id, direction, date, party, household_id, kind, description, value_fen, handled_by, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      s.id, input.direction, input.date, input.party, input.householdId, input.kind, input.description, fen, input.handledBy, input.note, nowIso());
    const over = firstOverdraw(entriesOf(ledger, s.id));
    if (over) {
      const at = over.entry.id === id ? input.date : over.entry.date;
      throw new LedgerError('OVER_BALANCE', over.entry.id === id
        ? `捐助站“${s.name}”截至 ${at} 的捐款结余只有 ${formatYuan(over.before)} 元，不能发放 ${formatYuan(fen)} 元。请核对金额，或先登记收到的捐款。`
        : `登记后，捐助站“${s.name}”${at} 发放给 ${over.entry.party} 的 ${formatYuan(over.entry.valueFen)} 元将超出当时的捐款结余（${formatYuan(over.before)} 元）。请核对日期和金额。`);
    }
    const verb = input.direction === 'in' ? `收到 ${input.party} 捐助` : `向 ${input.party} 发放`;
    ledger.audit({
      action: 'create', entity: 'donation', entityId: id,
      summary: `捐助站“${s.name}”${input.date} ${verb}${DONATION_KIND_LABELS[input.kind]}：${input.description}，${formatYuan(fen)} 元`,
      after: { stationId: s.id, direction: input.direction, date: input.date, party: input.party, kind: input.kind, valueFen: fen },
    });
    return id;
  });
}

export function voidDonation(ledger: Ledger, raw: z.input<typeof VoidSchema>): void {
  const input = VoidSchema.parse(raw);
  ledger.tx(() => {
    const d = mustFind(one<Entry & { stationId: number; voidedAt: string | null }>(ledger,
      'SELECT id, station_id AS stationId, direction, date, party, kind, value_fen AS valueFen, voided_at AS voidedAt FROM donations WHERE id = ?', input.id), '这条收发记录');
    if (d.voidedAt) throw new LedgerError('ALREADY_VOIDED', '这条收发记录已作废。');
    const s = station(ledger, d.stationId);
    run(ledger, 'UPDATE donations SET voided_at = ?, void_reason = ? WHERE id = ?', nowIso(), input.reason, d.id);
    const over = firstOverdraw(entriesOf(ledger, s.id));
    if (over) {
      throw new LedgerError('OVER_BALANCE', `作废这笔捐款后，捐助站“${s.name}”${over.entry.date} 发放给 ${over.entry.party} 的 ${formatYuan(over.entry.valueFen)} 元将超出结余（${formatYuan(over.before)} 元）。请先作废或更正那笔发放。`);
    }
    ledger.audit({
      action: 'void', entity: 'donation', entityId: d.id,
      summary: `作废捐助站“${s.name}”${d.date} ${d.direction === 'in' ? '收到' : '发放'} ${d.party} ${formatYuan(d.valueFen)} 元的记录：${input.reason}`,
      before: { direction: d.direction, date: d.date, party: d.party, kind: d.kind, valueFen: d.valueFen },
    });
  });
}

/** Every station of the orgs in view, with its entries in the period and the running balances. */
export function stationViews(ledger: Ledger, orgId: number | null, from: string, to: string): StationView[] {
  const stations = all<{ id: number; orgId: number; org: string; name: string; address: string | null; keeper: string | null }>(ledger,
    `SELECT s.id, s.org_id AS orgId, o.name AS org, s.name, s.address, s.keeper FROM donation_stations s JOIN orgs o ON o.id = s.org_id
     WHERE s.org_id IN (SELECT value FROM json_each(?)) AND (s.closed_on IS NULL OR s.closed_on >= ?) ORDER BY s.id`,
    orgFilter(ledger, orgId), from,
  );
  return stations.map((s) => {
    let money = 0;
    let total = 0;
    const opening = { money: 0, total: 0 };
    const entries: DonationRow[] = [];
    const t = { in: 0, out: 0, moneyIn: 0, moneyOut: 0, goodsIn: 0, goodsOut: 0 };
    for (const e of entriesOf(ledger, s.id)) {
      if (e.date > to) break;
      if (e.kind === 'money') money += signed(e);
      total += signed(e);
      if (e.date < from) {
        opening.money = money;
        opening.total = total;
        continue;
      }
      t[e.direction] += e.valueFen;
      t[`${e.kind}${e.direction === 'in' ? 'In' : 'Out'}` as const] += e.valueFen;
      const { valueFen, ...rest } = e;
      entries.push({ ...rest, value: fenToYuan(valueFen), moneyBalance: fenToYuan(money), balance: fenToYuan(total) });
    }
    return {
      ...s,
      opening: { money: fenToYuan(opening.money), total: fenToYuan(opening.total) },
      entries,
      totals: { in: fenToYuan(t.in), out: fenToYuan(t.out), moneyIn: fenToYuan(t.moneyIn), moneyOut: fenToYuan(t.moneyOut), goodsIn: fenToYuan(t.goodsIn), goodsOut: fenToYuan(t.goodsOut) },
      closing: { money: fenToYuan(money), total: fenToYuan(total) },
    };
  });
}

export function helpOverview(ledger: Ledger, orgId: number | null, from: string, to: string): HelpOverview {
  if (from > to) throw new LedgerError('INVALID_PERIOD', `期间不正确：${from} 至 ${to}。开始日期不能晚于结束日期。`);
  const records = listAid(ledger, orgId, from, to);
  return { from, to, records, byCategory: aidByCategory(records), stations: stationViews(ledger, orgId, from, to) };
}
