// 双报到 calls: the registrants reporting to a community (members of this street and people of
// outside units on no roster here), each quarter's feedback to their unit, the year-end evaluation.
// Every change answers with the board as it now stands, so the page redraws from one reply.
import { z } from 'zod';
import { APPRAISAL_GRADES, type AppraisalGrade } from '../domain/member';
import { id, isoDate, optDate, optText, reqText } from '../schemas/common';
import { call } from './contract';

const year = z.number({ message: '请选择年度' }).int().min(1990, '年度不正确').max(2100, '年度不正确');

/** A member of an outside unit (县直机关, 企业 …) who reports to a community here: on no roster. */
export const OutsideRegistrationSchema = z.object({
  name: reqText('姓名', 30),
  employer: reqText('工作单位及职务', 80),
  unitOrg: reqText('单位党组织', 80),
  phone: optText(40, '联系电话'),
  communityOrgId: id,
  registeredOn: isoDate('报到日期'),
  isCadre: z.boolean().default(false),
  serviceIntent: optText(200, '服务意向'),
  note: optText(500, '备注'),
});

export const ResidentFeedbackSchema = z.object({
  registrationId: id,
  year,
  quarter: z.number({ message: '请选择季度' }).int().min(1, '季度应为 1 至 4').max(4, '季度应为 1 至 4'),
  /** Community activities attended in the quarter. */
  attended: z.number({ message: '请填写参加活动次数' }).int('参加活动次数应为整数').min(0, '参加活动次数不能为负数').max(200, '参加活动次数过大，请核对'),
  services: optText(200, '服务内容'),
  hours: z.number({ message: '请填写服务时长' }).min(0, '服务时长不能为负数').max(1000, '服务时长过大，请核对')
    .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-6, { message: '服务时长最多一位小数' }),
  comment: optText(300, '社区意见'),
  sentOn: optDate('反馈日期'),
});

export const ResidentEvaluationSchema = z.object({
  registrationId: id,
  year,
  grade: z.enum(APPRAISAL_GRADES, { message: '请选择评价等次' }),
  note: optText(200, '评语'),
});

export const ResidentEndSchema = z.object({ registrationId: id, date: isoDate('结束日期'), note: optText(200, '备注') });

export type ResidentFeedback = {
  period: string;
  attended: number;
  services: string | null;
  hours: number;
  comment: string | null;
  sentOn: string | null;
};

export type Registrant = {
  registrationId: number;
  /** null: a member of an outside unit, on no roster here. */
  memberId: number | null;
  name: string;
  employer: string | null;
  unitOrg: string | null;
  phone: string | null;
  communityOrgId: number;
  community: string;
  registeredOn: string;
  endedOn: string | null;
  isCadre: boolean;
  serviceIntent: string | null;
  /** Q1..Q4 of the year: the feedback, or null; `owed` marks a quarter that has ended while registered. */
  quarters: { feedback: ResidentFeedback | null; owed: boolean; active: boolean }[];
  evaluation: { grade: AppraisalGrade; note: string | null } | null;
};

export type ResidentBoard = { year: number; registrants: Registrant[]; owed: number; given: number };

const scope = z.object({ orgId: id.nullish().transform((v) => v ?? null), year });

export const residentsCalls = {
  'residents.board': call<ResidentBoard>()(scope),
  'residents.registerOutside': call<ResidentBoard>()(OutsideRegistrationSchema.extend({ scope })),
  'residents.end': call<ResidentBoard>()(ResidentEndSchema.extend({ scope })),
  'residents.feedback': call<ResidentBoard>()(ResidentFeedbackSchema.extend({ scope })),
  'residents.evaluate': call<ResidentBoard>()(ResidentEvaluationSchema.extend({ scope })),
};
