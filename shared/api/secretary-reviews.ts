// 述职评议 calls: per year, every org with a secretary (党委, 总支, 支部) and its 述职 record —
// date, who reported, who attended, the report as an attachment, and the two 评议 tallies.
import { z } from 'zod';
import type { OrgType } from '../domain/org';
import type { Tally } from '../domain/secretary-review';
import { id, optDate, optText, reqText } from '../schemas/common';
import { AttachmentAddSchema } from '../schemas/activity';
import type { AttachmentMeta } from './activities';
import { call } from './contract';

const count = z.number({ message: '请填写票数' }).int('票数应为整数').min(0, '票数不能为负数').max(100000, '票数过大');
const TallySchema = z.object({ good: count, fair: count, average: count, poor: count });

export const SecretaryReviewSaveSchema = z.object({
  orgId: id,
  year: z.number().int().min(2000).max(2100),
  secretary: optText(30, '述职人'),
  reportedOn: optDate('述职日期'),
  attendees: optText(300, '参加人员'),
  members: TallySchema.nullish().transform((v) => v ?? null),
  residents: TallySchema.nullish().transform((v) => v ?? null),
  note: optText(300, '备注'),
});

export type SecretaryReview = {
  id: number;
  orgId: number;
  year: number;
  secretary: string | null;
  reportedOn: string | null;
  attendees: string | null;
  members: Tally | null;
  residents: Tally | null;
  note: string | null;
  attachments: AttachmentMeta[];
};

/** One org of the year's list: its current secretary (to propose) and its record, if any. */
export type SecretaryReviewRow = { orgId: number; org: string; type: OrgType; parentId: number | null; secretary: string | null; review: SecretaryReview | null };

/** A file for a record other than an activity: the same limits and checks as an activity's. */
export const OwnedAttachmentSchema = AttachmentAddSchema.omit({ activityId: true }).extend({ ownerId: id });

export const secretaryReviewsCalls = {
  'secretaryReviews.list': call<SecretaryReviewRow[]>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  'secretaryReviews.save': call<SecretaryReview>()(SecretaryReviewSaveSchema),
  'secretaryReviews.void': call<{ id: number }>()(z.object({ id, reason: reqText('作废原因', 200) })),
  'secretaryReviews.attach': call<AttachmentMeta>()(OwnedAttachmentSchema),
};

