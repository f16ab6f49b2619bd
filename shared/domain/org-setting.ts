// 组织设置规则: the rules a basic party org is set up by, checked on one day's facts. Pure: the
// ledger gathers the facts (electron/ledger/org-setting.ts), these say what breaks which rule.
import { isBranchType, ORG_TYPE_LABELS, type OrgType } from './org';

/** 正式党员3人以上的，应当成立党支部. */
export const MIN_FULL_MEMBERS = 3;
/** 党员人数一般不超过50人. */
export const MAX_BRANCH_MEMBERS = 50;
/** 联合党支部覆盖单位一般不超过5个. */
export const MAX_JOINT_UNITS = 5;
/** 正式党员7人以上的党支部设立支部委员会. */
export const COMMITTEE_FROM_FULL = 7;
/** 支部委员会一般由3至5人组成，最多不超过7人. */
export const COMMITTEE_SIZE = { min: 3, usualMax: 5, max: 7 } as const;

export type SettingRule = 'minFull' | 'maxMembers' | 'jointUnits' | 'committeeSize' | 'termExpired';

export type SettingFacts = {
  type: OrgType;
  full: number;
  probationary: number;
  /** 联合党支部: the units it spans (orgs.units, one per line). */
  units: readonly string[];
  /** People seated on the current committee; null when no term is recorded. */
  committeeSize: number | null;
  termExpiresOn: string | null;
};

export type SettingIssue = { rule: SettingRule; message: string };

/** Units of a joint branch as stored (one per line, blank lines ignored). */
export function unitList(units: string | null): string[] {
  return (units ?? '').split('\n').map((u) => u.trim()).filter(Boolean);
}

export function checkMinFull(f: SettingFacts): SettingIssue | null {
  if (!isBranchType(f.type) || f.full >= MIN_FULL_MEMBERS) return null;
  return { rule: 'minFull', message: `正式党员 ${f.full} 人，不足 ${MIN_FULL_MEMBERS} 人：请补充党员或与邻近单位组建联合党支部` };
}

export function checkMaxMembers(f: SettingFacts): SettingIssue | null {
  const n = f.full + f.probationary;
  if (!isBranchType(f.type) || n <= MAX_BRANCH_MEMBERS) return null;
  return { rule: 'maxMembers', message: `党员 ${n} 人，超过 ${MAX_BRANCH_MEMBERS} 人：宜划分党小组或分设党支部` };
}

export function checkJointUnits(f: SettingFacts): SettingIssue | null {
  if (f.type !== 'jointBranch' || f.units.length <= MAX_JOINT_UNITS) return null;
  return { rule: 'jointUnits', message: `${ORG_TYPE_LABELS.jointBranch}覆盖 ${f.units.length} 个单位，超过 ${MAX_JOINT_UNITS} 个：宜分设` };
}

export function checkCommitteeSize(f: SettingFacts): SettingIssue | null {
  if (!isBranchType(f.type) || f.full < COMMITTEE_FROM_FULL) return null;
  const size = f.committeeSize ?? 0;
  if (size >= COMMITTEE_SIZE.min && size <= COMMITTEE_SIZE.max) return null;
  const what = size === 0 ? '未设支部委员会' : `支部委员会 ${size} 人`;
  return { rule: 'committeeSize', message: `正式党员 ${f.full} 人，${what}：应设 ${COMMITTEE_SIZE.min}–${COMMITTEE_SIZE.usualMax} 人（最多 ${COMMITTEE_SIZE.max} 人）的支部委员会` };
}

export function checkTermExpired(f: SettingFacts, on: string): SettingIssue | null {
  if (!f.termExpiresOn || f.termExpiresOn >= on) return null;
  return { rule: 'termExpired', message: `委员会任期已于 ${f.termExpiresOn} 届满：请按期换届` };
}

/** Every rule the org breaks on `on`, in the order above. */
export function settingIssues(f: SettingFacts, on: string): SettingIssue[] {
  return [checkMinFull(f), checkMaxMembers(f), checkJointUnits(f), checkCommitteeSize(f), checkTermExpired(f, on)].filter((i): i is SettingIssue => i !== null);
}
