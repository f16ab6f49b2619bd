// What members do: the situations a branch's members are in (retired, community worker, doctor,
// rider …), with ages, 学历, 人员类别, 工作单位及职务 and 工作岗位 that fit together.
import type { MemberCategory } from '../../../shared/domain/member';
import type { Rng } from './random';
import type { Profile } from './street-plan';

export type Situation =
  | 'retired' | 'communityWorker' | 'employedLocal' | 'unemployed' | 'noPost' | 'privateOwner' | 'mobileOut'
  | 'agencyStaff' | 'agencyCadre' | 'doctor' | 'nurse' | 'teacher' | 'utilityWorker' | 'engineer'
  | 'marketStaff' | 'marketOwner' | 'socialWorker' | 'graduate' | 'mobileIn' | 'gigWorker';

export const SITUATIONS_BY_PROFILE: Record<Profile, readonly (readonly [Situation, number])[]> = {
  community: [['retired', 38], ['communityWorker', 6], ['employedLocal', 24], ['unemployed', 8], ['noPost', 7], ['privateOwner', 9], ['mobileOut', 8]],
  retired: [['retired', 92], ['noPost', 5], ['mobileOut', 3]],
  agency: [['agencyStaff', 78], ['agencyCadre', 22]],
  health: [['doctor', 55], ['nurse', 45]],
  school: [['teacher', 100]],
  utility: [['utilityWorker', 100]],
  tech: [['engineer', 100]],
  market: [['marketOwner', 55], ['marketStaff', 45]],
  socialOrg: [['socialWorker', 100]],
  serviceCenter: [['graduate', 30], ['mobileIn', 25], ['unemployed', 20], ['noPost', 10], ['privateOwner', 15]],
  gig: [['gigWorker', 60], ['mobileIn', 40]],
};

type EducationWeights = readonly (readonly [string, number])[];
const EDU_OLD: EducationWeights = [['小学', 8], ['初中', 30], ['普通高中', 25], ['中专', 15], ['大专', 12], ['大学', 10]];
const EDU_MIXED: EducationWeights = [['初中', 10], ['普通高中', 18], ['中专', 10], ['大专', 30], ['大学', 28], ['硕士研究生', 4]];
const EDU_GRADUATE: EducationWeights = [['大学', 65], ['硕士研究生', 30], ['博士研究生', 5]];
const EDU_PROFESSIONAL: EducationWeights = [['大专', 25], ['大学', 55], ['硕士研究生', 20]];
const EDU_TRADES: EducationWeights = [['初中', 20], ['普通高中', 35], ['中专', 15], ['中等专科', 5], ['大专', 20], ['大学', 5]];

export type SituationSpec = {
  /** Age range on 'today'. */
  age: readonly [number, number];
  femaleShare: number;
  categories: MemberCategory[];
  job: string;
  education: EducationWeights;
  employer(rng: Rng, ctx: { community: string; formerOrg: string }): string | null;
  /** Typical age when they joined the Party. */
  joinAge: readonly [number, number];
};

const LOCAL_EMPLOYERS = ['锦澜物业服务有限公司 客服主管', '滨河装饰设计工作室 设计师', '安居家政服务有限公司 管理员', '锦澜幼儿园 保育员',
  '民生大药房锦澜店 店长', '启航教育培训中心 教师', '诚信代理记账有限公司 会计', '江南电梯维保有限公司 技术员', '恒丰汽修厂 技师',
  '锦澜农商银行营业部 柜员', '安泰保险代理有限公司 业务员', '绿城物业滨河项目部 工程主管', '海纳网络科技有限公司 运营专员', '明德律师事务所 律师'];
const SHOPS = ['便利店', '早餐店', '水果店', '五金店', '理发店', '服装店', '小吃店', '家电维修部', '茶叶店', '打印复印店'];
const AGENCY_POSTS = ['党政办公室 科员', '党建工作办公室 科员', '社会事务科 科员', '城市管理科 科员', '平安建设办公室 科员', '经济发展办公室 科员',
  '财政所 会计', '综合执法队 队员', '退役军人服务站 工作人员', '便民服务中心 窗口工作人员', '党群服务中心 工作人员'];
const AGENCY_CADRE_POSTS = ['党工委委员、副主任', '人大工委副主任', '武装部部长', '党政办公室主任', '党建工作办公室主任', '社会事务科科长',
  '城市管理科科长', '平安建设办公室主任', '经济发展办公室主任', '财政所所长', '纪工委副书记'];
