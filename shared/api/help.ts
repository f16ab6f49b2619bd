// 帮扶 (五助二扶一带) calls: help records, donation stations with money and goods in and out and
// their running balance, the quarterly 简报 draft; and the 流动党员 contact log (定人定期联系).
// Amounts cross the wire in 元 (two decimals); the ledger keeps whole 分.
import { z } from 'zod';
import { AID_CATEGORIES, AID_HELPER_KINDS, CONTACT_WAYS, DONATION_KINDS, type AidCategory, type AidHelperKind, type ContactWay, type DonationKind } from '../domain/aid';
import { id, isoDate, optText, reqText } from '../schemas/common';
import { call } from './contract';

const yuan = (label: string) =>
  z.number({ message: `请填写${label}` }).nonnegative(`${label}不能为负数`).max(10_000_000, `${label}过大，请核对`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: `${label}最多两位小数（精确到分）` });
const optId = id.nullish().transform((v) => v ?? null);
const scope = z.object({ orgId: optId });

export const AidRecordSchema = z.object({
  orgId: id,
  householdId: optId,
  /** The person helped; a registered household's head when householdId is given and this is blank. */
  recipient: optText(60, '帮扶对象'),
  address: optText(100, '住址'),
  category: z.enum(AID_CATEGORIES, { message: '请选择帮扶类别' }),
  helperKind: z.enum(AID_HELPER_KINDS, { message: '请选择帮扶人类别' }),
  helperMemberId: optId,
  helperOrgId: optId,
  /** The partner unit's name (共建单位); for a member or org the service fills it in. */
  helperName: optText(60),
  content: reqText('帮扶内容', 200),
  value: yuan('折合金额').nullish().transform((v) => v ?? 0),
  date: isoDate('帮扶日期'),
  notable: z.boolean().nullish().transform((v) => v ?? false),
  note: optText(200),
});

export const VoidSchema = z.object({ id, reason: reqText('作废原因', 100) });

export const StationSchema = z.object({
  orgId: id,
  name: reqText('捐助站名称', 60),
  address: optText(100),
  keeper: optText(30),
});

export const DonationSchema = z.object({
  stationId: id,
  direction: z.enum(['in', 'out'], { message: '请选择收入或发放' }),
  date: isoDate('日期'),
  party: reqText('捐助人或领取人', 60),
  householdId: optId,
  kind: z.enum(DONATION_KINDS, { message: '请选择款或物' }),
  description: reqText('款物内容', 100),
  value: yuan('金额').refine((v) => v > 0, { message: '金额应大于 0' }),
  handledBy: optText(30),
  note: optText(200),
});

export const ContactPersonSchema = z.object({
  memberId: id,
  contactMemberId: optId,
  contactName: reqText('联系人', 30),
  contactPhone: optText(30),
  fromDate: isoDate('起始日期'),
});

export const MobileContactSchema = z.object({
  memberId: id,
  date: isoDate('联系日期'),
  way: z.enum(CONTACT_WAYS, { message: '请选择联系方式' }),
  contactBy: reqText('联系人', 30),
  content: reqText('联系内容', 300),
});

export type AidRecordRow = {
  id: number;
  orgId: number;
  org: string;
  householdId: number | null;
  recipient: string;
  address: string | null;
  category: AidCategory;
  helperKind: AidHelperKind;
  helperName: string;
  content: string;
  value: number;
  date: string;
  notable: boolean;
  note: string | null;
};

export type DonationRow = {
  id: number;
  direction: 'in' | 'out';
  date: string;
  party: string;
  householdId: number | null;
  kind: DonationKind;
  description: string;
  value: number;
  handledBy: string | null;
  note: string | null;
  /** Money left after this entry (entries in date order), in 元. */
  moneyBalance: number;
  /** Money and goods (valued) left after this entry, in 元. */
  balance: number;
};

export type StationView = {
  id: number;
  orgId: number;
  org: string;
  name: string;
  address: string | null;
  keeper: string | null;
  /** Before the period: money and money + goods, in 元. */
  opening: { money: number; total: number };
  entries: DonationRow[];
  totals: { in: number; out: number; moneyIn: number; moneyOut: number; goodsIn: number; goodsOut: number };
  closing: { money: number; total: number };
};

export type HelpOverview = {
  from: string;
  to: string;
  records: AidRecordRow[];
  byCategory: { category: AidCategory; count: number; value: number }[];
  stations: StationView[];
};

export type MobileContactRow = {
  memberId: number;
  name: string;
  org: string | null;
  direction: 'out' | 'in';
  place: string;
  since: string;
  contactPerson: { name: string; phone: string | null; fromDate: string } | null;
  lastContact: string | null;
  /** No contact in the current quarter. */
  overdue: boolean;
  contacts: { id: number; date: string; way: ContactWay; contactBy: string; content: string }[];
};

export type MobileContactList = { today: string; quarter: { start: string; end: string; label: string }; members: MobileContactRow[] };

export type HelpBrief = { title: string; fileName: string; text: string };

const period = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') });

export const helpCalls = {
  'help.overview': call<HelpOverview>()(scope.extend(period.shape)),
  'help.record': call<{ id: number }>()(AidRecordSchema),
  'help.voidRecord': call<{ ok: true }>()(VoidSchema),
  'help.createStation': call<{ id: number }>()(StationSchema),
  'help.donation': call<{ id: number }>()(DonationSchema),
  'help.voidDonation': call<{ ok: true }>()(VoidSchema),
  'help.brief': call<HelpBrief>()(scope.extend({ year: z.number().int().min(1990).max(2100), quarter: z.number().int().min(1).max(4) })),
  'mobileContacts.list': call<MobileContactList>()(scope),
  'mobileContacts.setPerson': call<{ id: number }>()(ContactPersonSchema),
  'mobileContacts.log': call<{ id: number }>()(MobileContactSchema),
  'mobileContacts.void': call<{ ok: true }>()(VoidSchema),
};
