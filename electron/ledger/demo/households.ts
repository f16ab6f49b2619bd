// 走千家 on the demo street: each 联系户 a community member keeps (planned in ./members) becomes a
// 民情卡 with its 小区/楼栋/单元/室, family, categories and needs; a few are 注销 with a reason; and
// each is visited by its contact members a few times a year, with the 民情 heard, some of it 转办
// and mostly 办结. A visit is written with its own 走访 activity, as recordVisit does.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CONCERN_CATEGORY_LABELS, type ConcernCategory, type HouseholdCategory } from '../../../shared/domain/household';
import { addDays, maxDate, minDate, randomDate } from './dates';
import { type DemoStreet, activeIn } from './model';
import { PersonFactory } from './people';
import type { Rng } from './random';
import { mobilePhone } from './places';
import { maskAddress } from '../../../shared/reports/masking';

const CATEGORY_WEIGHTS: readonly (readonly [HouseholdCategory[], number])[] = [
  [['emptyNestElderly'], 18], [['livingAlone'], 10], [['emptyNestElderly', 'disabled'], 4], [['lowIncome'], 9], [['lowIncome', 'disabled'], 4],
  [['hardship'], 8], [['hardship', 'unemployed'], 5], [['unemployed'], 6], [['leftBehind'], 5], [['released'], 2], [['veteran'], 4], [[], 25],
];

const NEEDS: Record<HouseholdCategory | 'none', readonly string[]> = {
  lowIncome: ['希望了解低保年审材料', '冬季取暖费有困难', '孩子上学需要助学金'],
  hardship: ['家中老人长期服药，医药费负担重', '房屋漏水需要维修', '希望申请临时救助'],
  disabled: ['需要办理残疾证年审', '希望安装扶手等无障碍设施', '出行不便，需要代办业务'],
  emptyNestElderly: ['子女在外地，希望定期上门看看', '需要代买药品', '希望参加社区老年活动'],
  livingAlone: ['夜间突发疾病无人照应', '希望安装紧急呼叫设备', '需要助餐服务'],
  leftBehind: ['孩子放学后无人看护', '希望参加暑期托管', '老人照看孙辈吃力'],
  unemployed: ['希望推荐就业岗位', '想参加技能培训', '灵活就业社保补贴咨询'],
  released: ['需要帮助落实就业', '希望得到心理疏导'],
  veteran: ['优待证办理咨询', '希望参加退役军人活动'],
  other: ['对小区停车管理有意见'],
  none: ['楼道堆放杂物需清理', '小区路灯损坏', '希望增加健身器材', '垃圾分类投放点太远'],
};

const CONCERNS: readonly (readonly [ConcernCategory, number, readonly string[]])[] = [
  ['none', 30, ['身体状况良好，生活正常', '家中一切正常，感谢党员上门']],
  ['livelihood', 14, ['冬季取暖费用有困难', '家中电器老旧存在安全隐患', '日常买菜不便']],
  ['medical', 12, ['老人慢性病需定期取药', '希望家庭医生上门随访', '想了解医保报销政策']],
  ['environment', 10, ['楼道堆放杂物，存在消防隐患', '小区绿化带有垃圾', '下水道堵塞']],
  ['employment', 8, ['子女毕业后未就业', '希望参加家政培训', '想了解公益性岗位']],
  ['housing', 6, ['屋顶漏水', '楼道扶手松动', '老旧小区改造进度咨询']],
  ['safety', 5, ['单元门禁损坏', '夜间有电动车楼道充电']],
  ['dispute', 4, ['与楼上邻居因漏水产生矛盾', '车位纠纷']],
  ['policy', 6, ['高龄津贴申领', '养老保险缴费咨询', '残疾人两项补贴申请']],
  ['suggestion', 5, ['建议增加老年助餐点', '建议组织邻里节活动']],
];

const REFERRALS: Partial<Record<ConcernCategory, readonly string[]>> = {
  livelihood: ['社区民政专干', '街道社会事务办'], medical: ['社区卫生服务站'], environment: ['物业服务中心', '街道城管科'],
  employment: ['社区劳动保障站'], housing: ['物业服务中心', '街道城建办'], safety: ['社区警务室', '物业服务中心'],
  dispute: ['社区人民调解委员会'], policy: ['社区民政专干', '社区社保窗口'],
};

