// The demo street in memory, before it is written: other parts of the demo (contracts and
// assessments) read it to know which branches and years exist.
import type { CommitteeRole, OrgCategory, OrgType, FacilityCode } from '../../../shared/domain/org';
import type { AppraisalGrade, MemberCategory, MemberEventType } from '../../../shared/domain/member';
import type { OrgPlan } from './street-plan';
import type { Situation } from './work';
import type { Gender } from './people';

export type DemoRole = {
  role: CommitteeRole;
  roleLabel: string | null;
  memberId: number | null;
  personName: string;
  fromDate: string;
  toDate: string | null;
};

export type DemoTerm = {
  id: number;
  electedOn: string;
  expiresOn: string;
  endedOn: string | null;
  roles: DemoRole[];
};

export type DemoPartner = { name: string; contact: string; phone: string; since: string; until: string | null; content: string };

export type DemoOrg = {
  id: number;
  key: string;
  parentId: number | null;
  name: string;
  shortName: string;
  type: OrgType;
  category: OrgCategory | null;
  foundedOn: string;
  address: string | null;
  phone: string | null;
  units: string[] | null;
  termYears: number | null;
  facilities: FacilityCode[];
  instructor: string | null;
  instructorPhone: string | null;
  sortOrder: number;
  /** Where its meetings are usually held. */
  place: string;
  plan: OrgPlan | null;
  /** 党小组 of a branch. */
  groups: DemoOrg[];
  terms: DemoTerm[];
  partners: DemoPartner[];
  /** Group leader (党小组组长), for groups. */
  leaderId?: number;
};

/** Which org a member belonged to when ([from, to), to = null while still there). */
export type DemoSpan = {
  orgId: number;
  from: string;
  to: string | null;
  /** Why the span starts: drives the member events. */
  start: 'joined' | 'founding' | 'transferIn' | 'transferInternal' | 'mobileIn' | 'listed';
  end?: 'transferOut' | 'transferInternal';
  /** The outside org a transfer came from (start) or went to (end). */
  otherOrgIn?: string;
  otherOrgOut?: string;
};

export type DemoMobile = {
  direction: 'out' | 'in';
  place: string;
  unit: string | null;
  cardNumber: string;
  contactPhone: string | null;
  homeOrg: string | null;
  from: string;
  to: string | null;
};

export type DemoResident = {
  id: number;
  communityOrgId: number;
  unitOrg: string;
  registeredOn: string;
  endedOn: string | null;
  isCadre: boolean;
  serviceIntent: string;
  feedback: { period: string; attended: number; services: string; hours: number; comment: string; sentOn: string }[];
};

export type DemoPost = { postId: number; from: string; to: string | null; pledge: string };
export type DemoHousehold = { household: string; address: string; phone: string; since: string };
export type DemoAppraisal = { year: number; orgId: number; grade: AppraisalGrade | null; date: string; note: string | null };

export type DemoMember = {
  id: number;
  idNumber: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: string;
  nativePlace: string | null;
  education: string | null;
  kind: 'full' | 'probationary';
  joinedOn: string;
  confirmedOn: string | null;
  /** Set when the member joined the Party outside the street. */
  joinedAt: string | null;
  employer: string | null;
  job: string;
  phone: string | null;
  address: string | null;
  /** The community the member lives in (COMMUNITIES key), if in the street. */
  livesIn: string | null;
  standing: 'normal' | 'suspended' | 'left' | 'deceased';
  standingReason: string | null;
  standingSince: string | null;
  categories: MemberCategory[];
  skills: string | null;
  lostContactSince: string | null;
  note: string | null;
  situation: Situation;
  /** The member's 党小组 in the current branch (like members.group_id, there is no group history). */
  groupId: number | null;
  /** Spans end on transfer out and on death (to = the date of death, exclusive). */
  spans: DemoSpan[];
  mobile: DemoMobile[];
  residents: DemoResident[];
  posts: DemoPost[];
  households: DemoHousehold[];
  appraisals: DemoAppraisal[];
  /** Probation extended (延长预备期) on this date. */
  probationExtendedOn?: string;
  /** How often the member misses meetings (0–1), and the usual reason. */
  absence: number;
  absenceReason: 'sick' | 'business' | 'away' | 'other';
  /** Months ('YYYY-MM') the member missed every meeting: the "3+ in a row" cases. */
  missedMonths?: Set<string>;
};

export type DemoEvent = {
  memberId: number;
  type: MemberEventType;
  date: string;
  fromOrgId: number | null;
  toOrgId: number | null;
  otherOrg: string | null;
  data: Record<string, unknown>;
  note: string | null;
};

export type DemoApplicant = {
  orgId: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  appliedOn: string;
  talkedOn: string | null;
  activistOn: string | null;
  sponsors: string | null;
  candidateOn: string | null;
  trainingHours: number | null;
  politicalReviewOn: string | null;
  introducers: string | null;
  admittedOn: string | null;
  approvedOn: string | null;
  memberId: number | null;
  stage: 'applicant' | 'activist' | 'candidate' | 'probationary' | 'dropped';
  note: string | null;
  /** 半年考察 dates while an activist. */
  reviews: string[];
  publicityFrom: string | null;
  publicityTo: string | null;
};

export type DemoAttendance = {
  memberId: number | null;
  personName: string | null;
  status: 'present' | 'absent' | 'observer';
  reason: 'sick' | 'business' | 'away' | 'other' | null;
  reasonText: string | null;
};

export type DemoActivity = {
  id: number;
  orgId: number;
  type: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  topic: string;
  host: string | null;
  recorder: string | null;
  lecturer: string | null;
  minutes: string | null;
  decisions: string | null;
  attendance: DemoAttendance[];
};

export type DemoDues = {
  memberId: number;
  month: string;
  income: number | null;
  rate: number | null;
  amountDue: number;
  amountPaid: number | null;
  paidOn: string | null;
  note: string | null;
};

export type DemoStreet = {
  today: string;
  seed: number;
  orgs: DemoOrg[];
  committee: DemoOrg;
  /** Basic units (branch, jointBranch) that hold members and meetings. */
  branches: DemoOrg[];
  members: DemoMember[];
  posts: { id: number; name: string; duty: string }[];
  applicants: DemoApplicant[];
};

/** The span of a member covering a date, if any. */
export function spanOn(m: DemoMember, date: string): DemoSpan | undefined {
  for (const s of m.spans) if (s.from <= date && (s.to === null || date < s.to)) return s;
  return undefined;
}

/** On the org's roster that day, as the ledger computes it (shared/rules/roster: spans, standing). */
export function activeIn(m: DemoMember, orgId: number, date: string): boolean {
  if (m.standing !== 'normal' && m.standingSince !== null && m.standingSince <= date) return false;
  const s = spanOn(m, date);
  return s !== undefined && s.orgId === orgId;
}

export function isProbationaryOn(m: DemoMember, date: string): boolean {
  return m.confirmedOn === null || m.confirmedOn > date;
}