const MARKET_STAFF = ['锦澜商贸城管理有限公司 管理员', '锦澜商贸城管理有限公司 财务', '鑫源餐饮管理有限公司 厨师长', '锦澜农贸市场 管理员',
  '佳禾生活超市 店长', '佳禾生活超市 收银主管', '恒达五金批发行 销售'];
const MARKET_OWNERS = ['锦澜农贸市场 摊主', '恒达五金批发行 负责人', '锦澜商贸城 商户（服装）', '锦澜商贸城 商户（茶叶）', '锦澜商贸城 商户（日用百货）'];
const SOCIAL_POSTS = ['锦澜街道社会工作服务站 社工', '乐龄居家养老服务中心 护理主管', '阳光助残服务社 项目主管', '锦澜文体协会 秘书长', '乐龄居家养老服务中心 社工'];
const GIG_POSTS = ['锦澜片区外卖配送站 骑手', '锦澜片区外卖配送站 站长', '顺通快递锦澜网点 快递员', '顺通快递锦澜网点 网点负责人', '城际网约车服务有限公司 网约车司机'];
const UNIVERSITY_MAJORS = ['待就业高校毕业生', '待就业高校毕业生（组织关系挂靠）'];
const SKILLS = ['电工', '会计', '厨师', '驾驶', '家政服务', '电脑维修', '缝纫', '水电维修', '育婴', '书法', '摄影', '手机维修'];

export const SITUATION_SPECS: Record<Situation, SituationSpec> = {
  retired: { age: [60, 92], femaleShare: 0.5, categories: ['retired'], job: '离退休', education: EDU_OLD, joinAge: [20, 45],
    employer: (_rng, ctx) => `原${ctx.formerOrg.replace(/党委|党总支|机关党支部|党支部/, '')}（已退休）` },
  communityWorker: { age: [26, 52], femaleShare: 0.7, categories: ['employed'], job: '在岗职工', education: [['大专', 40], ['大学', 55], ['硕士研究生', 5]], joinAge: [19, 32],
    employer: (_rng, ctx) => `${ctx.community}居民委员会 社区专职工作者` },
  employedLocal: { age: [24, 58], femaleShare: 0.5, categories: ['employed'], job: '在岗职工', education: EDU_MIXED, joinAge: [19, 35],
    employer: (rng) => rng.pick(LOCAL_EMPLOYERS) },
  unemployed: { age: [36, 58], femaleShare: 0.5, categories: ['unemployed'], job: '待业', education: EDU_TRADES, joinAge: [20, 35], employer: () => null },
  noPost: { age: [45, 62], femaleShare: 0.55, categories: ['noPost'], job: '其他', education: EDU_TRADES, joinAge: [20, 38], employer: () => '无固定职业' },
  privateOwner: { age: [32, 60], femaleShare: 0.4, categories: ['privateOwner'], job: '个体经营者', education: EDU_TRADES, joinAge: [19, 35],
    employer: (rng) => `${rng.pick(SHOPS)}（个体经营） 业主` },
  mobileOut: { age: [26, 50], femaleShare: 0.35, categories: ['employed', 'mobile'], job: '在岗职工', education: EDU_MIXED, joinAge: [19, 30], employer: () => null },
  agencyStaff: { age: [24, 50], femaleShare: 0.5, categories: ['employed'], job: '在岗职工', education: EDU_GRADUATE, joinAge: [19, 28],
    employer: (rng) => `锦澜街道办事处 ${rng.pick(AGENCY_POSTS)}` },
  agencyCadre: { age: [36, 58], femaleShare: 0.35, categories: ['employed', 'cadre'], job: '在岗职工', education: EDU_GRADUATE, joinAge: [19, 30],
    employer: (rng) => `锦澜街道 ${rng.pick(AGENCY_CADRE_POSTS)}` },
  doctor: { age: [28, 58], femaleShare: 0.5, categories: ['employed'], job: '在岗职工', education: [['大学', 60], ['硕士研究生', 35], ['博士研究生', 5]], joinAge: [19, 30],
    employer: (rng) => `锦澜街道社区卫生服务中心 ${rng.pick(['全科医生', '主治医师', '公卫医师', '副主任医师', '药剂师'])}` },
  nurse: { age: [24, 55], femaleShare: 0.95, categories: ['employed'], job: '在岗职工', education: EDU_PROFESSIONAL, joinAge: [19, 30],
    employer: (rng) => `锦澜街道社区卫生服务中心 ${rng.pick(['护士', '护师', '主管护师', '护士长'])}` },
  teacher: { age: [24, 58], femaleShare: 0.72, categories: ['employed'], job: '在岗职工', education: [['大学', 70], ['硕士研究生', 28], ['大专', 2]], joinAge: [19, 30],
    employer: (rng) => `锦澜小学 ${rng.pick(['语文教师', '数学教师', '英语教师', '科学教师', '体育教师', '音乐教师', '教务主任', '德育主任', '班主任'])}` },
  utilityWorker: { age: [25, 57], femaleShare: 0.25, categories: ['employed'], job: '在岗职工', education: [['中专', 15], ['大专', 35], ['大学', 45], ['硕士研究生', 5]], joinAge: [19, 30],
    employer: (rng) => `锦澜供电所 ${rng.pick(['配电运维班 班长', '营销服务班 客户经理', '抢修班 技术员', '综合室 专责', '线路运维 工程师'])}` },
  engineer: { age: [24, 45], femaleShare: 0.35, categories: ['employed', 'newEconomy'], job: '在岗职工', education: EDU_GRADUATE, joinAge: [19, 25],
    employer: (rng) => `澜创智能科技有限公司 ${rng.pick(['软件工程师', '算法工程师', '测试工程师', '产品经理', '项目经理', '人力资源专员', '硬件工程师', '行政主管'])}` },
  marketStaff: { age: [28, 55], femaleShare: 0.5, categories: ['employed'], job: '在岗职工', education: EDU_TRADES, joinAge: [19, 35], employer: (rng) => rng.pick(MARKET_STAFF) },
  marketOwner: { age: [32, 60], femaleShare: 0.45, categories: ['privateOwner'], job: '个体经营者', education: EDU_TRADES, joinAge: [19, 35], employer: (rng) => rng.pick(MARKET_OWNERS) },
  socialWorker: { age: [24, 50], femaleShare: 0.7, categories: ['employed'], job: '在岗职工', education: EDU_PROFESSIONAL, joinAge: [19, 28], employer: (rng) => rng.pick(SOCIAL_POSTS) },
  graduate: { age: [22, 27], femaleShare: 0.55, categories: ['noPost'], job: '待业', education: EDU_GRADUATE, joinAge: [19, 22], employer: (rng) => rng.pick(UNIVERSITY_MAJORS) },
  mobileIn: { age: [24, 48], femaleShare: 0.3, categories: ['employed', 'mobile', 'newEconomy'], job: '在岗职工', education: EDU_TRADES, joinAge: [19, 30],
    employer: (rng) => rng.pick(GIG_POSTS) },
  gigWorker: { age: [23, 45], femaleShare: 0.15, categories: ['employed', 'newEconomy'], job: '在岗职工', education: EDU_TRADES, joinAge: [19, 30],
    employer: (rng) => rng.pick(GIG_POSTS) },
};

