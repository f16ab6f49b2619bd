// The organisation tree of the demo street: orgs, 党小组, 十有, instructors, partner units and
// committee terms (the people in each term are chosen once the members exist: ./roles).
import { FACILITY_CODES, defaultTermYears } from '../../../shared/domain/org';
import type { Rng } from './random';
import type { DemoOrg, DemoPartner, DemoTerm } from './model';
import { STREET_PLAN, type OrgPlan } from './street-plan';
import { COMMUNITIES, STREET, officePhone, mobilePhone } from './places';
import { addYears, addDays, randomDate } from './dates';
import type { PersonFactory } from './people';

const GROUP_NAMES = ['第一党小组', '第二党小组', '第三党小组', '第四党小组'];

const PARTNERS: readonly { name: string; content: string }[] = [
  { name: '区税务局第三税务所党支部', content: '开展税收政策进社区宣传，为小微企业和个体户提供办税辅导' },
  { name: '区人民医院第二党支部', content: '每季度组织专家进社区义诊、健康讲座' },
  { name: '锦澜供电所党支部', content: '用电安全检查、老旧小区线路改造协调' },
  { name: '区市场监督管理局锦澜所党支部', content: '食品安全宣传、商户诚信经营共建' },
  { name: '滨河中学党总支', content: '青少年暑期社会实践、假期托管' },
  { name: '区消防救援大队锦澜中队党支部', content: '消防安全培训、应急演练进小区' },
  { name: '杭州银行锦澜支行党支部', content: '反电信诈骗宣传、老年人金融知识讲座' },
  { name: '区司法局锦澜司法所党支部', content: '法律咨询、矛盾纠纷调解' },
  { name: '中国移动滨江分公司党支部', content: '老年人智能手机使用培训' },
  { name: '区城市管理局锦澜中队党支部', content: '环境整治、垃圾分类督导' },
  { name: '绿城物业滨河项目部党支部', content: '物业服务议事协商、小区微改造' },
];

const PARTNER_CONTACT_TITLES = ['书记', '副书记', '组织委员', '支部书记'];

function planTermYears(plan: OrgPlan): number | null {
  if (plan.type === 'committee' || plan.type === 'group') return null;
  return defaultTermYears(plan.category);
}

export function buildOrgs(rng: Rng, people: PersonFactory, today: string): DemoOrg[] {
  const orgs: DemoOrg[] = [];
  const byKey = new Map<string, DemoOrg>();
  let nextId = 1;
  let sort = 0;
  for (const plan of STREET_PLAN) {
    if (plan.foundedOn > today) continue;
    const parent = plan.parent ? byKey.get(plan.parent) : undefined;
    const community = COMMUNITIES.find((c) => c.key === plan.community);
    const missing = new Set(plan.missingFacilities ?? []);
    const org: DemoOrg = {
      id: nextId++,
      key: plan.key,
      parentId: parent?.id ?? null,
      name: plan.name,
      shortName: plan.shortName,
      type: plan.type,
      category: plan.category,
      foundedOn: plan.foundedOn,
      address: plan.address ?? community?.officeAddress ?? STREET.officeAddress,
      phone: plan.key === 'committee' ? STREET.officePhone : officePhone(rng),
      units: plan.units ?? null,
      termYears: planTermYears(plan),
      facilities: plan.type === 'committee' ? [] : FACILITY_CODES.filter((c) => !missing.has(c)),
      instructor: null,
      instructorPhone: null,
      sortOrder: sort++,
      place: plan.place ?? '街道党群服务中心会议室',
      plan,
      groups: [],
      terms: [],
      partners: [],
    };
    if (plan.instructor) {
      org.instructor = `${people.nameOnly(rng.chance(0.5) ? '男' : '女', rng.int(1972, 1992))}`;
      org.instructorPhone = mobilePhone(rng);
    }
    orgs.push(org);
    byKey.set(plan.key, org);
    for (let g = 0; g < (plan.groups ?? 0); g++) {
      const group: DemoOrg = {
        ...org,
        id: nextId++,
        key: `${plan.key}-g${g + 1}`,
        parentId: org.id,
        name: `${plan.name}${GROUP_NAMES[g]}`,
        shortName: GROUP_NAMES[g]!,
        type: 'group',
        units: null,
        termYears: null,
        facilities: [],
        instructor: null,
        instructorPhone: null,
        phone: null,
        sortOrder: sort++,
        plan: null,
        groups: [],
        terms: [],
        partners: [],
      };
      org.groups.push(group);
      orgs.push(group);
    }
  }
  addPartners(rng, people, orgs);
  addTerms(rng, orgs, today);
  return orgs;
}

function addPartners(rng: Rng, people: PersonFactory, orgs: DemoOrg[]): void {
  for (const org of orgs) {
    const n = org.plan?.partners ?? 0;
    for (const p of rng.sample(PARTNERS, n)) {
      if (p.name.startsWith(org.name)) continue;
      const since = randomDate(rng, '2019-01-01', '2024-06-30');
      const partner: DemoPartner = {
        name: p.name,
        contact: `${people.nameOnly(rng.chance(0.5) ? '男' : '女', rng.int(1968, 1990))}（${rng.pick(PARTNER_CONTACT_TITLES)}）`,
        phone: mobilePhone(rng),
        since,
        until: null,
        content: p.content,
      };
      org.partners.push(partner);
    }
  }
}

/** Current term from the plan; the one before it when the current began after 2024 (ended). */
function addTerms(rng: Rng, orgs: DemoOrg[], today: string): void {
  let termId = 0;
  for (const org of orgs) {
    const plan = org.plan;
    if (!plan?.term || !org.termYears) continue;
    const years = org.termYears;
    let elected = plan.term.electedOn;
    const terms: DemoTerm[] = [];
    // A re-election planned after 'today' has not happened yet: the previous term is current.
    const previousElected = addDays(addYears(elected, -years), -rng.int(0, 20));
    const reElected = elected <= today;
    if (!reElected) elected = previousElected;
    const prevStart = previousElected < org.foundedOn ? org.foundedOn : previousElected;
    if (reElected && elected > '2024-01-01' && prevStart < elected) {
      terms.push({ id: 0, electedOn: prevStart, expiresOn: addYears(prevStart, years), endedOn: elected, roles: [] });
    }
    terms.push({ id: 0, electedOn: elected, expiresOn: addYears(elected, years), endedOn: null, roles: [] });
    for (const t of terms) t.id = ++termId;
    org.terms = terms;
  }
}
