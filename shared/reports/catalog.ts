// The printable registers (台帐) of DOMAIN.md: the one list the CLI, the API and the 台帐打印 page
// share. The order is the binder's order.
export const REGISTER_NAMES = [
  'plans',
  'orgs', 'roster', 'member-form', 'mobile', 'resident', 'resident-feedback', 'resident-summary', 'posts',
  'households', 'contacts', 'contact-cards', 'visits',
  'meetings', 'meeting-pages', 'attendance', 'appraisal', 'dues', 'dues-summary', 'admission', 'admission-notice',
  'help', 'donations',
  'contract', 'assessment', 'assessment-summary', 'secretary-review', 'commendations', 'binder',
] as const;
export type RegisterName = (typeof REGISTER_NAMES)[number];

export type ReportFormat = 'xlsx' | 'pdf';

export type RegisterInfo = {
  name: RegisterName;
  title: string;
  /** One line for the picker and `export --list`. */
  summary: string;
  formats: readonly ReportFormat[];
  /** Whether a period narrows it to a year (false: a snapshot as of the period's end). */
  periodKind: 'asOf' | 'range' | 'year';
};

const BOTH: readonly ReportFormat[] = ['xlsx', 'pdf'];

export const REGISTERS: readonly RegisterInfo[] = [
  { name: 'plans', title: '工作计划和总结', summary: '年度工作计划、月度工作安排及落实情况、年终工作总结', formats: BOTH, periodKind: 'year' },
  { name: 'orgs', title: '党组织基本情况', summary: '各党组织的类型、班子、任期、党员数、十有落实', formats: BOTH, periodKind: 'asOf' },
  { name: 'roster', title: '党员花名册', summary: '按党支部排列的党员名册', formats: BOTH, periodKind: 'asOf' },
  { name: 'member-form', title: '党员基本信息采集表', summary: '每名党员一页，供本人、采集人、支部书记签字', formats: BOTH, periodKind: 'asOf' },
  { name: 'mobile', title: '流动党员台帐', summary: '流出、流入党员及活动证', formats: BOTH, periodKind: 'range' },
  { name: 'resident', title: '在职党员到社区报到台帐', summary: '在职党员报到、服务意向和季度反馈', formats: BOTH, periodKind: 'range' },
  { name: 'resident-feedback', title: '在职党员到社区报到表现情况反馈单', summary: '每个报到党员所在单位党组织一份：各季度参加活动、服务内容和时长、年度评价', formats: BOTH, periodKind: 'range' },
  { name: 'resident-summary', title: '在职党员到社区报到情况汇总表', summary: '各社区报到人数、季度反馈、活动和服务时长（半年向组织部报送）', formats: BOTH, periodKind: 'range' },
  { name: 'posts', title: '党员设岗定责台帐', summary: '岗位、认岗党员和承诺', formats: BOTH, periodKind: 'range' },
  { name: 'households', title: '民情卡登记册', summary: '走千家民情卡：住户、家庭成员、类别、需求意见、联系党员，入册和注销', formats: BOTH, periodKind: 'range' },
  { name: 'contacts', title: '党员联系户台帐', summary: '每名党员联系的住户和起止日期、期间走访次数', formats: BOTH, periodKind: 'range' },
  { name: 'contact-cards', title: '党员联系卡', summary: '每名党员一张卡片（A4 一页六张，裁开使用）：联系户和“五带六有”承诺', formats: BOTH, periodKind: 'asOf' },
  { name: 'visits', title: '民情台账', summary: '走千家：每次走访的住户、走访人、民情、转办和办理结果', formats: BOTH, periodKind: 'range' },
  { name: 'meetings', title: '“三会一课”及组织生活记录', summary: '期间内的会议和活动一览', formats: BOTH, periodKind: 'range' },
  { name: 'meeting-pages', title: '会议记录', summary: '每次会议一页：出席、缺席、列席和会议记录', formats: BOTH, periodKind: 'range' },
  { name: 'attendance', title: '党员参加组织生活登记表', summary: '每名党员每月参加组织生活情况', formats: BOTH, periodKind: 'year' },
  { name: 'appraisal', title: '民主评议党员结果', summary: '年度民主评议等次', formats: BOTH, periodKind: 'year' },
  { name: 'dues', title: '党费收缴登记表', summary: '每名党员每月的交纳基数、比例、金额和交纳日期，欠交月份', formats: BOTH, periodKind: 'year' },
  { name: 'dues-summary', title: '党费收缴汇总表', summary: '各党支部每月收缴、应交、已交、上缴和欠交人数，街道合计', formats: BOTH, periodKind: 'year' },
  { name: 'admission', title: '发展党员工作台帐', summary: '每名入党申请人、积极分子、发展对象和预备党员的各步骤日期及提醒', formats: BOTH, periodKind: 'range' },
  { name: 'admission-notice', title: '发展党员公示', summary: '每名待公示或待支部大会讨论的发展对象一页（A4）', formats: BOTH, periodKind: 'range' },
  { name: 'help', title: '帮扶台账', summary: '“五助二扶一带”每次帮扶的对象、类别、帮扶人、内容和折合金额，分类合计', formats: BOTH, periodKind: 'range' },
  { name: 'donations', title: '捐助物资收发登记', summary: '各捐助站款物的收入、发出和结余，上期结余与本期合计', formats: BOTH, periodKind: 'range' },
  { name: 'contract', title: '党建工作目标责任书', summary: '街道党工委与各党支部、社区党委（党总支）签订，供签字盖章', formats: BOTH, periodKind: 'year' },
  { name: 'assessment', title: '党建工作年终考核表', summary: '每个党支部、社区党委（党总支）一份，附计算得分的依据', formats: BOTH, periodKind: 'year' },
  { name: 'assessment-summary', title: '党建工作年终考核汇总表', summary: '党支部、社区党委（党总支）分层级排出得分、等次和名次', formats: BOTH, periodKind: 'year' },
  { name: 'secretary-review', title: '书记抓党建述职评议表', summary: '各党组织书记年度述职的日期、参加人员和党员、群众代表评议票数及满意率', formats: BOTH, periodKind: 'year' },
  { name: 'commendations', title: '表彰台账', summary: '党员、家庭和党组织受到的各级表彰，含级别、文号和日期', formats: BOTH, periodKind: 'year' },
  { name: 'binder', title: '党建工作台帐', summary: '年度台帐合订本：封面、目录和以上各台帐（仅 PDF）', formats: ['pdf'], periodKind: 'year' },
];

export function registerInfo(name: RegisterName): RegisterInfo {
  return REGISTERS.find((r) => r.name === name)!;
}

export function isRegisterName(s: string): s is RegisterName {
  return (REGISTER_NAMES as readonly string[]).includes(s);
}
