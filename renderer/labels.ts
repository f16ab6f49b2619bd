// What the ledger stores as codes, shown in Chinese: audit log objects and fields, and the values
// of a change (kind full → 正式党员, groupId 4 → the group's name, true → 是, null → 空).
import { ABSENCE_REASON_LABELS, ACTIVITY_TYPES } from '../shared/domain/activity-types';
import { APPRAISAL_GRADE_LABELS, LEFT_REASON_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS, STANDING_LABELS } from '../shared/domain/member';
import { ORG_CATEGORY_LABELS, ORG_TYPE_LABELS } from '../shared/domain/org';
import { POST_REVIEW_LABELS } from '../shared/domain/posts';
import { REGISTERS } from '../shared/reports/catalog';
import { CONCERN_CATEGORY_LABELS, HOUSEHOLD_CATEGORY_LABELS } from '../shared/domain/household';

export const ENTITY_LABELS: Record<string, string> = {
  ledger: '台帐', user: '用户', org: '党组织', member: '党员', partnerUnit: '共建单位', mobileRecord: '流动党员', residentRegistration: '在职党员报到',
  memberPost: '设岗定责', householdLink: '联系户', settings: '设置', activity: '活动', attachment: '附件', import: '导入', export: '导出', report: '台帐导出',
  demo: '演示数据', contract: '责任书', contractTemplate: '责任书模板', assessment: '考核', appraisal: '民主评议', backup: '备份',
  session: '登录与锁定', memberEvent: '党员事件', applicant: '发展党员', duesBase: '党费基数', duesPayment: '党费缴纳', duesRemittance: '党费上缴',
  residentFeedback: '报到季度反馈', residentEvaluation: '报到年度评价',
  secretaryReview: '述职评议', commendation: '表彰',
  post: '设岗', postReview: '考核评岗', workPlan: '计划总结', workArrangement: '月度安排',
  aidRecord: '帮扶记录', donationStation: '捐助站', donation: '捐助收发', mobileContactPerson: '流动党员联系人', mobileContact: '流动党员联系',
  household: '民情卡', visit: '走访',
};

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名', idNumber: '身份证号', gender: '性别', ethnicity: '民族', birthDate: '出生日期', nativePlace: '籍贯', education: '学历', kind: '人员类别',
  joinedOn: '入党日期', confirmedOn: '转正日期', orgId: '党组织', groupId: '党小组', parentId: '上级党组织', employer: '工作单位及职务', job: '工作岗位',
  phone: '联系电话', address: '现居住地', categories: '人员分类', skills: '特长', lostContactSince: '失联时间', note: '备注', status: '状态',
  standing: '党籍状态', reason: '原因', date: '日期', toOrg: '转往党组织', fromOrg: '转出党组织', type: '类型', category: '类别', shortName: '简称',
  title: '标题', year: '年度', grade: '等次', total: '总分', scores: '评分', preamble: '序言', indicators: '指标数', sum: '分值合计', issued: '下达',
  issuedOn: '下达日期', signedOn: '签订日期', refreshed: '更新', skipped: '跳过', register: '台帐', format: '格式', file: '文件', bytes: '大小（字节）',
  pages: '页数', period: '期间', from: '起', to: '止', includeDescendants: '含下级党组织', maskIds: '身份证号遮蔽', topic: '主题', place: '地点',
  minutes: '会议记录', decisions: '决定事项', host: '主持人', recorder: '记录人', lecturer: '授课人', startTime: '开始时间', endTime: '结束时间',
  attendance: '出勤', absenceReason: '缺席原因', months: '月数', post: '岗位', pledge: '承诺', appraisedOn: '评议日期', memberId: '党员', contractId: '责任书',
  org: '党组织', reasonText: '说明', idleLockMinutes: '空闲锁定分钟数', role: '角色', disabled: '停用',
  letterNumber: '介绍信编号', duesPaidTo: '党费交至', rows: '行数', asOf: '截至日期', toOrgId: '调整到',
  attended: '参加活动次数', services: '服务内容', hours: '服务时长（小时）', comment: '社区意见', sentOn: '反馈日期', unitOrg: '单位党组织',
  communityOrgId: '报到社区', registeredOn: '登记日期', isCadre: '副科级以上干部', serviceIntent: '服务意向',
  secretary: '述职人', reportedOn: '述职日期', attendees: '参加人员', members: '党员评议', residents: '群众代表评议', good: '好', fair: '较好',
  average: '一般', poor: '差', householdName: '家庭', householdAddress: '家庭住址', level: '级别', awardedOn: '表彰日期', issuer: '表彰单位', docNumber: '文号',
  duty: '岗位职责', capacity: '设岗人数', appliedOn: '申报日期', fromDate: '开始日期', postId: '岗位', memberPostId: '岗位记录', result: '评岗结果',
  reviewedOn: '评岗日期', retiredOn: '撤岗日期', content: '正文', submittedOn: '报送日期', month: '月份', activityType: '活动类型', plannedOn: '计划日期',
  estate: '小区', building: '楼栋', unit: '单元', room: '室', head: '户主', people: '家庭成员', needs: '需求与意见',
  closedOn: '注销日期', closeReason: '注销原因', householdId: '住户', memberIds: '走访党员', others: '其他走访人',
  concernCategory: '民情类别', concern: '民情内容', referredTo: '转办', resolvedOn: '办结日期', resolution: '办理结果', activityId: '走访活动',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: MEMBER_KIND_LABELS, standing: STANDING_LABELS, reason: LEFT_REASON_LABELS, grade: APPRAISAL_GRADE_LABELS, categories: { ...HOUSEHOLD_CATEGORY_LABELS, ...MEMBER_CATEGORY_LABELS }, concernCategory: CONCERN_CATEGORY_LABELS,
  absenceReason: ABSENCE_REASON_LABELS, type: { ...ORG_TYPE_LABELS, ...Object.fromEntries(ACTIVITY_TYPES.map((t) => [t.code, t.label])) }, category: ORG_CATEGORY_LABELS,
  format: { pdf: 'PDF', xlsx: 'Excel' }, result: POST_REVIEW_LABELS, register: Object.fromEntries(REGISTERS.map((r) => [r.name, r.title])),
};