const RESOLUTIONS = ['已上门处理', '已协调解决', '已办理完毕并回访', '已落实，居民满意'];
const CLOSE_REASONS = ['家庭收入提高，核实脱困', '搬离本社区', '户主去世，家人随子女居住', '子女接回同住'];
const RELATIONS = ['配偶', '儿子', '女儿', '孙子', '孙女', '儿媳'];
const ACTIVITIES_FROM = '2024-01-01';
const ADDRESS = /^锦澜街道(.+?)(\d+)幢(\d+)单元(\d+)室$/;

export function writeHouseholds(db: Database, street: DemoStreet, rng: Rng, at: string): void {
  const people = new PersonFactory(rng.fork('people'));
  const today = street.today;
  const household = db.prepare(`INSERT INTO households (org_id, estate, building, unit, room, address, head, phone, people, categories, needs, registered_on,
    closed_on, close_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const contact = db.prepare('INSERT INTO household_contacts (member_id, household_id, from_date, to_date, created_at) VALUES (?,?,?,?,?)');
  const activity = db.prepare(`INSERT INTO activities (org_id, type, date, place, topic, host, recorder, minutes, created_at, updated_at) VALUES (?, 'visit', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const present = db.prepare("INSERT INTO attendance (activity_id, member_id, status) VALUES (?, ?, 'present')");
  const visit = db.prepare(`INSERT INTO visits (household_id, org_id, date, member_ids, concern_category, concern, referred_to, resolved_on, resolution,
    activity_id, own_activity, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?)`);

  for (const m of street.members) {
    const orgId = m.spans[m.spans.length - 1]!.orgId;
    for (const h of m.households) {
      const parts = ADDRESS.exec(h.address);
      const categories = rng.weighted(CATEGORY_WEIGHTS);
      const registeredOn = maxDate('2020-01-01', addDays(h.since, -rng.int(0, 60)));
      const closedOn = rng.chance(0.07) ? randomDate(rng, addDays(h.since, 90), addDays(today, -5)) : null;
      const family = categories.includes('livingAlone') || categories.includes('emptyNestElderly') && rng.chance(0.5) ? [] :
        Array.from({ length: rng.int(1, 3) }, () => ({ name: people.nameOnly(rng.chance(0.5) ? '男' : '女', rng.int(1950, 2015)), relation: rng.pick(RELATIONS), phone: rng.chance(0.4) ? mobilePhone(rng) : null }));
      const needs = rng.chance(0.8) ? rng.pick(NEEDS[categories[0] ?? 'none']) : null;
      const id = Number(household.run(orgId, parts?.[1] ?? null, parts?.[2] ?? null, parts?.[3] ?? null, parts?.[4] ?? null, parts ? null : h.address,
        h.household, h.phone, JSON.stringify(family), JSON.stringify(categories), needs, registeredOn,
        closedOn, closedOn ? rng.pick(CLOSE_REASONS) : null, at, at).lastInsertRowid);
      contact.run(m.id, id, h.since, closedOn, at);
      // The building only: the 走访 activity prints in the 三会一课 registers, which mask no addresses.
      const where = parts ? `${parts[1]}${parts[2]}栋` : maskAddress(h.address);

      // Visits from the day contact began (the demo's activities start in 2024) to today or the 注销: a few a year, by this member.
      const last = minDate(closedOn ?? today, addDays(today, -1));
      for (let d = addDays(h.since, rng.int(10, 60)); d <= last; d = addDays(d, rng.int(70, 160))) {
        if (d < ACTIVITIES_FROM || !activeIn(m, orgId, d)) continue;
        const [category, , texts] = rng.weighted(CONCERNS.map((c) => [c, c[1]] as const));
        const concern = rng.pick(texts);
        const referredTo = REFERRALS[category] && rng.chance(0.45) ? rng.pick(REFERRALS[category]!) : null;
        const resolvedOn = referredTo ? addDays(d, rng.int(2, 30)) : null;
        const resolved = resolvedOn !== null && resolvedOn <= today && rng.chance(0.85) ? resolvedOn : null;
        const minutes = `${m.name}入户走访${h.household}户，了解家庭近况，宣传惠民政策。民情：${CONCERN_CATEGORY_LABELS[category]}：${concern}${referredTo ? `\n转办：${referredTo}` : ''}`;
        const activityId = Number(activity.run(orgId, d, where, `走千家：走访${h.household}户（${where}）`, m.name, m.name, minutes, at, at).lastInsertRowid);
        present.run(activityId, m.id);
        visit.run(id, orgId, d, JSON.stringify([m.id]), category, concern, referredTo, resolved, resolved ? rng.pick(RESOLUTIONS) : null, activityId, at, at);
      }
    }
  }
}
