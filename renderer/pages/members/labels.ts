// Option lists for the member pages' selects, in the order a clerk expects.
import { EDUCATION, JOBS, MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS, MEMBER_KINDS, MEMBER_KIND_LABELS, STANDINGS, STANDING_LABELS } from '../../../shared/domain/member';
import { AGE_BANDS } from '../../../shared/api/dashboard';

export const kindOptions = MEMBER_KINDS.map((k) => ({ value: k, label: MEMBER_KIND_LABELS[k] }));
export const categoryOptions = MEMBER_CATEGORIES.map((c) => ({ value: c, label: MEMBER_CATEGORY_LABELS[c] }));
export const standingOptions = STANDINGS.map((s) => ({ value: s, label: STANDING_LABELS[s] }));
export const educationOptions = EDUCATION.map((e) => ({ value: e.label, label: e.label }));
export const jobOptions = JOBS.map((j) => ({ value: j, label: j }));
export const ageBandOptions = AGE_BANDS.map((b) => ({ value: b.key, label: b.label }));
export const mobileOptions = [
  { value: 'any', label: '流动党员' },
  { value: 'out', label: '流出党员' },
  { value: 'in', label: '流入党员' },
  { value: 'none', label: '非流动党员' },
];
export const ETHNICITIES = ['汉族', '回族', '满族', '蒙古族', '壮族', '藏族', '维吾尔族', '苗族', '彝族', '土家族', '朝鲜族', '其他'];
