// Inputs of 设岗定责 posts, 评岗, and of plans, summaries and monthly arrangements.
import { z } from 'zod';
import { PLAN_KINDS, POST_REVIEW_RESULTS } from '../domain/posts';
import { id, isoDate, optDate, optText, reqText } from './common';

export const PostInputSchema = z.object({
  /** null: a street-wide post any branch's members may take. */
  orgId: id.nullable(),
  name: reqText('岗位名称', 30),
  duty: optText(1000, '岗位职责'),
  capacity: z.number().int('设岗人数应为整数').min(1, '设岗人数至少 1 人').max(999, '设岗人数不能超过 999 人').nullable(),
});
export type PostInput = z.input<typeof PostInputSchema>;

export const PostReviewSchema = z.object({
  memberPostId: id,
  year: z.number().int().min(2000).max(2100),
  result: z.enum(POST_REVIEW_RESULTS, { message: '请选择评岗结果（优秀、称职、基本称职、不称职）' }),
  note: optText(300, '评岗意见'),
  reviewedOn: isoDate('评岗日期'),
});
export type PostReviewInput = z.input<typeof PostReviewSchema>;

export const PlanFileSchema = z.object({ fileName: reqText('文件名', 200), dataBase64: z.string().min(1) });

export const PlanSaveSchema = z
  .object({
    orgId: id,
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(PLAN_KINDS),
    title: reqText('标题', 60),
    content: optText(20000, '正文'),
    submittedOn: isoDate('报送日期'),
    /** A new file replaces the one kept; absent keeps it; null removes it. */
    file: PlanFileSchema.nullish(),
  });
export type PlanSave = z.input<typeof PlanSaveSchema>;

export const ArrangementSchema = z.object({
  orgId: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确（应为 年-月）'),
  title: reqText('工作安排', 100),
  activityType: optText(20, '活动类型'),
  plannedOn: optDate('计划日期'),
  note: optText(300, '备注'),
});
export type ArrangementInput = z.input<typeof ArrangementSchema>;
