// The code lists of the 党员基本信息采集表 (DOMAIN.md) and the spellings rosters use for them:
// 学历 (2-digit codes), 民族 (the 56 names), 工作岗位. A value is mapped onto its code list or left
// for the clerk; it never becomes a category of its own (大学 and 大学本科 are one bar).
import { EDUCATION, JOBS } from './member';

/** The 56 民族 (GB 3304 order). */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族',
  '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族',
  '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export const EDUCATION_LABELS: readonly string[] = EDUCATION.map((e) => e.label);

const EDUCATION_SPELLINGS: Record<string, string> = {
  博士: '博士研究生', 博士研究生: '博士研究生', 研究生博士: '博士研究生', 博士后: '博士研究生',
  硕士: '硕士研究生', 硕士研究生: '硕士研究生', 研究生: '硕士研究生', 研究生硕士: '硕士研究生',
  大学: '大学', 大学本科: '大学', 本科: '大学', 大本: '大学', 学士: '大学',
  大专: '大专', 大学专科: '大专', 专科: '大专', 高职: '大专', 高职高专: '大专',
  中专: '中专', 中等专科: '中等专科', 中等专业学校: '中等专科',
  高中: '普通高中', 普通高中: '普通高中', 普高: '普通高中',
  初中: '初中', 初级中学: '初中',
  小学: '小学',
  其他: '其他',
};

const JOB_SPELLINGS: Record<string, string> = {
  在岗职工: '在岗职工', 职工: '在岗职工', 在职: '在岗职工', 在岗: '在岗职工', 在职职工: '在岗职工',
  农牧渔民: '农牧渔民', 农民: '农牧渔民', 牧民: '农牧渔民', 渔民: '农牧渔民',
  学生: '学生', 在校学生: '学生',
  离退休: '离退休', 退休: '离退休', 离休: '离退休', 离退休人员: '离退休', 退休人员: '离退休',
  个体经营者: '个体经营者', 个体: '个体经营者', 个体户: '个体经营者',
  自由职业者: '自由职业者', 自由职业: '自由职业者',
  待业: '待业', 无业: '待业', 失业: '待业',
  其他: '其他',
};

/** The text without spaces, bracketed remarks and trailing 学历/文化/毕业 (大学本科学历 → 大学本科). */
function bare(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(]([^）)]*)[）)]/g, (_, inner: string) => (/博士|硕士/.test(inner) ? inner : ''))
    .replace(/(学历|文化程度|文化|毕业|肄业|在读)$/, '');
}

/** 学历 onto the code list: 大学本科 → 大学, 高中 → 普通高中, 研究生 → 硕士研究生 unless 博士 is said; 21 → 大学. */
export function normaliseEducation(text: string): string | null {
  const t = bare(text);
  if (!t) return null;
  const byCode = EDUCATION.find((e) => e.code === t);
  if (byCode) return byCode.label;
  if (EDUCATION_SPELLINGS[t]) return EDUCATION_SPELLINGS[t]!;
  if (/博士/.test(t)) return '博士研究生';
  if (/硕士|研究生/.test(t)) return '硕士研究生';
  return null;
}

/** 民族 onto the 56 names: 汉 → 汉族, 蒙古 → 蒙古族. */
export function normaliseEthnicity(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if ((ETHNICITIES as readonly string[]).includes(t)) return t;
  const withSuffix = `${t.replace(/族$/, '')}族`;
  return (ETHNICITIES as readonly string[]).includes(withSuffix) ? withSuffix : null;
}

/** 工作岗位 onto its code list. */
export function normaliseJob(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if ((JOBS as readonly string[]).includes(t)) return t;
  return JOB_SPELLINGS[t] ?? null;
}
