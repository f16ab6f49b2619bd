// Inputs of contracts (责任书), the year-end assessment and member appraisal (民主评议党员); the same
// schemas validate the forms in the renderer and the calls in the main process.
import { z } from 'zod';
import { contractLevelSchema } from '../assessment/levels';
import { indicatorInputSchema } from '../assessment/template';
import { APPRAISAL_GRADES } from '../domain/member';
import { id, isoDate, optText } from './common';

export const yearSchema = z.number({ message: '请选择年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确');

const indicatorList = z.array(indicatorInputSchema).min(1, '至少需要一项考核指标').max(80, '考核指标不能超过 80 项');

export const TemplateCreateSchema = z.object({
  year: yearSchema,
  /** 党支部 or 社区党委/党总支: a year has one template of each. */
  level: contractLevelSchema.default('branch'),
  /** Copy this year's template; null or absent: start from the default "五个好" template. */
  copyFromYear: yearSchema.nullish().transform((v) => v ?? null),
  title: optText(60),
});
export type TemplateCreate = z.input<typeof TemplateCreateSchema>;

export const TemplateSaveSchema = z.object({
  id,
  title: z.string().trim().min(1, '请填写责任书标题').max(60, '标题不能超过 60 个字'),
  preamble: optText(2000),
  indicators: indicatorList,
});
export type TemplateSave = z.input<typeof TemplateSaveSchema>;

export const IssueSchema = z.object({
  templateId: id,
  /** The orgs to issue to (of the template's level); null or absent: every one that exists in the template's year. */
  orgIds: z.array(id).max(500).nullish().transform((v) => v ?? null),
  issuedOn: isoDate('下达日期').optional(),
  /** Also bring contracts already issued (not confirmed) up to date with the template, keeping per-branch adjustments. */
  refresh: z.boolean().default(false),
});
export type IssueInput = z.input<typeof IssueSchema>;

export const ContractAdjustSchema = z.object({
  contractId: id,
  indicators: indicatorList,
  note: optText(500),
});
export type ContractAdjust = z.input<typeof ContractAdjustSchema>;

export const ContractWithdrawSchema = z.object({ contractId: id, reason: z.string().trim().min(1, '请填写撤回原因').max(200) });
export const ContractSignSchema = z.object({ contractId: id, signedOn: isoDate('签订日期').nullable() });

export const EVIDENCE_KINDS = ['activity', 'attachment'] as const;
export const evidenceLinkSchema = z.object({ kind: z.enum(EVIDENCE_KINDS), id });
export type EvidenceLink = z.output<typeof evidenceLinkSchema>;

const score = (label: string) => z.number({ message: `${label}应为数字` }).min(0, `${label}不能为负数`).max(100, `${label}不能超过 100 分`).nullable();

/** One indicator's scores; a field left out keeps its value, null clears it. */
export const ScoreInputSchema = z.object({
  contractId: id,
  indicatorId: id,
  selfScore: score('自评分').optional(),
  committeeScore: score('考核组评分').optional(),
  overrideReason: optText(300).optional(),
  note: optText(500).optional(),
  evidence: z.array(evidenceLinkSchema).max(30, '佐证材料不能超过 30 项').optional(),
});
export type ScoreInput = z.input<typeof ScoreInputSchema>;

/** Several indicators of one branch saved at once (the scoring sheet's 保存). */
export const ScoresSaveSchema = z.object({
  contractId: id,
  scores: z.array(ScoreInputSchema.omit({ contractId: true })).min(1, '没有需要保存的评分').max(100),
});
export type ScoresSave = z.input<typeof ScoresSaveSchema>;

/** A year's template of one level (党支部 when left out, as before levels existed). */
export const TemplateRefSchema = z.object({ year: yearSchema, level: contractLevelSchema.default('branch') });

export const ContractRefSchema = z.object({ contractId: id });
export const UnlockSchema = z.object({ contractId: id, reason: z.string().trim().min(2, '请填写解锁原因').max(300) });
export const AssessmentNoteSchema = z.object({ contractId: id, note: optText(1000) });

export const AppraisalEntrySchema = z.object({
  memberId: id,
  /** null: took part without a grade (预备党员). */
  grade: z.enum(APPRAISAL_GRADES).nullable(),
  note: optText(200),
});

export const AppraisalRecordSchema = z.object({
  orgId: id,
  year: yearSchema,
  appraisedOn: isoDate('评议日期'),
  entries: z.array(AppraisalEntrySchema).min(1, '请至少评议一名党员').max(500),
  /** 优秀 above one third of those graded is refused unless the committee gives a reason. */
  excellentOverReason: optText(300),
});
export type AppraisalRecord = z.input<typeof AppraisalRecordSchema>;

export const AppraisalQuerySchema = z.object({ orgId: id, year: yearSchema });
