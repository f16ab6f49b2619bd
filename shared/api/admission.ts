// 发展党员 calls: everyone in the pipeline with their steps, next step and warnings; a new
// applicant; a dated step; dropping out. Admitting a 发展对象 (step 'admitted') creates the member.
import { z } from 'zod';
import { ADMISSION_STEPS, type AdmissionStage, type AdmissionStatus } from '../domain/admission';
import { GENDERS } from '../domain/member';
import { id, isoDate, optDate, optText, reqText } from '../schemas/common';
import { call } from './contract';

const names = z.array(z.string().trim().min(1).max(30)).max(5, '最多填写 5 人').default([]);

export const ApplicantCreateSchema = z.object({
  orgId: id,
  name: reqText('姓名', 30),
  idNumber: optText(18),
  gender: z.enum(GENDERS).nullish().transform((v) => v ?? null),
  birthDate: optDate('出生日期'),
  phone: optText(40),
  appliedOn: isoDate('申请日期'),
});

export const AdmissionStepSchema = z.object({
  applicantId: id,
  step: z.enum(ADMISSION_STEPS.filter((s) => s !== 'applied') as [string, ...string[]], { message: '请选择步骤' }),
  date: isoDate('日期'),
  /** activist: 培养联系人; introducers: 入党介绍人. */
  people: names,
  trainingDays: z.number().nonnegative('培训天数不能为负数').max(60, '培训天数过大').nullish().transform((v) => v ?? null),
  trainingHours: z.number().nonnegative('培训学时不能为负数').max(500, '培训学时过大').nullish().transform((v) => v ?? null),
  /** publicity: the period's last day. */
  until: optDate('公示结束日期'),
  note: optText(200),
});

export const AdmissionDropSchema = z.object({ applicantId: id, date: isoDate('日期'), reason: reqText('原因', 200) });

export type AdmissionPerson = AdmissionStatus & {
  id: number;
  name: string;
  orgId: number;
  org: string;
  memberId: number | null;
  idNumber: string | null;
  sponsors: string[];
  introducers: string[];
  trainingDays: number | null;
  trainingHours: number | null;
  publicityFrom: string | null;
  publicityTo: string | null;
  note: string | null;
};

export type AdmissionList = { today: string; people: AdmissionPerson[]; counts: Record<AdmissionStage, number> };

const scope = z.object({ orgId: id.nullish().transform((v) => v ?? null), includeDone: z.boolean().default(false) });

export const admissionCalls = {
  'admission.list': call<AdmissionList>()(scope),
  'admission.create': call<AdmissionList>()(ApplicantCreateSchema.extend({ scope })),
  'admission.step': call<AdmissionList>()(AdmissionStepSchema.extend({ scope })),
  'admission.drop': call<AdmissionList>()(AdmissionDropSchema.extend({ scope })),
};
