// Members: kinds, standing, categories, education and job code lists.
export const MEMBER_KINDS = ['full', 'probationary'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { full: '正式党员', probationary: '预备党员' };

export const STANDINGS = ['normal', 'suspended', 'left', 'deceased'] as const;
export type Standing = (typeof STANDINGS)[number];
export const STANDING_LABELS: Record<Standing, string> = { normal: '正常', suspended: '停止党籍', left: '出党', deceased: '死亡' };

/** "On the roll", written once: a member in the street (not transferred out) whose 党籍 stands (正常 or 停止党籍). */
const ON_ROLL_STANDINGS: readonly Standing[] = ['normal', 'suspended'];
export const standingOnRoll = (standing: string): boolean => (ON_ROLL_STANDINGS as readonly string[]).includes(standing);
/** The same as SQL on the members table (`alias` e.g. 'm'): status and standing of today's row. */
export const onRollSql = (alias?: string): string => {
  const p = alias ? `${alias}.` : '';
  return `${p}status = 'active' AND ${p}standing IN (${ON_ROLL_STANDINGS.map((s) => `'${s}'`).join(',')})`;
};
export const LEFT_REASONS = ['persuaded', 'removed', 'lapsed'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];
export const LEFT_REASON_LABELS: Record<LeftReason, string> = { persuaded: '劝退', removed: '除名', lapsed: '自行脱党' };

export const MEMBER_CATEGORIES = ['employed', 'retired', 'unemployed', 'mobile', 'noPost', 'privateOwner', 'newEconomy', 'cadre'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = {
  employed: '在职',
  retired: '离退休',
  unemployed: '下岗失业',
  mobile: '流动',
  noPost: '无职',
  privateOwner: '私营业主/个体',
  newEconomy: '新经济组织',
  cadre: '副科级以上党员干部',
};

/** 学历 with the national 2-digit codes. */
export const EDUCATION = [
  { code: '11', label: '博士研究生' },
  { code: '12', label: '硕士研究生' },
  { code: '21', label: '大学' },
  { code: '22', label: '大专' },
  { code: '31', label: '中专' },
  { code: '41', label: '中等专科' },
  { code: '61', label: '普通高中' },
  { code: '71', label: '初中' },
  { code: '81', label: '小学' },
  { code: '90', label: '其他' },
] as const;

/** 工作岗位 (collection form code list, abridged). */
export const JOBS = ['在岗职工', '农牧渔民', '学生', '离退休', '个体经营者', '自由职业者', '待业', '其他'] as const;

export const GENDERS = ['男', '女'] as const;

/** Probation lasts one year from admission. */
export const PROBATION_MONTHS = 12;

/** Member event types (member_events.type). */
export const MEMBER_EVENT_TYPES = [
  'created', 'joined', 'confirmed', 'probationExtended', 'probationCancelled',
  'transferIn', 'transferOut', 'transferInternal', 'standingChanged', 'appraisal',
  'mobileOut', 'mobileIn', 'mobileReturn', 'residentRegistered', 'residentEnded',
  'postTaken', 'postLeft', 'fieldsUpdated', 'contactRegained',
] as const;
export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number];
export const MEMBER_EVENT_LABELS: Record<MemberEventType, string> = {
  created: '建立档案',
  joined: '入党',
  confirmed: '转为正式党员',
  probationExtended: '延长预备期',
  probationCancelled: '取消预备党员资格',
  transferIn: '组织关系转入',
  transferOut: '组织关系转出',
  transferInternal: '街道内调整支部',
  standingChanged: '党籍状态变更',
  appraisal: '民主评议',
  mobileOut: '外出流动',
  mobileIn: '流入登记',
  mobileReturn: '流动结束',
  residentRegistered: '在职党员报到',
  residentEnded: '报到结束',
  postTaken: '认领岗位',
  postLeft: '离开岗位',
  fieldsUpdated: '信息变更',
  contactRegained: '恢复联系',
};

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格',
};

/** The ten posts of 设岗定责 (seed list). */
export const SEED_POSTS = ['政策宣传岗', '党务监督岗', '民意收集岗', '扶贫帮困岗', '信息传递岗', '便民服务岗', '环境保洁岗', '设施维护岗', '治安调解岗', '文明新风岗'] as const;