const ORG_KEYS = new Set(['orgId', 'groupId', 'parentId', 'communityOrgId']);

/** One stored value in words; `orgName` names an org id (its name, or undefined when unknown). */
export function displayValue(key: string, v: unknown, orgName: (id: number) => string | undefined): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (ORG_KEYS.has(key) && typeof v === 'number') return orgName(v) ?? `已撤销的党组织（编号 ${v}）`;
  if (Array.isArray(v)) return v.length ? v.map((x) => displayValue(key, x, orgName)).join('、') : '空';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${FIELD_LABELS[k] ?? k} ${displayValue(k, x, orgName)}`).join('，');
  return VALUE_LABELS[key]?.[String(v)] ?? String(v);
}

/** A field's change, "党小组：空 → 第一党小组". */
export function changeLine(key: string, from: unknown, to: unknown, orgName: (id: number) => string | undefined): string {
  return `${FIELD_LABELS[key] ?? key}：${displayValue(key, from, orgName)} → ${displayValue(key, to, orgName)}`;
}

/** An audit entry's before/after (JSON as stored) as lines: changed fields "a → b", otherwise 字段：值. */
export function auditLines(before: string | null, after: string | null, orgName: (id: number) => string | undefined): { changes: string[]; before: string[]; after: string[] } {
  const parse = (s: string | null): unknown => {
    if (s === null) return null;
    try {
      return JSON.parse(s);
    } catch {
      return s;
    }
  };
  const b = parse(before);
  const a = parse(after);
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const fields = (x: unknown) => (isObj(x) ? Object.entries(x).map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${displayValue(k, v, orgName)}`) : x === null ? [] : [displayValue('', x, orgName)]);
  if (isObj(b) && isObj(a)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const changed = keys.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
    return { changes: changed.map((k) => changeLine(k, b[k], a[k], orgName)), before: [], after: [] };
  }
  return { changes: [], before: fields(b), after: fields(a) };
}
