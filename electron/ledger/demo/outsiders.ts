// 双报到 of the demo street: Party members of outside units (县直机关, 国企 …) who live in one of the
// street's communities and report there; on no roster here. Each quarter ended since they
// registered has the community's feedback (a few missing, as in life), each finished year an
// evaluation. Written with SQL beside the rest of the street (one audit entry for the whole demo).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { APPRAISAL_GRADES } from '../../../shared/domain/member';
import { periodsOfYear } from '../../../shared/rules/periods';
import { addDays, minDate, randomDate } from './dates';
import type { DemoOrg } from './model';
import { PersonFactory } from './people';
import { mobilePhone } from './places';
import type { Rng } from './random';

const UNITS: readonly { employer: string; unitOrg: string }[] = [
  { employer: '区财政局', unitOrg: '中共区财政局机关支部委员会' },
  { employer: '区教育局', unitOrg: '中共区教育局机关党委' },
  { employer: '区市场监督管理局', unitOrg: '中共区市场监督管理局机关支部委员会' },
  { employer: '市城投集团', unitOrg: '中共市城投集团有限公司委员会' },
  { employer: '国网区供电公司', unitOrg: '中共国网区供电公司委员会' },
  { employer: '区人民法院', unitOrg: '中共区人民法院机关党委' },
];
const POSTS = ['科员', '副科长', '科长', '副局长', '主任科员', '工程师', '法官'];
const SERVICES = ['政策宣讲', '参与小区环境整治', '平安巡逻', '走访困难家庭', '法律咨询', '垃圾分类督导', '反诈宣传'];

type Outsider = {
  name: string; employer: string; unitOrg: string; phone: string; communityOrgId: number; registeredOn: string; isCadre: boolean; serviceIntent: string;
  feedback: { period: string; attended: number; services: string; hours: number; comment: string; sentOn: string }[];
  evaluations: { year: number; grade: (typeof APPRAISAL_GRADES)[number]; note: string }[];
};

export function buildOutsiders(rng: Rng, orgs: DemoOrg[], today: string): Outsider[] {
  const people = new PersonFactory(rng.fork('people'));
  const communities = orgs.filter((o) => o.plan?.community && (o.type === 'partyCommittee' || o.type === 'generalBranch'));
  const out: Outsider[] = [];
  for (const c of communities) {
    for (let i = rng.int(2, 3); i > 0; i--) {
      const p = people.make({ fromYear: 1968, toYear: 1992 });
      const unit = rng.pick(UNITS);
      const post = rng.pick(POSTS);
      const registeredOn = randomDate(rng, '2024-01-05', today < '2024-06-30' ? today : '2025-06-30');
      const o: Outsider = {
        name: p.name, employer: `${unit.employer} ${post}`, unitOrg: unit.unitOrg, phone: mobilePhone(rng), communityOrgId: c.id, registeredOn,
        isCadre: post.includes('长'), serviceIntent: rng.pick(SERVICES), feedback: [], evaluations: [],
      };
      for (let y = Number(registeredOn.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
        for (const q of periodsOfYear(y, 'quarter')) {
          if (q.end < registeredOn || q.end >= today || rng.chance(0.1)) continue;
          const attended = rng.int(1, 5);
          const services = rng.pick(SERVICES);
          o.feedback.push({
            period: q.key, attended, services, hours: attended * rng.int(2, 4), sentOn: minDate(addDays(q.end, rng.int(3, 20)), today),
            comment: `${p.name}同志本季度参加社区活动${attended}次，${services}，${rng.pick(['表现良好', '积极主动', '服务热情'])}。`,
          });
        }
        if (`${y}-12-31` < today) o.evaluations.push({ year: y, grade: rng.chance(0.3) ? 'excellent' : 'qualified', note: rng.pick(['服务群众热情', '按时参加社区活动', '认领岗位履职到位']) });
      }
      out.push(o);
    }
  }
  return out;
}

export function writeOutsiders(db: Database, outsiders: Outsider[], at: string): void {
  const reg = db.prepare(`INSERT INTO resident_registrations (member_id, name, employer, phone, community_org_id, unit_org, registered_on, is_cadre, service_intent, created_at)
    VALUES (NULL,?,?,?,?,?,?,?,?,?)`);
  const feedback = db.prepare('INSERT INTO resident_feedback (registration_id, period, attended, services, hours, comment, sent_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)');
  const evaluation = db.prepare('INSERT INTO resident_evaluations (registration_id, year, grade, note, created_at, updated_at) VALUES (?,?,?,?,?,?)');
  for (const o of outsiders) {
    const id = reg.run(o.name, o.employer, o.phone, o.communityOrgId, o.unitOrg, o.registeredOn, o.isCadre ? 1 : 0, o.serviceIntent, at).lastInsertRowid;
    for (const f of o.feedback) feedback.run(id, f.period, f.attended, f.services, f.hours, f.comment, f.sentOn, at, at);
    for (const e of o.evaluations) evaluation.run(id, e.year, e.grade, e.note, at, at);
  }
}
