// The shape of the demo street: which orgs exist, how big they are, who their members are
// (profile), when their committees were elected, and the few realistic gaps in their records.
import type { OrgCategory, OrgType, FacilityCode } from '../../../shared/domain/org';

/** Who a branch's members are: drives ages, jobs, categories and where they live. */
export type Profile =
  | 'community' | 'retired' | 'agency' | 'health' | 'school' | 'utility'
  | 'tech' | 'market' | 'socialOrg' | 'serviceCenter' | 'gig';

export type TermPlan = {
  /** The latest election's date; a term with no re-election after it simply runs out (one does). */
  electedOn: string;
};

export type GapPlan = {
  /** 'YYYY-MM' months without the monthly 支委会. */
  committeeMeeting?: string[];
  /** 'YYYY-Qn' quarters without a 党课. */
  partyLesson?: string[];
  /** 'YYYY-Qn' quarters without a 支部党员大会. */
  branchAssembly?: string[];
  /** 'YYYY-MM' months without a 主题党日. */
  themeDay?: string[];
  /** Years without a 组织生活会. */
  lifeMeeting?: number[];
  /** Years in which some members had no 谈心谈话. */
  heartTalk?: number[];
};

export type OrgPlan = {
  key: string;
  parent: string | null;   // key of the parent org
  name: string;
  shortName: string;
  type: OrgType;
  category: OrgCategory | null;
  foundedOn: string;
  community?: string;      // key of the community it lives in (COMMUNITIES)
  profile?: Profile;       // branches only
  size?: number;           // branches only: members to generate
  groups?: number;         // 党小组 count
  term?: TermPlan;
  missingFacilities?: FacilityCode[];
  instructor?: boolean;
  units?: string[];        // joint branches: member units
  partners?: number;       // how many partner units
  gaps?: GapPlan;
  address?: string;
  place?: string;          // where its meetings are held
};

