import { z } from 'zod';
import { today } from '../dates';
import { GENDERS, MEMBER_CATEGORIES, MEMBER_KINDS, STANDINGS } from '../domain/member';
import { memberProblems } from '../domain/member-rules';
import { id, isoDate, optDate, optText, reqText } from './common';

const idNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().min(1, '请填写身份证号'));

export const MemberFieldsSchema = z.object({
  name: reqText('姓名', 30),
  idNumber,
  gender: z.enum(GENDERS).nullish().transform((v) => v ?? null),
  ethnicity: optText(20),
  birthDate: optDate('出生日期'),
  nativePlace: optText(40),
  education: optText(20),
  kind: z.enum(MEMBER_KINDS, { message: '请选择人员类别' }),
  joinedOn: optDate('入党日期'),
  confirmedOn: optDate('转正日期'),
  orgId: id,
  groupId: id.nullish().transform((v) => v ?? null),
  employer: optText(100),
  job: optText(20),
  phone: optText(40),
  address: optText(120),
  categories: z.array(z.enum(MEMBER_CATEGORIES)).default([]),
  skills: optText(200),
  lostContactSince: optText(7),
  note: optText(500),
});

type Facts = Parameters<typeof memberProblems>[0];
/** Adds the ID/date checks of shared/domain/member-rules as field errors. */
export function withMemberChecks<T extends z.ZodType<Partial<Facts>>>(schema: T) {
  return schema.superRefine((m, ctx) => {
    if (!m.idNumber || !m.kind) return;
    for (const p of memberProblems(m as Facts, today())) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message, params: { code: p.code } });
  });
}

export const MemberCreateSchema = withMemberChecks(MemberFieldsSchema);
export type MemberCreate = z.input<typeof MemberCreateSchema>;
export type MemberFields = z.output<typeof MemberFieldsSchema>;

/** Edits of the member's own facts; org moves, kind changes and standing go through events. */
export const MemberUpdateSchema = MemberFieldsSchema.omit({ orgId: true })
  .extend({ categories: z.array(z.enum(MEMBER_CATEGORIES)) })
  .partial(); // no defaults: a patch changes only the keys it sends
export type MemberUpdate = z.input<typeof MemberUpdateSchema>;

export const DatedNoteSchema = z.object({ date: isoDate(), note: optText(500) });

export const TransferOutSchema = DatedNoteSchema.extend({
  toOrg: reqText('转往的党组织', 80),
  /** 组织关系介绍信 number. */
  letterNumber: optText(40),
  /** 党费交至: the last month whose dues are paid (YYYY-MM). */
  duesPaidTo: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至格式应为 年-月').nullish().transform((v) => v ?? null),
});
export const TransferInternalSchema = DatedNoteSchema.extend({ toOrgId: id });
/** One action for several members: 组织关系转出, 调整支部 or 调整党小组 (groupId null: no group). */
export const BulkMemberActionSchema = z.discriminatedUnion('kind', [
  TransferOutSchema.extend({ kind: z.literal('transferOut') }),
  TransferInternalSchema.extend({ kind: z.literal('transferInternal') }),
  DatedNoteSchema.extend({ kind: z.literal('moveGroup'), groupId: id.nullable() }),
]);
export type BulkMemberAction = z.output<typeof BulkMemberActionSchema>;
export const TransferInSchema = z.object({
  member: MemberFieldsSchema,
  date: isoDate('转入日期'),
  fromOrg: reqText('转出党组织', 80),
  note: optText(500),
});
export const StandingChangeSchema = DatedNoteSchema.extend({ standing: z.enum(STANDINGS), reason: optText(40) });
export const MobileStartSchema = z.object({
  direction: z.enum(['out', 'in']),
  place: reqText('流动地点', 80),
  unit: optText(80),
  cardNumber: optText(40),
  contactPhone: optText(40),
  homeOrg: optText(80),
  fromDate: isoDate('开始日期'),
  note: optText(500),
});
export const ResidentRegistrationSchema = z.object({
  communityOrgId: id,
  unitOrg: optText(80),
  registeredOn: isoDate('报到日期'),
  isCadre: z.boolean().default(false),
  serviceIntent: optText(200),
  note: optText(500),
});
export const PostAssignSchema = z.object({ postId: id, fromDate: isoDate('上岗日期'), appliedOn: optDate('申报日期'), pledge: optText(200), note: optText(500) });
export const MemberListQuerySchema = z.object({
  orgId: id.nullish(),
  includeDescendants: z.boolean().default(true),
  /** Members who left the street or the Party are kept; list them only when asked. */
  includeInactive: z.boolean().default(false),
  asOf: optDate('日期'),
});
export type MemberListQuery = z.input<typeof MemberListQuerySchema>;
