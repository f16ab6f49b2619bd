// 设岗定责 calls: the posts of an org (and the street-wide ones) with their holders and the year's
// 评岗; create, edit, retire a post; record a 评岗. Assigning and leaving: members.assignPost and
// members.leavePost.
import { z } from 'zod';
import type { PostReviewResult } from '../domain/posts';
import { id, isoDate } from '../schemas/common';
import { PostInputSchema, PostReviewSchema } from '../schemas/posts';
import { call } from './contract';

export type PostHolderEntry = {
  memberPostId: number;
  memberId: number;
  name: string;
  orgName: string;
  appliedOn: string | null;
  fromDate: string;
  toDate: string | null;
  pledge: string | null;
  note: string | null;
  review: { result: PostReviewResult; note: string | null; reviewedOn: string } | null;
};

export type PostBoardEntry = {
  id: number;
  /** null: a street-wide post. */
  orgId: number | null;
  orgName: string | null;
  name: string;
  duty: string | null;
  capacity: number | null;
  retiredOn: string | null;
  /** Holders on the post today. */
  current: number;
  /** Everyone on the post at some time in the year (of the org shown), with the year's 评岗. */
  holders: PostHolderEntry[];
};

export const postsCalls = {
  'posts.board': call<PostBoardEntry[]>()(z.object({ orgId: id.nullable(), year: z.number().int().min(2000).max(2100), includeRetired: z.boolean().default(false) })),
  'posts.create': call<{ id: number }>()(PostInputSchema),
  'posts.update': call<{ id: number }>()(PostInputSchema.omit({ orgId: true }).extend({ id })),
  /** 撤岗: kept with its date; refused while someone holds it. */
  'posts.retire': call<{ id: number }>()(z.object({ id, date: isoDate('撤岗日期') })),
  'posts.review': call<{ id: number }>()(PostReviewSchema),
};