/** The ten seed posts of 设岗定责 with a duty and the pledges members write on their cards. */
export const POST_DETAILS: Record<string, { duty: string; pledges: readonly string[] }> = {
  政策宣传岗: { duty: '向居民宣传党的方针政策和惠民政策', pledges: ['每月入户宣传政策不少于一次', '做好楼道宣传栏更新'] },
  党务监督岗: { duty: '监督党务公开、党费收缴和组织生活落实', pledges: ['每季度检查一次党务公开栏', '认真履行监督职责，发现问题及时反映'] },
  民意收集岗: { duty: '收集居民意见建议并向社区党组织反映', pledges: ['每月走访联系户，收集意见建议', '群众诉求当日记录、及时反馈'] },
  扶贫帮困岗: { duty: '结对帮扶困难家庭、困难党员', pledges: ['结对帮扶一户困难家庭', '每季度上门慰问一次'] },
  信息传递岗: { duty: '及时传达社区通知，上传下达', pledges: ['社区通知当天传达到楼道', '管好楼道微信群'] },
  便民服务岗: { duty: '为居民提供代办、维修等便民服务', pledges: ['每月参加一次便民服务日', '为独居老人提供代办服务'] },
  环境保洁岗: { duty: '维护小区环境卫生，督导垃圾分类', pledges: ['每周参加一次垃圾分类督导', '管好责任区卫生'] },
  设施维护岗: { duty: '巡查小区公共设施，及时报修', pledges: ['每周巡查一次楼道和公共设施', '发现损坏当天报修'] },
  治安调解岗: { duty: '参与治安巡逻和邻里纠纷调解', pledges: ['每月参加两次平安巡逻', '邻里纠纷第一时间到场劝解'] },
  文明新风岗: { duty: '倡导移风易俗，组织文明创建活动', pledges: ['带头文明养犬、文明停车', '组织楼道文明评比'] },
};

export function skillFor(rng: Rng): string {
  return rng.sample(SKILLS, rng.int(1, 2)).join('、');
}
