// 民情卡 (households), 党员联系户 and 走千家 visits: the code lists the forms, registers and the
// demo street share. Categories are several per household (分门别类); a 民情 (concern) has one.
export const HOUSEHOLD_CATEGORIES = [
  'lowIncome', 'hardship', 'disabled', 'emptyNestElderly', 'livingAlone', 'leftBehind', 'unemployed', 'released', 'veteran', 'other',
] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];
export const HOUSEHOLD_CATEGORY_LABELS: Record<HouseholdCategory, string> = {
  lowIncome: '低保',
  hardship: '困难',
  disabled: '残疾',
  emptyNestElderly: '空巢老人',
  livingAlone: '独居',
  leftBehind: '留守',
  unemployed: '失业',
  released: '刑满释放/帮教',
  veteran: '优抚对象',
  other: '其他',
};

/** What a visit learnt (民情): one category per visit. */
export const CONCERN_CATEGORIES = [
  'livelihood', 'employment', 'medical', 'housing', 'environment', 'safety', 'dispute', 'policy', 'suggestion', 'none',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export const CONCERN_CATEGORY_LABELS: Record<ConcernCategory, string> = {
  livelihood: '生活困难',
  employment: '就业',
  medical: '医疗健康',
  housing: '住房',
  environment: '环境卫生',
  safety: '治安安全',
  dispute: '矛盾纠纷',
  policy: '政策咨询',
  suggestion: '意见建议',
  none: '无诉求',
};

/**
 * The 五带六有 pledge printed on every 党员联系卡. The seeds name the pledge but not its words; this
 * is the wording streets commonly print (a street with its own wording edits it here).
 */
export const CONTACT_CARD_PLEDGE = {
  title: '五带六有',
  fiveLeads: ['带头学习提高', '带头遵纪守法', '带头服务群众', '带头弘扬正气', '带头维护稳定'],
  sixHaves: ['有联系户名单', '有走访记录', '有民情日记', '有帮扶措施', '有承诺事项', '有群众评价'],
} as const;

/** One line of a household's address: 小区 楼栋 单元 室, or the free text kept from before. */
export function householdAddress(h: { estate: string | null; building: string | null; unit: string | null; room: string | null; address: string | null }): string {
  const parts = [h.estate, h.building && `${h.building}${/[栋幢号楼]$/.test(h.building) ? '' : '栋'}`, h.unit && `${h.unit}${/单元$/.test(h.unit) ? '' : '单元'}`, h.room && `${h.room}${/室$/.test(h.room) ? '' : '室'}`];
  const built = parts.filter(Boolean).join('');
  return [built, h.address].filter(Boolean).join(' ');
}
