import { z } from 'zod';
import type { AppraisalGrade, MemberCategory, MemberEventType, MemberKind, Standing } from '../domain/member';
import {
  BulkMemberActionSchema, MemberCreateSchema, MemberUpdateSchema, MobileStartSchema, PostAssignSchema, ResidentRegistrationSchema, StandingChangeSchema,
  TransferInSchema, TransferInternalSchema, TransferOutSchema,
} from '../schemas/member';
import { id, isoDate, optText } from '../schemas/common';
import { call } from './contract';
import type { ContactRow } from './households';

/** One line of the member list: enough to search, filter and sort thousands in the renderer. */
export type MemberListRow = {
  id: number;
  name: string;
  /** Pinyin initials ('zs' for 张三, surnames read as surnames: 单 → s) and full pinyin, for search. */
  initials: string;
  pinyin: string;
  idNumber: string;
  gender: '男' | '女' | null;
  birthDate: string | null;
  education: string | null;
  kind: MemberKind;
  joinedOn: string | null;
  confirmedOn: string | null;
  orgId: number | null;
  orgName: string | null;
  groupName: string | null;
  categories: MemberCategory[];
  standing: Standing;
  status: 'active' | 'transferredOut';
  phone: string | null;
  job: string | null;
  /** An open mobile record: 'out' (流出) or 'in' (流入). */
  mobile: 'out' | 'in' | null;
  /** Labels of required fields of the collection form that are empty. */
  missing: string[];
};

export type MemberDetail = {
  member: {
    id: number; idNumber: string; name: string; gender: '男' | '女' | null; ethnicity: string | null; birthDate: string | null;
    nativePlace: string | null; education: string | null; kind: MemberKind; joinedOn: string | null; confirmedOn: string | null;
    orgId: number | null; groupId: number | null; employer: string | null; job: string | null; phone: string | null; address: string | null;
    categories: MemberCategory[]; skills: string | null; lostContactSince: string | null; note: string | null;
    standing: Standing; standingReason: string | null; standingSince: string | null; status: 'active' | 'transferredOut';
    createdAt: string; updatedAt: string;
  };
  orgName: string | null;
  groupName: string | null;
  /** Voided as 录入错误 (in no register any more), with the reason. */
  voided: { at: string; reason: string | null } | null;
  missing: string[];
  /** When probation ends (入党日期 + 1 year + extensions), for probationary members. */
  probationEndsOn: string | null;
  history: {
    id: number; type: MemberEventType; date: string; fromOrgName: string | null; toOrgName: string | null; otherOrg: string | null;
    data: Record<string, unknown>; note: string | null; voidedAt: string | null; voidReason: string | null;
  }[];
  posts: { id: number; postId: number; postName: string; fromDate: string; toDate: string | null; pledge: string | null; note: string | null }[];
  /** 党员联系户: the member's contact links, running ones first. */
  households: ContactRow[];
  mobile: {
    id: number; direction: 'out' | 'in'; place: string; unit: string | null; cardNumber: string | null; contactPhone: string | null;
    homeOrg: string | null; fromDate: string; toDate: string | null; note: string | null;
  }[];
  residents: {
    id: number; communityOrgId: number; communityName: string; unitOrg: string | null; registeredOn: string; endedOn: string | null;
    isCadre: boolean; serviceIntent: string | null; note: string | null;
  }[];
  appraisals: { year: number; grade: AppraisalGrade | null; orgName: string; appraisedOn: string }[];
};

const dated = { date: isoDate(), note: optText(500) };

export const membersCalls = {
  /** The roster for the list page; members who left (转出, 出党, 去世) only when asked. */
  'members.list': call<MemberListRow[]>()(z.object({ includeInactive: z.boolean().default(false), /** The roll as it stood that day. */ asOf: isoDate().optional() })),
  'members.get': call<MemberDetail>()(z.object({ id })),
  'members.create': call<{ id: number }>()(MemberCreateSchema),
  /** Send the whole form: absent keys of a partial schema take their defaults (categories → []). */
  'members.update': call<{ id: number; changed: string[] }>()(z.object({ id, patch: MemberUpdateSchema, date: isoDate().optional(), note: optText(500) })),
  'members.transferOut': call<{ id: number }>()(TransferOutSchema.extend({ id })),
  'members.transferIn': call<{ id: number }>()(TransferInSchema),
  'members.transferInternal': call<{ id: number }>()(TransferInternalSchema.extend({ id })),
  /** Before the probation's end (预备 start + 1 year + extensions) only with earlyReason. */
  'members.confirm': call<{ id: number }>()(z.object({ id, ...dated, earlyReason: optText(500) })),
  /** 录入错误 (admin only): the member leaves every register; kept and audited. */
  'members.void': call<{ id: number }>()(z.object({ id, reason: z.string().trim().min(1, '请写明原因').max(500) })),
  /** 录入错误 (admin only): one dated event voided, struck through in history. */
  'members.voidEvent': call<{ id: number }>()(z.object({ eventId: id, reason: z.string().trim().min(1, '请写明原因').max(500) })),
  /** A wrong date of a dated event: the old one voided, a corrected one written. */
  'members.correctEventDate': call<{ id: number }>()(z.object({ eventId: id, date: isoDate(), reason: z.string().trim().min(1, '请写明原因').max(500) })),
  'members.extendProbation': call<{ id: number }>()(z.object({ id, ...dated, months: z.number().int().min(1, '延长期限至少 1 个月').max(12, '预备期延长不超过一年') })),
  'members.changeStanding': call<{ id: number }>()(StandingChangeSchema.extend({ id })),
  'members.startMobile': call<{ id: number }>()(z.object({ id, record: MobileStartSchema })),
  'members.endMobile': call<{ id: number }>()(z.object({ recordId: id, ...dated })),
  'members.registerResident': call<{ id: number }>()(z.object({ id, registration: ResidentRegistrationSchema })),
  'members.endResident': call<{ id: number }>()(z.object({ registrationId: id, ...dated })),
  'members.posts': call<{ id: number; name: string; duty: string | null }[]>()(z.object({})),
  'members.assignPost': call<{ id: number }>()(PostAssignSchema.extend({ id })),
  'members.leavePost': call<{ id: number }>()(z.object({ memberPostId: id, date: isoDate() })),
  /** The list as shown (filters, search, 截至日期) as an Excel 花名册; `ids` in the order shown. Audited. */
  'members.exportList': call<{ fileName: string; data: Uint8Array }>()(z.object({
    ids: z.array(id).max(50_000), asOf: isoDate().optional(), orgId: id.nullish(), filters: optText(300), maskIds: z.boolean().default(false),
  })),
  /** 组织关系转出, 调整支部 or 调整党小组 for several members: all or none, one event and audit entry per member. */
  'members.bulk': call<{ count: number }>()(z.object({ ids: z.array(id).min(1, '请先在列表中勾选党员').max(5_000), action: BulkMemberActionSchema })),
  /** 恢复联系: the member's 失联 ends on this day. */
  'members.regainContact': call<{ id: number }>()(z.object({ id, ...dated })),
};
