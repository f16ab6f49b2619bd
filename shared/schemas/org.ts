import { z } from 'zod';
import { FACILITY_CODES, ORG_CATEGORIES, ORG_TYPES, COMMITTEE_ROLES } from '../domain/org';
import { id, isoDate, optDate, optText, reqText } from './common';

export const OrgFieldsSchema = z.object({
  name: reqText('组织名称', 60),
  shortName: optText(30),
  type: z.enum(ORG_TYPES, { message: '请选择组织类型' }),
  category: z.enum(ORG_CATEGORIES).nullish().transform((v) => v ?? null),
  foundedOn: optDate('成立日期'),
  address: optText(120),
  phone: optText(40),
  units: optText(500),
  termYears: z.number().int().min(1).max(10).nullish().transform((v) => v ?? null),
  facilities: z.array(z.enum(FACILITY_CODES)).default([]),
  instructor: optText(20),
  instructorPhone: optText(40),
  sortOrder: z.number().int().default(0),
  note: optText(500),
});

export const OrgCreateSchema = OrgFieldsSchema.extend({ parentId: id.nullable() });
export type OrgCreate = z.input<typeof OrgCreateSchema>;

/** A patch: only the keys sent are changed (no defaults, or a patch would reset the checklist). */
export const OrgUpdateSchema = OrgFieldsSchema.omit({ type: true })
  .extend({ facilities: z.array(z.enum(FACILITY_CODES)), sortOrder: z.number().int() })
  .partial();
export type OrgUpdate = z.input<typeof OrgUpdateSchema>;

export const RoleInputSchema = z.object({
  memberId: id.nullish().transform((v) => v ?? null),
  personName: reqText('姓名', 20),
  role: z.enum(COMMITTEE_ROLES),
  roleLabel: optText(20),
});

export const TermInputSchema = z.object({
  electedOn: isoDate('换届日期'),
  /** Defaults to electedOn + the org's term length. */
  expiresOn: optDate('届满日期'),
  roles: z.array(RoleInputSchema).max(9, '班子成员一般不超过 7 人'),
  note: optText(500),
});
export type TermInput = z.input<typeof TermInputSchema>;

export const PartnerInputSchema = z.object({
  name: reqText('共建单位名称', 60),
  contact: optText(20),
  phone: optText(40),
  since: optDate('开始日期'),
  content: optText(500),
});
export type PartnerInput = z.input<typeof PartnerInputSchema>;
