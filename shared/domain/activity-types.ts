// Activity types (活动 / 组织生活). The built-in list is fixed; a street may add its own types in
// the settings table (key 'activityTypes': [{code, label}]), which get no rule until configured.
import { z } from 'zod';

export const BUILTIN_ACTIVITY_TYPES = [
  'branchAssembly', 'committeeMeeting', 'groupMeeting', 'partyLesson', 'themeDay', 'lifeMeeting',
  'heartTalk', 'memberAppraisal', 'remoteEducation', 'volunteer', 'visit', 'assistance', 'jointMeeting', 'democraticLife', 'other',
] as const;

/** 民主生活会: the yearly meeting of a 党委/党总支's leading group (its committee), built in since migration 10. */
export const DEMOCRATIC_LIFE_LABEL = '民主生活会';

export type ActivityTypeDef = {
  code: string;
  label: string;
  /** One of 三会一课 (the four meetings the inspectors ask about first). */
  core: boolean;
  /** Attendance of this type counts in a member's attendance rate (组织生活 the member is expected at). */
  countsForAttendance: boolean;
  /** Who is expected: the org's roster, its committee (支委), the group's members, or nobody by default. */
  expected: 'roster' | 'committee' | 'group' | 'none';
  /** Only for 党课: the form asks for the lecturer (主讲人). */
  hasLecturer?: boolean;
  builtin: boolean;
};

export const ACTIVITY_TYPES: readonly ActivityTypeDef[] = [
  { code: 'branchAssembly', label: '支部党员大会', core: true, countsForAttendance: true, expected: 'roster', builtin: true },
  { code: 'committeeMeeting', label: '支部委员会会议', core: true, countsForAttendance: true, expected: 'committee', builtin: true },
  { code: 'groupMeeting', label: '党小组会', core: true, countsForAttendance: true, expected: 'group', builtin: true },
  { code: 'partyLesson', label: '党课', core: true, countsForAttendance: true, expected: 'roster', hasLecturer: true, builtin: true },
  { code: 'themeDay', label: '主题党日', core: false, countsForAttendance: true, expected: 'roster', builtin: true },
  { code: 'lifeMeeting', label: '组织生活会', core: false, countsForAttendance: true, expected: 'roster', builtin: true },
  { code: 'heartTalk', label: '谈心谈话', core: false, countsForAttendance: false, expected: 'none', builtin: true },
  { code: 'memberAppraisal', label: '民主评议党员', core: false, countsForAttendance: true, expected: 'roster', builtin: true },
  { code: 'remoteEducation', label: '远程教育集中收看', core: false, countsForAttendance: false, expected: 'roster', builtin: true },
  { code: 'volunteer', label: '志愿服务', core: false, countsForAttendance: false, expected: 'none', builtin: true },
  { code: 'visit', label: '走访', core: false, countsForAttendance: false, expected: 'none', builtin: true },
  { code: 'assistance', label: '帮扶', core: false, countsForAttendance: false, expected: 'none', builtin: true },
  { code: 'jointMeeting', label: '党建联席会', core: false, countsForAttendance: false, expected: 'none', builtin: true },
  { code: 'democraticLife', label: DEMOCRATIC_LIFE_LABEL, core: false, countsForAttendance: false, expected: 'committee', builtin: true },
  { code: 'other', label: '其他', core: false, countsForAttendance: false, expected: 'none', builtin: true },
];

/** The settings key holding custom activity types. */
export const CUSTOM_ACTIVITY_TYPES_KEY = 'activityTypes';

export const customActivityTypeSchema = z.object({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/, '类型代码只能用英文字母和数字'),
  label: z.string().trim().min(1, '请输入类型名称').max(20),
  countsForAttendance: z.boolean().default(false),
  expected: z.enum(['roster', 'committee', 'group', 'none']).default('none'),
});
export type CustomActivityType = z.output<typeof customActivityTypeSchema>;

/** The built-in types followed by the street's own (a custom code never shadows a built-in). */
export function mergeActivityTypes(custom: readonly CustomActivityType[]): ActivityTypeDef[] {
  const builtin = new Set<string>(BUILTIN_ACTIVITY_TYPES);
  return [
    ...ACTIVITY_TYPES,
    ...custom.filter((c) => !builtin.has(c.code)).map((c) => ({ ...c, core: false, builtin: false })),
  ];
}

export function activityTypeLabel(code: string, types: readonly ActivityTypeDef[] = ACTIVITY_TYPES): string {
  return types.find((t) => t.code === code)?.label ?? code;
}

/** Reasons of absence (缺席原因). */
export const ABSENCE_REASONS = ['sick', 'business', 'away', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = { sick: '因病', business: '因公', away: '外出', other: '其他' };

export const ATTENDANCE_STATUSES = ['present', 'absent', 'observer'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
