// Calls of the 责任书与考核 area: contract templates, contracts per branch, the year-end
// assessment and 民主评议党员. Output types live here so the renderer and the services share them.
import { z } from 'zod';
import type { ContractLevel, GradeBand, Indicator, MetricResult } from '../assessment';
import { gradeBandsSchema } from '../assessment';
import type { AppraisalGrade, MemberKind } from '../domain/member';
import type { OrgType } from '../domain/org';
import {
  AppraisalQuerySchema, AppraisalRecordSchema, AssessmentNoteSchema, ContractAdjustSchema, ContractRefSchema, ContractSignSchema,
  ContractWithdrawSchema, IssueSchema, ScoreInputSchema, ScoresSaveSchema, TemplateCreateSchema, TemplateRefSchema, TemplateSaveSchema, UnlockSchema, yearSchema,
  type EvidenceLink,
} from '../schemas/contract';
import { call } from './contract';

export type IndicatorRow = Indicator & { id: number; sortOrder: number };

/** A contract's indicator also says whether it still matches the template's. */
export type ContractIndicatorRow = IndicatorRow & { templateIndicatorId: number | null };

export type TemplateSummary = {
  id: number;
  year: number;
  level: ContractLevel;
  title: string;
  indicatorCount: number;
  sum: number;
  warning: string | null;
  contractCount: number;
  copiedFromYear: number | null;
  updatedAt: string;
};

export type ContractStatus = 'notScored' | 'draft' | 'confirmed';

export type ContractSummary = {
  id: number;
  templateId: number;
  orgId: number;
  org: string;
  orgType: OrgType;
  /** The level the org signs at: 党支部, or 社区党委/党总支. */
  level: ContractLevel;
  year: number;
  issuedOn: string;
  signedOn: string | null;
  withdrawnAt: string | null;
  /** The branch's own lines differ from what the template gave it. */
  adjusted: boolean;
  /** The template changed after issue; re-issue with refresh to bring this contract up to date. */
  outOfDate: boolean;
  sum: number;
  status: ContractStatus;
};

export type TemplateDetail = Omit<TemplateSummary, 'indicatorCount' | 'contractCount'> & {
  preamble: string | null;
  indicators: IndicatorRow[];
  categories: { category: string; points: number }[];
  contracts: ContractSummary[];
};

export type ContractDetail = ContractSummary & {
  title: string;
  preamble: string | null;
  indicators: ContractIndicatorRow[];
  warning: string | null;
  categories: { category: string; points: number }[];
};

export type IssueResult = {
  issued: { contractId: number; org: string }[];
  refreshed: { contractId: number; org: string }[];
  skipped: { org: string; reason: string }[];
};

/** What a computed score rests on: the metric's figures and the arithmetic of the rule. */
export type ComputedDetail = MetricResult & { working: string };

export type EvidenceItem = EvidenceLink & { label: string; date: string | null; missing?: boolean };

export type ScoredIndicator = ContractIndicatorRow & {
  selfScore: number | null;
  committeeScore: number | null;
  computedScore: number | null;
  computed: ComputedDetail | null;
  overrideReason: string | null;
  note: string | null;
  evidence: EvidenceItem[];
  /** The score that counts (committee's, else the computed one). */
  score: number | null;
  overridden: boolean;
  problems: string[];
};

export type AssessmentView = {
  contractId: number;
  assessmentId: number | null;
  orgId: number;
  org: string;
  /** Ranks are among the orgs of the same level. */
  level: ContractLevel;
  year: number;
  status: 'draft' | 'confirmed';
  confirmedAt: string | null;
  confirmedBy: string | null;
  note: string | null;
  indicators: ScoredIndicator[];
  categories: { category: string; points: number; score: number }[];
  points: number;
  total: number;
  grade: string;
  complete: boolean;
  unscored: string[];
  problems: string[];
};

export type RankedAssessment = AssessmentView & { rank: number; of: number };

/** `branches` holds every contract's assessment of the year, of both levels (the name predates levels). */
export type YearSummary = { year: number; bands: GradeBand[]; asOf: string; branches: RankedAssessment[] };

export type AppraisalRow = {
  memberId: number;
  name: string;
  /** Kind on the appraisal date (or at year end when not yet appraised). */
  kind: MemberKind;
  grade: AppraisalGrade | null;
  appraisedOn: string | null;
  note: string | null;
  recorded: boolean;
};

export type AppraisalSheet = {
  orgId: number;
  org: string;
  year: number;
  members: AppraisalRow[];
  counts: Record<AppraisalGrade | 'notGraded' | 'notAppraised', number>;
  graded: number;
  /** The most 优秀 the one-third rule allows for the members graded so far. */
  excellentLimit: number;
  warnings: string[];
};

/** A branch the template can be issued to, with its contract of that year if any. */
export type IssueTarget = { orgId: number; org: string; parent: string | null; orgType: OrgType; contractId: number | null; withdrawn: boolean };

export type EvidenceOption = { id: number; date: string; type: string; topic: string; attachments: { id: number; fileName: string }[] };

const year = z.object({ year: yearSchema });

export const assessmentCalls = {
  'assessment.templates': call<TemplateSummary[]>()(z.object({})),
  /** null when the year has no template of that level yet. */
  'assessment.template': call<TemplateDetail | null>()(TemplateRefSchema),
  'assessment.createTemplate': call<TemplateDetail>()(TemplateCreateSchema),
  'assessment.saveTemplate': call<TemplateDetail>()(TemplateSaveSchema),
  'assessment.issueTargets': call<IssueTarget[]>()(TemplateRefSchema),
  'assessment.issue': call<IssueResult>()(IssueSchema),
  'assessment.contracts': call<ContractSummary[]>()(year),
  'assessment.contract': call<ContractDetail>()(ContractRefSchema),
  'assessment.adjustContract': call<ContractDetail>()(ContractAdjustSchema),
  'assessment.withdrawContract': call<ContractDetail>()(ContractWithdrawSchema),
  'assessment.signContract': call<ContractDetail>()(ContractSignSchema),
  'assessment.summary': call<YearSummary>()(year),
  'assessment.get': call<RankedAssessment>()(ContractRefSchema),
  'assessment.score': call<RankedAssessment>()(ScoreInputSchema),
  'assessment.saveScores': call<RankedAssessment>()(ScoresSaveSchema),
  'assessment.setNote': call<RankedAssessment>()(AssessmentNoteSchema),
  'assessment.confirm': call<RankedAssessment>()(ContractRefSchema),
  'assessment.unlock': call<RankedAssessment>()(UnlockSchema),
  'assessment.evidenceOptions': call<EvidenceOption[]>()(ContractRefSchema),
  'assessment.bands': call<GradeBand[]>()(z.object({})),
  'assessment.setBands': call<GradeBand[]>()(z.object({ bands: gradeBandsSchema })),
  'assessment.appraisals': call<AppraisalSheet>()(AppraisalQuerySchema),
  'assessment.recordAppraisals': call<AppraisalSheet>()(AppraisalRecordSchema),
};