export const STREET_PLAN: readonly OrgPlan[] = [
  { key: 'committee', parent: null, name: '锦澜街道党工委', shortName: '党工委', type: 'committee', category: null, foundedOn: '2001-06-18', address: '锦澜街道锦澜路88号' },

  // 望江社区党委
  { key: 'wj', parent: 'committee', name: '望江社区党委', shortName: '望江社区党委', type: 'partyCommittee', category: 'community', community: 'wangjiang',
    foundedOn: '2008-03-20', term: { electedOn: '2026-04-16' }, partners: 3, place: '望江社区党群服务中心三楼会议室' },
  { key: 'wj1', parent: 'wj', name: '望江社区第一党支部', shortName: '第一党支部', type: 'branch', category: 'community', community: 'wangjiang',
    profile: 'community', size: 46, groups: 4, foundedOn: '2008-03-20', term: { electedOn: '2026-04-10' }, partners: 2, place: '望江社区党群服务中心三楼会议室' },
  { key: 'wj2', parent: 'wj', name: '望江社区第二党支部', shortName: '第二党支部', type: 'branch', category: 'community', community: 'wangjiang',
    profile: 'community', size: 44, groups: 3, foundedOn: '2008-03-20', term: { electedOn: '2026-04-10' }, missingFacilities: ['archiveCabinet'], place: '望江社区党员活动室' },
  { key: 'wj3', parent: 'wj', name: '望江社区离退休党支部', shortName: '离退休党支部', type: 'branch', category: 'community', community: 'wangjiang',
    profile: 'retired', size: 50, groups: 4, foundedOn: '2012-07-01', term: { electedOn: '2021-12-18' }, place: '望江社区老年活动中心' },

  // 梧桐苑社区党委
  { key: 'wt', parent: 'committee', name: '梧桐苑社区党委', shortName: '梧桐苑社区党委', type: 'partyCommittee', category: 'community', community: 'wutong',
    foundedOn: '2010-09-08', term: { electedOn: '2026-04-20' }, partners: 3, place: '梧桐苑社区党群服务中心会议室' },
  { key: 'wt1', parent: 'wt', name: '梧桐苑社区第一党支部', shortName: '第一党支部', type: 'branch', category: 'community', community: 'wutong',
    profile: 'community', size: 42, groups: 3, foundedOn: '2010-09-08', term: { electedOn: '2026-04-14' }, partners: 2, place: '梧桐苑社区党群服务中心会议室' },
  { key: 'wt2', parent: 'wt', name: '梧桐苑社区第二党支部', shortName: '第二党支部', type: 'branch', category: 'community', community: 'wutong',
    profile: 'community', size: 40, groups: 3, foundedOn: '2010-09-08', term: { electedOn: '2026-04-14' },
    gaps: { committeeMeeting: ['2025-07'] }, place: '梧桐苑社区党员之家' },
  { key: 'wt3', parent: 'wt', name: '梧桐苑社区第三党支部', shortName: '第三党支部', type: 'branch', category: 'community', community: 'wutong',
    profile: 'retired', size: 38, groups: 3, foundedOn: '2016-05-12', term: { electedOn: '2021-06-20' /* expired 2026-06-20, not re-elected */ },
    missingFacilities: ['remoteEducation', 'serviceStation'], gaps: { heartTalk: [2025] }, place: '梧桐苑社区睦邻中心' },

  // 秀水社区党总支
  { key: 'xs', parent: 'committee', name: '秀水社区党总支', shortName: '秀水社区党总支', type: 'generalBranch', category: 'community', community: 'xiushui',
    foundedOn: '2011-04-26', term: { electedOn: '2026-05-08' }, partners: 2, place: '秀水社区党群服务中心' },
  { key: 'xs1', parent: 'xs', name: '秀水社区第一党支部', shortName: '第一党支部', type: 'branch', category: 'community', community: 'xiushui',
    profile: 'community', size: 40, groups: 3, foundedOn: '2011-04-26', term: { electedOn: '2026-05-06' }, partners: 2, place: '秀水社区党群服务中心' },
  { key: 'xs2', parent: 'xs', name: '秀水社区第二党支部', shortName: '第二党支部', type: 'branch', category: 'community', community: 'xiushui',
    profile: 'retired', size: 36, groups: 3, foundedOn: '2011-04-26', term: { electedOn: '2021-12-28' }, missingFacilities: ['slogans'], place: '秀水社区老年活动室' },

  // 锦华社区党委
  { key: 'jh', parent: 'committee', name: '锦华社区党委', shortName: '锦华社区党委', type: 'partyCommittee', category: 'community', community: 'jinhua',
    foundedOn: '2009-11-16', term: { electedOn: '2026-04-24' }, partners: 3, place: '锦华社区党群服务中心二楼会议室' },
  { key: 'jh1', parent: 'jh', name: '锦华社区第一党支部', shortName: '第一党支部', type: 'branch', category: 'community', community: 'jinhua',
    profile: 'community', size: 44, groups: 4, foundedOn: '2009-11-16', term: { electedOn: '2026-04-22' }, partners: 2, place: '锦华社区党群服务中心二楼会议室' },
  { key: 'jh2', parent: 'jh', name: '锦华社区第二党支部', shortName: '第二党支部', type: 'branch', category: 'community', community: 'jinhua',
    profile: 'community', size: 42, groups: 3, foundedOn: '2009-11-16', term: { electedOn: '2026-04-22' },
    gaps: { partyLesson: ['2024-Q3'] }, place: '锦华社区党员活动室' },
  { key: 'jh3', parent: 'jh', name: '锦华社区第三党支部', shortName: '第三党支部', type: 'branch', category: 'community', community: 'jinhua',
    profile: 'retired', size: 35, groups: 3, foundedOn: '2015-03-18', term: { electedOn: '2026-04-22' }, missingFacilities: ['serviceStation'], place: '锦华社区居家养老服务中心' },

  // Branches directly under the committee
  { key: 'agency', parent: 'committee', name: '锦澜街道机关党支部', shortName: '机关党支部', type: 'branch', category: 'institution',
    profile: 'agency', size: 38, groups: 3, foundedOn: '2001-06-18', term: { electedOn: '2024-03-15' }, address: '锦澜街道锦澜路88号', place: '街道办事处四楼会议室' },
  { key: 'health', parent: 'committee', name: '锦澜街道社区卫生服务中心党支部', shortName: '卫生服务中心党支部', type: 'branch', category: 'institution',
    profile: 'health', size: 24, foundedOn: '2006-08-01', term: { electedOn: '2026-09-18' }, missingFacilities: ['serviceStation', 'memberInfo'],
    address: '锦澜街道秀水路18号', place: '卫生服务中心二楼会议室' },
  { key: 'school', parent: 'committee', name: '锦澜小学党支部', shortName: '锦澜小学党支部', type: 'branch', category: 'institution',
    profile: 'school', size: 26, foundedOn: '2003-09-01', term: { electedOn: '2025-05-20' }, missingFacilities: ['serviceStation', 'memberInfo'],
    address: '锦澜街道梧桐路66号', place: '锦澜小学行政楼二楼会议室' },
  { key: 'utility', parent: 'committee', name: '锦澜供电所党支部', shortName: '供电所党支部', type: 'branch', category: 'resident',
    profile: 'utility', size: 16, foundedOn: '2005-04-12', term: { electedOn: '2024-01-10' }, missingFacilities: ['serviceStation', 'memberInfo', 'remoteEducation'],
    gaps: { branchAssembly: ['2024-Q3'] }, address: '锦澜街道滨河路9号', place: '供电所党员活动室' },
  { key: 'tech', parent: 'committee', name: '澜创智能科技有限公司党支部', shortName: '澜创智能党支部', type: 'branch', category: 'nonPublic',
    profile: 'tech', size: 22, foundedOn: '2017-06-28', term: { electedOn: '2025-06-26' }, instructor: true, missingFacilities: ['serviceStation', 'memberInfo', 'archiveCabinet'],
    address: '锦澜街道科创大道1688号澜创大厦', place: '公司党建活动室' },
  { key: 'market', parent: 'committee', name: '锦澜商贸城联合党支部', shortName: '商贸城联合党支部', type: 'jointBranch', category: 'nonPublic',
    profile: 'market', size: 14, foundedOn: '2014-10-20', term: { electedOn: '2026-11-06' }, instructor: true,
    units: ['锦澜商贸城管理有限公司', '恒达五金批发行', '鑫源餐饮管理有限公司', '锦澜农贸市场', '佳禾生活超市'],
    missingFacilities: ['serviceStation', 'memberInfo', 'remoteEducation', 'archiveCabinet'],
    gaps: { themeDay: ['2024-02', '2025-01'], lifeMeeting: [2024], heartTalk: [2024, 2025] }, address: '锦澜街道锦华路200号商贸城三楼', place: '商贸城管理办公室' },
  { key: 'social', parent: 'committee', name: '锦澜街道社会组织联合党支部', shortName: '社会组织联合党支部', type: 'jointBranch', category: 'socialOrg',
    profile: 'socialOrg', size: 11, foundedOn: '2018-12-06', term: { electedOn: '2024-08-22' }, instructor: true,
    units: ['锦澜街道社会工作服务站', '乐龄居家养老服务中心', '阳光助残服务社', '锦澜文体协会'],
    missingFacilities: ['office', 'memberInfo'], gaps: { branchAssembly: ['2025-Q2'], themeDay: ['2024-02'] },
    address: '锦澜街道锦澜路92号社会组织服务中心', place: '街道社会组织服务中心' },
  { key: 'service', parent: 'committee', name: '锦澜街道社区服务中心党支部', shortName: '社区服务中心党支部', type: 'branch', category: 'community',
    profile: 'serviceCenter', size: 30, groups: 2, foundedOn: '2013-01-15', term: { electedOn: '2022-05-10' }, address: '锦澜街道锦澜路90号', place: '街道党群服务中心一楼会议室' },
  { key: 'gig', parent: 'committee', name: '锦澜街道新就业群体联合党支部', shortName: '新就业群体联合党支部', type: 'jointBranch', category: 'nonPublic',
    profile: 'gig', size: 12, foundedOn: '2025-07-01', term: { electedOn: '2025-07-01' }, instructor: true,
    units: ['锦澜片区外卖配送站', '顺通快递锦澜网点', '城际网约车服务有限公司锦澜分部'],
    missingFacilities: ['office', 'remoteEducation', 'memberInfo', 'archiveCabinet'], address: '锦澜街道科创大道1200号新就业群体暖心驿站', place: '新就业群体暖心驿站' },
];
