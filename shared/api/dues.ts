// 党费 calls: a branch's month grid for a year, bases, payments (one or several months, 补缴,
// voidable), "this month for everyone", 上缴 remittances, and the street's branch × month totals.
// Amounts cross the wire in 元 (numbers, two decimals); the ledger keeps whole 分.
import { z } from 'zod';
import { DUES_CATEGORIES, type DuesCategory } from '../domain/dues';
import { id, isoDate, optText, reqText } from '../schemas/common';
import { call } from './contract';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthText = (label = '月份') => z.string().regex(MONTH, `${label}格式不正确（应为 年-月，如 2025-03）`);
const yuan = (label: string) =>
  z.number({ message: `请填写${label}` }).nonnegative(`${label}不能为负数`).max(1_000_000, `${label}过大，请核对`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: `${label}最多两位小数（精确到分）` });
const year = z.number().int().min(1990, '年度不正确').max(2100, '年度不正确');

export const DuesBaseSchema = z.object({
  memberId: id,
  fromMonth: monthText('起始月份'),
  category: z.enum(DUES_CATEGORIES, { message: '请选择交纳类别' }),
  /** After-tax monthly income in 元; employed and retired only. */
  income: yuan('月收入').nullish().transform((v) => v ?? null),
  /** A monthly amount other than the standard, in 元, with its reason. */
  amount: yuan('每月交纳金额').nullish().transform((v) => v ?? null),
  reason: optText(100),
});

export const DuesPaySchema = z.object({
  memberId: id,
  months: z.array(monthText()).min(1, '请选择交纳的月份').max(36, '一次最多登记 36 个月'),
  paidOn: isoDate('交纳日期'),
  receiptNo: optText(40),
  note: optText(100),
});

export const DuesPayMonthSchema = z.object({
  orgId: id,
  month: monthText(),
  paidOn: isoDate('交纳日期'),
  /** Only these members; default: everyone who owes the month and has a standard amount. */
  memberIds: z.array(id).nullish().transform((v) => v ?? null),
});

export const DuesVoidSchema = z.object({ id, reason: reqText('作废原因', 100) });

export const DuesRemitSchema = z.object({
  orgId: id,
  month: monthText(),
  remittedOn: isoDate('上缴日期'),
  amount: yuan('上缴金额').refine((v) => v > 0, { message: '上缴金额应大于 0' }),
  recipient: reqText('接收单位', 60),
  receiptNo: optText(40),
  note: optText(100),
});

type DuesCellState = 'paid' | 'late' | 'unpaid' | 'current' | 'notDue' | 'notOwed';

export type DuesCell = {
  month: string;
  state: DuesCellState;
  /** Amount due that month in 元, null when no base is recorded. */
  due: number | null;
  paid: number | null;
  paidOn: string | null;
  paymentId: number | null;
};

export type DuesMemberRow = {
  memberId: number;
  name: string;
  kind: 'full' | 'probationary';
  joinedOn: string | null;
  base: { id: number; fromMonth: string; category: DuesCategory; income: number | null; rate: number | null; standard: number; amount: number; overrideReason: string | null } | null;
  cells: DuesCell[];
  /** Months ended and unpaid this year. */
  arrears: string[];
};

export type DuesSheet = {
  orgId: number;
  org: string;
  year: number;
  today: string;
  months: string[];
  members: DuesMemberRow[];
  /** Per month: due and paid in 元, members owing, members paid, and remitted. */
  totals: { month: string; due: number; paid: number; owing: number; paidCount: number; remitted: number }[];
  arrears: { memberId: number; name: string; months: string[]; amount: number; flagged: boolean }[];
  remittances: { id: number; month: string; remittedOn: string; amount: number; recipient: string; receiptNo: string | null; note: string | null }[];
  payments: { id: number; memberId: number; name: string; paidOn: string; months: string[]; amount: number; receiptNo: string | null; arrears: boolean }[];
  warnings: string[];
};

export type DuesSummary = {
  orgId: number;
  org: string;
  year: number;
  months: string[];
  branches: { orgId: number; org: string; members: number; byMonth: { month: string; due: number; paid: number; remitted: number }[]; due: number; paid: number; remitted: number; arrearsMembers: number }[];
  total: { byMonth: { month: string; due: number; paid: number; remitted: number }[]; due: number; paid: number; remitted: number };
};

export const duesCalls = {
  'dues.sheet': call<DuesSheet>()(z.object({ orgId: id, year })),
  'dues.summary': call<DuesSummary>()(z.object({ orgId: id, year })),
  'dues.setBase': call<DuesSheet>()(DuesBaseSchema.extend({ orgId: id, year })),
  'dues.pay': call<DuesSheet>()(DuesPaySchema.extend({ orgId: id, year })),
  'dues.payMonth': call<DuesSheet & { recorded: number }>()(DuesPayMonthSchema.extend({ year })),
  'dues.voidPayment': call<DuesSheet>()(DuesVoidSchema.extend({ orgId: id, year })),
  'dues.remit': call<DuesSheet>()(DuesRemitSchema.extend({ year })),
  'dues.voidRemittance': call<DuesSheet>()(DuesVoidSchema.extend({ orgId: id, year })),
};
