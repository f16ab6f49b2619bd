// Calls of the 活动 area: recording activities with attendance and attachments, and the
// compliance views computed from them (matrix, due/overdue, attendance). Output types live here
// so the renderer and the services share them.
import { z } from 'zod';
import { type AbsenceReason, type ActivityTypeDef, type AttendanceStatus, customActivityTypeSchema } from '../domain/activity-types';
import type { OrgType } from '../domain/org';
import { type AbsenceRun, type MemberAttendance, type RuleDef, type RuleResult, type ComplianceConfig, complianceConfigSchema } from '../rules';
import {
  ActivityFieldsSchema, ActivityListQuerySchema, ActivityUpdateSchema, ActivityVoidSchema, AttachmentAddSchema, DraftQuerySchema,
  type ActivityInput,
} from '../schemas/activity';
import { id } from '../schemas/common';
import { call } from './contract';

export type ExpectedAttendee = {
  memberId: number;
  name: string;
  kind: 'full' | 'probationary';
  /** The committee role (支委会) or the group name (shown beside the name). */
  role: string | null;
};

export type Expected = {
  attendees: ExpectedAttendee[];
  /** Who the list is: 'roster', 'committee', 'group', 'none'; 'roster' also when a committee is not on record. */
  basis: ActivityTypeDef['expected'];
  /** A Chinese sentence when the list had to fall back (e.g. no committee on record). */
  notice: string | null;
};

export type AttendanceRow = {
  id: number;
  memberId: number | null;
  name: string;
  status: AttendanceStatus;
  absenceReason: AbsenceReason | null;
  reasonText: string | null;
};

export type ActivityRow = {
  id: number;
  orgId: number;
  orgName: string;
  orgType: OrgType;
  /** For a 党小组's activity: its branch. */
  branchId: number | null;
  branchName: string | null;
  type: string;
  typeLabel: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  topic: string;
  host: string | null;
  recorder: string | null;
  lecturer: string | null;
  expectedCount: number;
  presentCount: number;
  absentCount: number;
  observerCount: number;
  attachmentCount: number;
  copiedFrom: number | null;
  voidedAt: string | null;
  voidReason: string | null;
};

export type ActivityDetail = ActivityRow & {
  minutes: string | null;
  decisions: string | null;
  note: string | null;
  attendance: AttendanceRow[];
  createdAt: string;
  updatedAt: string;
};


/** An org an activity can be recorded for (党委/总支/支部/党小组). */
export type ActivityOrg = { id: number; name: string; type: OrgType; parentId: number | null; foundedOn: string | null; dissolvedOn: string | null };

export type AttachmentMeta = {
  id: number;
  /** null: the file of another record (a 述职 report, a commendation's certificate). */
  activityId: number | null;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  caption: string | null;
  hasThumbnail: boolean;
  createdAt: string;
};

export type OrgCompliance = {
  orgId: number;
  org: string;
  type: OrgType;
  parentId: number | null;
  parent: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  rules: RuleResult[];
  /** 三会一课完成率: met / judged periods of the four core rules; null when nothing was due. */
  coreRate: number | null;
  /** The same over every rule. */
  rate: number | null;
};

export type ComplianceReport = { year: number; asOf: string; orgs: OrgCompliance[] };

export type DueItem = {
  kind: 'due' | 'overdue';
  orgId: number;
  org: string;
  ruleId: string;
  rule: string;
  /** The activity type that satisfies the rule (what 记录 opens). */
  activityType: string;
  period: string;
  periodLabel: string;
  /** The last day of the period. */
  deadline: string;
  count: number;
  needed: number;
  missingDays?: string[];
  missingGroups?: { id: number; name: string }[];
  missingMemberCount?: number;
};

export type MemberAttendanceRow = MemberAttendance & { orgId: number | null; org: string | null };
export type AbsenceRunRow = AbsenceRun & { orgId: number | null; org: string | null };


export type AttendanceReport = { year: number; members: MemberAttendanceRow[]; runs: AbsenceRunRow[] };

const year = z.number().int().min(1921, '年份不正确').max(2200, '年份不正确');
const optOrg = id.nullish().transform((v) => v ?? null);

export const activitiesCalls = {
  /** Built-in and custom activity types. */
  'activities.types': call<ActivityTypeDef[]>()(z.object({})),
  /** Orgs an activity can be recorded for (党委, 总支, 支部, 党小组). */
  'activities.orgs': call<ActivityOrg[]>()(z.object({ includeDissolved: z.boolean().default(false) })),
  'activities.list': call<ActivityRow[]>()(ActivityListQuerySchema),
  'activities.get': call<ActivityDetail & { attachments: AttachmentMeta[] }>()(z.object({ id })),
  /** Expected attendees of an activity of a type, for an org, on a date. */
  'activities.expected': call<Expected>()(DraftQuerySchema),
  /** 复制上次: a new draft from the latest earlier activity of the same org and type. */
  'activities.draft': call<{ draft: ActivityInput; copiedFrom: ActivityDetail | null; expected: Expected }>()(DraftQuerySchema),
  'activities.record': call<ActivityDetail>()(ActivityFieldsSchema),
  'activities.update': call<ActivityDetail>()(ActivityUpdateSchema),
  'activities.void': call<{ id: number }>()(ActivityVoidSchema),
  /** One meeting's 会议记录 as a PDF (the meeting-pages register for that activity alone). Audited. */
  'activities.printRecord': call<{ fileName: string; data: Uint8Array }>()(z.object({ id, maskIds: z.boolean().default(false) })),
  'activities.attachments.add': call<AttachmentMeta>()(AttachmentAddSchema),
  'activities.attachments.data': call<{ meta: AttachmentMeta; dataBase64: string }>()(z.object({ id })),
  /** The thumbnail (or the small image itself); null for documents and big images without one. */
  'activities.attachments.thumbnail': call<{ mime: string; dataBase64: string } | null>()(z.object({ id })),
  'activities.attachments.void': call<{ id: number }>()(z.object({ id })),
  /** The compliance matrix: every rule-bearing org under orgId (or the street) for a year. */
  'activities.compliance': call<ComplianceReport>()(z.object({ year, orgId: optOrg })),
  /** The dashboard panel: due this period and overdue (ended within about three months). */
  'activities.due': call<{ asOf: string; items: DueItem[] }>()(z.object({ orgId: optOrg })),
  'activities.attendance': call<AttendanceReport>()(z.object({ year, orgId: optOrg, minRun: z.number().int().min(2).max(12).default(3) })),
  /** The stored overrides and the effective rules of every org type. */
  'activities.rules': call<{ config: ComplianceConfig; effective: Record<OrgType, RuleDef[]> }>()(z.object({})),
  /** Replaces the street's own activity types (the built-in ones cannot be changed). */
  'activities.saveTypes': call<ActivityTypeDef[]>()(z.object({ types: z.array(customActivityTypeSchema).max(50) })),
  'activities.saveRules': call<{ config: ComplianceConfig; effective: Record<OrgType, RuleDef[]> }>()(complianceConfigSchema),
};
