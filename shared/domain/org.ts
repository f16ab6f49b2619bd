// The organisation tree and the facts of each org.
export const ORG_TYPES = ['committee', 'partyCommittee', 'generalBranch', 'branch', 'jointBranch', 'temporaryBranch', 'group'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  committee: '街道党工委',
  partyCommittee: '社区党委',
  generalBranch: '党总支',
  branch: '党支部',
  jointBranch: '联合党支部',
  temporaryBranch: '临时党支部',
  group: '党小组',
};

/** Orgs that hold members and meetings directly (the basic units). */
export const BRANCH_TYPES: readonly OrgType[] = ['branch', 'jointBranch', 'temporaryBranch'];
export const isBranchType = (t: OrgType): boolean => BRANCH_TYPES.includes(t);

/** Which child types each type may hold. */
export const CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  committee: ['partyCommittee', 'generalBranch', 'branch', 'jointBranch', 'temporaryBranch'],
  partyCommittee: ['generalBranch', 'branch', 'jointBranch', 'temporaryBranch'],
  generalBranch: ['branch', 'jointBranch', 'temporaryBranch'],
  branch: ['group'],
  jointBranch: ['group'],
  temporaryBranch: ['group'],
  group: [],
};

export const ORG_CATEGORIES = ['community', 'nonPublic', 'socialOrg', 'institution', 'resident'] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];
export const ORG_CATEGORY_LABELS: Record<OrgCategory, string> = {
  community: '社区',
  nonPublic: '非公企业',
  socialOrg: '社会组织',
  institution: '机关事业',
  resident: '驻区单位',
};

/** Committee term: 5 years for community branches, generally 3 for others (configurable per org). */
export function defaultTermYears(category: OrgCategory | null | undefined): number {
  return category === 'community' ? 5 : 3;
}
/** Warn this many months before a term expires. */
export const TERM_WARNING_MONTHS = 6;

/** The "十有" venue checklist. */
export const FACILITIES = [
  { code: 'office', label: '党支部办公室' },
  { code: 'activityRoom', label: '党员活动室' },
  { code: 'serviceStation', label: '党员联络服务站' },
  { code: 'remoteEducation', label: '远程教育器材' },
  { code: 'ledger', label: '党建工作台帐' },
  { code: 'activityRecords', label: '党组织活动记录' },
  { code: 'memberInfo', label: '社区党员信息' },
  { code: 'archiveCabinet', label: '党建资料专柜' },
  { code: 'slogans', label: '党建标语(版面和专栏)' },
  { code: 'rules', label: '党建工作制度' },
] as const;
export type FacilityCode = (typeof FACILITIES)[number]['code'];
export const FACILITY_CODES = FACILITIES.map((f) => f.code) as [FacilityCode, ...FacilityCode[]];

export const COMMITTEE_ROLES = ['secretary', 'deputySecretary', 'organization', 'propaganda', 'discipline', 'youth', 'women', 'member', 'other'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
  youth: '青年委员',
  women: '妇女委员',
  member: '委员',
  other: '其他',
};

