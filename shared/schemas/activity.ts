// Inputs of activities (活动 / 三会一课), attendance and attachments; the same schemas validate the
// form in the renderer and the call in the main process.
import { z } from 'zod';
import { ABSENCE_REASONS, ATTENDANCE_STATUSES } from '../domain/activity-types';
import { id, isoDate, optDate, optText, reqText } from './common';

const optTime = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: `${label}格式不正确（应为 时:分，如 14:30）` });

export const AttendanceInputSchema = z
  .object({
    memberId: id.nullish().transform((v) => v ?? null),
    /** For observers who are not members of the street (上级领导, 群众代表 …). */
    personName: optText(30),
    status: z.enum(ATTENDANCE_STATUSES),
    absenceReason: z.enum(ABSENCE_REASONS).nullish().transform((v) => v ?? null),
    reasonText: optText(100),
  })
  .superRefine((a, ctx) => {
    if (a.memberId === null && a.personName === null) ctx.addIssue({ code: 'custom', message: '参会人员缺少姓名', path: ['personName'] });
    if (a.memberId === null && a.status !== 'observer') ctx.addIssue({ code: 'custom', message: `“${a.personName ?? ''}”不是本街道党员，只能登记为列席`, path: ['status'] });
    if (a.status === 'absent' && a.absenceReason === null) ctx.addIssue({ code: 'custom', message: '请选择缺席原因（因病/因公/外出/其他）', path: ['absenceReason'] });
  })
  .transform((a) => (a.status === 'absent' ? a : { ...a, absenceReason: null, reasonText: null }));

export const ActivityFieldsSchema = z
  .object({
    orgId: id,
    type: z.string().min(1, '请选择活动类型').max(40),
    date: isoDate('活动日期'),
    startTime: optTime('开始时间'),
    endTime: optTime('结束时间'),
    place: optText(100),
    topic: reqText('会议主题', 200),
    host: optText(30),
    recorder: optText(30),
    lecturer: optText(30),
    minutes: optText(50_000),
    decisions: optText(10_000),
    note: optText(1000),
    attendance: z.array(AttendanceInputSchema).max(1000),
    copiedFrom: id.nullish().transform((v) => v ?? null),
  })
  .superRefine((a, ctx) => {
    if (a.startTime && a.endTime && a.endTime < a.startTime) ctx.addIssue({ code: 'custom', message: '结束时间不能早于开始时间', path: ['endTime'] });
    const seen = new Set<number>();
    a.attendance.forEach((x, i) => {
      if (x.memberId === null) return;
      if (seen.has(x.memberId)) ctx.addIssue({ code: 'custom', message: '同一名党员在参会名单中出现了两次', path: ['attendance', i, 'memberId'] });
      seen.add(x.memberId);
    });
  });
export type ActivityInput = z.input<typeof ActivityFieldsSchema>;
export type ActivityParsed = z.output<typeof ActivityFieldsSchema>;

export const ActivityUpdateSchema = z.object({ id, activity: ActivityFieldsSchema });
export const ActivityVoidSchema = z.object({ id, reason: reqText('作废原因', 200) });

export const ActivityListQuerySchema = z.object({
  orgId: id.nullish().transform((v) => v ?? null),
  /** With orgId: also the activities of its sub-orgs (党小组, or branches under a 党委). */
  includeDescendants: z.boolean().default(true),
  type: z.string().nullish().transform((v) => v ?? null),
  from: optDate('开始日期'),
  to: optDate('结束日期'),
  includeVoided: z.boolean().default(false),
  /** Only these ids (the activities behind a compliance cell). */
  ids: z.array(id).max(2000).nullish().transform((v) => v ?? null),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type ActivityListQuery = z.input<typeof ActivityListQuerySchema>;

export const DraftQuerySchema = z.object({ orgId: id, type: z.string().min(1), date: isoDate('活动日期') });
export type DraftQuery = z.input<typeof DraftQuerySchema>;

/** Attachments travel as base64 over both bindings (IPC and the demo's HTTP). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 512 * 1024;

export const AttachmentAddSchema = z.object({
  activityId: id,
  fileName: reqText('文件名', 200),
  mime: z.string().max(100).nullish().transform((v) => v ?? null),
  dataBase64: z.string().min(1, '文件是空的').max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, '附件不能超过 20 MB'),
  /** A thumbnail the renderer drew on a canvas (JPEG/PNG); optional. */
  thumbnailBase64: z.string().max(Math.ceil((MAX_THUMBNAIL_BYTES * 4) / 3) + 8).nullish().transform((v) => v ?? null),
  caption: optText(200),
});
export type AttachmentAdd = z.input<typeof AttachmentAddSchema>;
