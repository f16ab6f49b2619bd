// 民情卡 (households), 党员联系户 (contact links) and 走千家 visits.
import { z } from 'zod';
import type { HouseholdCategory } from '../domain/household';
import {
  ContactEndSchema, ContactLinkSchema, HouseholdCloseSchema, HouseholdCreateSchema, HouseholdListQuerySchema, HouseholdUpdateSchema,
} from '../schemas/household';
import { id } from '../schemas/common';
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

export type HouseholdCard = HouseholdRow & { contactLinks: ContactRow[] };

export const householdsCalls = {
  'households.list': call<HouseholdRow[]>()(HouseholdListQuerySchema),
  'households.get': call<HouseholdCard>()(z.object({ id })),
  'households.create': call<{ id: number }>()(HouseholdCreateSchema),
  'households.update': call<{ id: number }>()(HouseholdUpdateSchema),
  'households.close': call<{ id: number }>()(HouseholdCloseSchema),
  'households.link': call<{ id: number }>()(ContactLinkSchema),
  'households.endLink': call<{ id: number }>()(ContactEndSchema),
};
