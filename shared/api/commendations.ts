// 表彰 calls: commendations of members, households and orgs, listed by year and scope, created
// with a file (the certificate or the document) and voided with a reason, never deleted.
import { z } from 'zod';
import { COMMENDATION_KINDS, COMMENDATION_LEVELS, type CommendationKind, type CommendationLevel } from '../domain/commendation';
import { id, optDate, optText, reqText } from '../schemas/common';
import type { AttachmentMeta } from './activities';
import { call } from './contract';
import { OwnedAttachmentSchema } from './secretary-reviews';

const nullableId = id.nullish().transform((v) => v ?? null);

export const CommendationCreateSchema = z
  .object({
    kind: z.enum(COMMENDATION_KINDS, { message: '请选择表彰对象' }),
    /** The org commended; for a member, filled from the member; for a household, the org that put it forward. */
    orgId: nullableId,
    memberId: nullableId,
    householdName: optText(60, '家庭户主姓名'),
    householdAddress: optText(120, '家庭住址'),
    title: reqText('表彰名称', 60),
    level: z.enum(COMMENDATION_LEVELS, { message: '请选择表彰级别' }),
    year: z.number({ message: '请填写年度' }).int().min(1949, '年度不正确').max(2100, '年度不正确'),
    awardedOn: optDate('表彰日期'),
    issuer: optText(60, '表彰单位'),
    docNumber: optText(60, '文号'),
    note: optText(300, '备注'),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'member' && !c.memberId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: '请选择受表彰的党员' });
    if (c.kind === 'household' && !c.householdName) ctx.addIssue({ code: 'custom', path: ['householdName'], message: '请填写受表彰家庭的户主姓名' });
    if (c.kind !== 'member' && !c.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: c.kind === 'org' ? '请选择受表彰的党组织' : '请选择推荐的党组织' });
    if (c.awardedOn && Number(c.awardedOn.slice(0, 4)) < c.year) ctx.addIssue({ code: 'custom', path: ['awardedOn'], message: '表彰日期早于表彰年度，请核对' });
  });

export type Commendation = {
  id: number;
  kind: CommendationKind;
  orgId: number;
  org: string;
  memberId: number | null;
  memberName: string | null;
  householdName: string | null;
  householdAddress: string | null;
  title: string;
  level: CommendationLevel;
  year: number;
  awardedOn: string | null;
  issuer: string | null;
  docNumber: string | null;
  note: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  attachments: AttachmentMeta[];
};

export const CommendationQuerySchema = z.object({
  year: z.number().int().nullish().transform((v) => v ?? null),
  /** An org and everything under it. */
  orgId: nullableId,
  memberId: nullableId,
  includeVoided: z.boolean().default(false),
});

export const commendationsCalls = {
  'commendations.list': call<Commendation[]>()(CommendationQuerySchema),
  'commendations.create': call<Commendation>()(CommendationCreateSchema),
  'commendations.void': call<{ id: number }>()(z.object({ id, reason: reqText('作废原因', 200) })),
  'commendations.attach': call<AttachmentMeta>()(OwnedAttachmentSchema),
};
