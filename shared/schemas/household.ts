// Inputs of 民情卡 (households), 党员联系户 links and 走千家 visits: the same schemas check the forms
// in the renderer and the calls in the main process.
import { z } from 'zod';
import { CONCERN_CATEGORIES, HOUSEHOLD_CATEGORIES } from '../domain/household';
import { id, isoDate, optDate, optText, reqText } from './common';

export const HouseholdPersonSchema = z.object({
  name: reqText('家庭成员姓名', 30),
  relation: optText(10, '与户主关系'),
  phone: optText(40, '电话'),
});

export const HouseholdFieldsSchema = z.object({
  /** The community (社区党委/党支部) whose 民情卡 this is. */
  orgId: id,
  estate: optText(40, '小区'),
  building: optText(20, '楼栋'),
  unit: optText(20, '单元'),
  room: optText(20, '室'),
  /** Anything the 小区/楼栋/单元/室 fields cannot say (平房, 村组 …), and addresses kept from before. */
  address: optText(120, '地址'),
  head: reqText('户主姓名', 30),
  phone: optText(40, '户主电话'),
  people: z.array(HouseholdPersonSchema).max(20, '家庭成员最多 20 人').default([]),
  categories: z.array(z.enum(HOUSEHOLD_CATEGORIES)).max(HOUSEHOLD_CATEGORIES.length).default([])
    .transform((c) => [...new Set(c)]),
  needs: optText(2000, '需求与意见'),
  note: optText(500, '备注'),
});

export const HouseholdCreateSchema = HouseholdFieldsSchema.extend({ registeredOn: isoDate('入册日期') });
export const HouseholdUpdateSchema = z.object({ id, household: HouseholdFieldsSchema });
export const HouseholdCloseSchema = z.object({ id, date: isoDate('注销日期'), reason: reqText('注销原因', 100) });
export const HouseholdListQuerySchema = z.object({
  orgId: id.nullish().transform((v) => v ?? null),
  /** 已注销 households are kept; list them only when asked. */
  includeClosed: z.boolean().default(false),
});

export const ContactLinkSchema = z.object({
  memberId: id,
  householdId: id,
  fromDate: isoDate('联系开始日期'),
  note: optText(200),
});
export const ContactEndSchema = z.object({ id, date: isoDate('结束日期') });

export const VisitFieldsSchema = z
  .object({
    householdId: id,
    /** The org the visit counts for (its 走访 rule and 走千家 indicator); default: the household's community. */
    orgId: id.nullish().transform((v) => v ?? null),
    date: isoDate('走访日期'),
    memberIds: z.array(id).max(20).default([]).transform((v) => [...new Set(v)]),
    /** Visitors who are not members of the street (社区干部, 网格员 …). */
    others: z.array(reqText('走访人姓名', 30)).max(10).default([]),
    concernCategory: z.enum(CONCERN_CATEGORIES, { message: '请选择民情类别' }),
    concern: optText(2000, '民情内容'),
    referredTo: optText(60, '转办单位或人员'),
    resolvedOn: optDate('办结日期'),
    resolution: optText(500, '办理结果'),
    /** A 走访 activity already recorded that this visit was part of: the visit then adds no activity of its own. */
    activityId: id.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.memberIds.length + v.others.length === 0) ctx.addIssue({ code: 'custom', message: '请选择走访人（党员或干部）', path: ['memberIds'] });
    if (v.resolvedOn && v.resolvedOn < v.date) ctx.addIssue({ code: 'custom', message: '办结日期不能早于走访日期', path: ['resolvedOn'] });
  });
export type VisitInput = z.input<typeof VisitFieldsSchema>;
export const VisitUpdateSchema = z.object({ id, visit: VisitFieldsSchema });
export const VisitResolveSchema = z.object({ id, resolvedOn: isoDate('办结日期'), resolution: optText(500, '办理结果') });
export const VoidSchema = z.object({ id, reason: reqText('作废原因', 100) });
