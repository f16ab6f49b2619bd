// 年初有计划、月度有安排、年终有总结: an org's year (plan, summary, monthly arrangements and the
// activities that carried them out), saving each, and which branches lack a plan or a summary.
import { z } from 'zod';
import type { PlanKind } from '../domain/posts';
import { id, optText } from '../schemas/common';
import { ArrangementSchema, PlanSaveSchema } from '../schemas/posts';
import { call } from './contract';

export type PlanEntry = {
  id: number;
  kind: PlanKind;
  title: string;
  content: string | null;
  submittedOn: string;
  file: { fileName: string; mime: string; size: number } | null;
  /** Submitted after its deadline (1 March / 31 December). */
  late: boolean;
};

export type ArrangementEntry = {
  id: number;
  month: string;
  title: string;
  activityType: string | null;
  plannedOn: string | null;
  note: string | null;
  /** Activities of the org in that month of that type (without a type: whose topic names it): the arrangement carried out. */
  activities: { id: number; date: string; topic: string }[];
};

export type PlanYear = { orgId: number; year: number; plan: PlanEntry | null; summary: PlanEntry | null; arrangements: ArrangementEntry[] };

/** A branch without its plan by 1 March or its summary by 31 December (or handing it in late). */
export type PlanGap = { orgId: number; orgName: string; kind: PlanKind; deadline: string; state: 'missing' | 'late'; submittedOn: string | null };

const year = z.number().int().min(2000).max(2100);

export const plansCalls = {
  'plans.year': call<PlanYear>()(z.object({ orgId: id, year })),
  'plans.save': call<{ id: number }>()(PlanSaveSchema),
  'plans.file': call<{ fileName: string; mime: string; dataBase64: string }>()(z.object({ id })),
  'plans.addArrangement': call<{ id: number }>()(ArrangementSchema),
  'plans.voidArrangement': call<{ id: number }>()(z.object({ id, reason: optText(200, '原因') })),
  /** Branches under orgId (or the street) whose plan or summary for the year is missing or late, as of today. */
  'plans.gaps': call<PlanGap[]>()(z.object({ orgId: id.nullable(), year })),
};
