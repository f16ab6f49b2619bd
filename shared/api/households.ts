// 民情卡 (households), 党员联系户 (contact links) and 走千家 visits.
import { z } from 'zod';
import type { ConcernCategory, HouseholdCategory } from '../domain/household';
import {
  ContactEndSchema, ContactLinkSchema, HouseholdCloseSchema, HouseholdCreateSchema, HouseholdListQuerySchema, HouseholdUpdateSchema,
  VisitFieldsSchema, VisitResolveSchema, VisitUpdateSchema, VoidSchema,
} from '../schemas/household';
import { id, isoDate } from '../schemas/common';
import { call } from './contract';

export type HouseholdPerson = { name: string; relation: string | null; phone: string | null };

export type HouseholdRow = {
  id: number; orgId: number; orgName: string;
  estate: string | null; building: string | null; unit: string | null; room: string | null; address: string | null;
  /** 小区 楼栋 单元 室 (and any free text) as one line. */
  addressLine: string;
  head: string; phone: string | null; people: HouseholdPerson[]; categories: HouseholdCategory[];
  needs: string | null; note: string | null;
  registeredOn: string; closedOn: string | null; closeReason: string | null;
  /** Members in contact today (names). */
  contacts: string[];
  visitCount: number; lastVisit: string | null; openFollowUps: number;
};

export type ContactRow = {
  id: number; memberId: number; memberName: string; householdId: number; head: string; addressLine: string; phone: string | null;
  orgName: string; fromDate: string; toDate: string | null; note: string | null;
};

export type VisitRow = {
  id: number; householdId: number; head: string; addressLine: string; orgId: number; orgName: string; date: string;
  memberIds: number[]; others: string[];
  /** Member names, then the other visitors. */
  visitors: string[];
  concernCategory: ConcernCategory; concern: string | null; referredTo: string | null; resolvedOn: string | null; resolution: string | null;
  /** The 走访 activity this visit counts as; ownActivity: the visit made it (and keeps it in step). */
  activityId: number; ownActivity: boolean; voidedAt: string | null; voidReason: string | null;
};

/** `visits --json`: per org, the year's visits, households visited, and follow-ups (转办) still open. */
export type VisitSummary = { year: number; orgs: { org: string; visits: number; households: number; followUpsOpen: number }[] };

/** A line of the 民情 list: the row with the head's pinyin for search as you type. */
export type HouseholdListRow = HouseholdRow & { initials: string; pinyin: string };

export type HouseholdCard = HouseholdRow & { contactLinks: ContactRow[]; visits: VisitRow[] };

export const householdsCalls = {
  'households.list': call<HouseholdListRow[]>()(HouseholdListQuerySchema),
  'households.get': call<HouseholdCard>()(z.object({ id })),
  'households.create': call<{ id: number }>()(HouseholdCreateSchema),
  'households.update': call<{ id: number }>()(HouseholdUpdateSchema),
  'households.close': call<{ id: number }>()(HouseholdCloseSchema),
  'households.link': call<{ id: number }>()(ContactLinkSchema),
  'households.endLink': call<{ id: number }>()(ContactEndSchema),
  'visits.list': call<VisitRow[]>()(z.object({ orgId: id.nullish(), from: isoDate().nullish(), to: isoDate().nullish() })),
  'visits.record': call<{ id: number }>()(VisitFieldsSchema),
  'visits.update': call<{ id: number }>()(VisitUpdateSchema),
  'visits.resolve': call<{ id: number }>()(VisitResolveSchema),
  'visits.void': call<{ id: number }>()(VoidSchema),
};
