// The demo street's 五助二扶一带: each community's 爱心捐助站 with money and goods from partner
// units and residents and what went out (never more money than it held), help records by members,
// branches and partner units in the eight categories, and the 流动党员 contact log — a contact
// person for each mobile member and contacts every month or two, one member not reached this quarter.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type AidCategory, CONTACT_WAYS, quarterOf } from '../../../shared/domain/aid';
import { householdAddress } from '../../../shared/domain/household';
import { COMMUNITIES, address } from './places';
import { addDays, addMonths, maxDate, minDate, randomDate } from './dates';
import type { DemoMember, DemoStreet } from './model';
import { PersonFactory } from './people';
import { Rng } from './random';

const START = '2024-01-01';

const HELP: readonly { category: AidCategory; weight: number; content: readonly [string, number][] }[] = [
  { category: 'study', weight: 3, content: [['资助困难学生学习用品', 300], ['发放助学金', 1000], ['党员志愿者辅导功课', 0], ['“金秋助学”慰问', 500]] },
  { category: 'poverty', weight: 4, content: [['春节走访慰问，送米面油', 200], ['发放慰问金', 500], ['协助申请临时救助', 0]] },
  { category: 'disability', weight: 2, content: [['送轮椅一辆', 600], ['帮助办理残疾人证', 0], ['上门理发、打扫卫生', 0]] },
  { category: 'elderly', weight: 4, content: [['为空巢老人上门送餐', 0], ['重阳节慰问，送营养品', 150], ['陪同就医', 0], ['更换老旧电线、安装扶手', 80]] },
  { category: 'migrantWorker', weight: 1, content: [['协助追讨拖欠工资', 0], ['送清凉（防暑用品）', 100]] },
  { category: 'reemployment', weight: 2, content: [['推荐到物业公司就业', 0], ['介绍参加家政服务技能培训', 0]] },
  { category: 'lowIncome', weight: 2, content: [['帮助开办小卖部，联系货源', 0], ['发放慰问金', 500], ['协助办理低保年审', 0]] },
  { category: 'probation', weight: 1, content: [['谈心谈话，帮助落实就业', 0], ['定期帮教走访', 0]] },
];

const DONORS = ['辖区居民', '退休党员', '爱心人士'];
const GOODS: readonly [string, number][] = [['棉被 10 床', 1200], ['大米 20 袋', 800], ['食用油 20 桶', 1000], ['冬衣 30 件', 900], ['学习用品 40 套', 600], ['牛奶 15 箱', 750]];

export function writeDemoHelp(db: Database, street: DemoStreet, at: string): void {
  const rng = new Rng(street.seed).fork('help');
  const people = new PersonFactory(rng.fork('people'));
  const today = street.today;
  const aid = db.prepare(`INSERT INTO aid_records (org_id, household_id, recipient, address, category, helper_kind, helper_member_id, helper_org_id, helper_name, content, value_fen, date, notable, created_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const station = db.prepare('INSERT INTO donation_stations (org_id, name, address, keeper, created_at) VALUES (?,?,?,?,?)');
  const donation = db.prepare('INSERT INTO donations (station_id, direction, date, party, household_id, kind, description, value_fen, handled_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)');
  const give = (stationId: number, date: string, who: { name: string; householdId: number | null }, kind: 'money' | 'goods', what: string, fen: number, by: string | null) =>
    donation.run(stationId, 'out', date, who.name, who.householdId, kind, what, fen, by, at);
  const onRoll = (m: DemoMember, orgId: number) => m.standing === 'normal' && m.spans.at(-1)!.orgId === orgId && m.spans.at(-1)!.to === null && m.mobile.every((r) => r.to !== null);

  for (const community of COMMUNITIES) {
    const parent = street.orgs.find((o) => o.name.startsWith(community.name) && (o.type === 'partyCommittee' || o.type === 'generalBranch'));
    if (!parent) continue;
    const branches = street.branches.filter((b) => b.name.startsWith(community.name));
    const partners = [...parent.partners, ...branches.flatMap((b) => b.partners)].map((p) => p.name);
    // The households the community helps over and over: a few names with their addresses.
    // Most are on the community's 民情卡 (registered households); a few are helped without one.
    const cards = db.prepare(`SELECT id, head, estate, building, unit, room, address FROM households
      WHERE org_id IN (SELECT value FROM json_each(?)) AND closed_on IS NULL ORDER BY id`).all(JSON.stringify([parent.id, ...branches.map((b) => b.id)])) as
      ({ id: number; head: string } & Parameters<typeof householdAddress>[0])[];
    const registered = rng.sample(cards, Math.min(7, cards.length));
    const needy = Array.from({ length: 10 }, (_, i) => {
      const kind = rng.weighted(HELP.map((h) => [h, h.weight] as const));
      const card = registered[i];
      if (card) return { householdId: card.id, name: card.head, address: householdAddress(card), kind };
      const born = kind.category === 'study' ? rng.int(2008, 2016) : kind.category === 'elderly' ? rng.int(1935, 1950) : rng.int(1960, 1995);
      return { householdId: null, name: people.nameOnly(rng.chance(0.5) ? '男' : '女', born), address: address(community, rng), kind };
    });
    const keeper = street.members.find((m) => branches.some((b) => onRoll(m, b.id)));
    const stationId = Number(station.run(parent.id, `${community.name}爱心捐助站`, community.officeAddress, keeper?.name ?? null, at).lastInsertRowid);

    // Donations: each month something comes in; money goes out only while the station holds it.
    let money = 0;
    for (let month = START; month <= today; month = addMonths(month, 1)) {
      const last = minDate(addDays(addMonths(month, 1), -1), today);
      const day = (d: string) => (d > last ? last : d);
      const inDate = day(randomDate(rng, month, addDays(month, 12)));
      if (rng.chance(0.5)) {
        const fen = rng.int(5, 30) * 10_000;
        donation.run(stationId, 'in', inDate, partners.length && rng.chance(0.6) ? rng.pick(partners) : rng.pick(DONORS), null, 'money', '捐款（现金）', fen, keeper?.name ?? null, at);
        money += fen;
      }
      if (rng.chance(0.5)) {
        const [what, yuan] = rng.pick(GOODS);
        donation.run(stationId, 'in', inDate, partners.length ? rng.pick(partners) : rng.pick(DONORS), null, 'goods', what, yuan * 100, keeper?.name ?? null, at);
        // Goods go out within days, in two lots, to two households.
        const n = Number(/\d+/.exec(what)![0]);
        const first = Math.round(n / 2);
        for (const [k, fen] of [[first, Math.round((yuan * first) / n) * 100], [n - first, yuan * 100 - Math.round((yuan * first) / n) * 100]] as const) {
          give(stationId, day(addDays(inDate, rng.int(1, 10))), rng.pick(needy), 'goods', what.replace(/\d+/, String(k)), fen, keeper?.name ?? null);
        }
      }
      // 春节 and the months after: most of what came in goes out as 困难补助.
      for (let times = month.slice(5, 7) === '01' ? 3 : 1; times > 0 && money > 0; times--) {
        if (!rng.chance(0.75)) continue;
        const fen = Math.min(money, rng.int(3, 10) * 10_000);
        give(stationId, day(addDays(inDate, rng.int(3, 15))), rng.pick(needy), 'money', '困难补助（现金）', fen, keeper?.name ?? null);
        money -= fen;
      }
    }

    // Help records: two to five a month across the community's branches.
    if (branches.length === 0) continue;
    for (let month = START; month <= today; month = addMonths(month, 1)) {
      const last = minDate(addDays(addMonths(month, 1), -1), today);
      for (let n = rng.int(2, 5); n > 0; n--) {
        const branch = rng.pick(branches);
        const who = rng.pick(needy);
        const [content, yuan] = rng.pick(who.kind.content);
        const helpers = street.members.filter((m) => onRoll(m, branch.id));
        const r = rng.next();
        const [helperKind, memberId, orgId, name] = r < 0.55 && helpers.length
          ? (() => { const m = rng.pick(helpers); return ['member', m.id, null, m.name] as const; })()
          : r < 0.8 || partners.length === 0 ? ['org', null, branch.id, branch.name] as const : ['partner', null, null, rng.pick(partners)] as const;
        aid.run(branch.id, who.householdId, who.name, who.address, who.kind.category, helperKind, memberId, orgId, name, content, yuan * 100, randomDate(rng, month, last), rng.chance(0.06) ? 1 : 0, at);
      }
    }
  }
  writeMobileContacts(db, street, rng, at);
}

/** A contact person per mobile member and contacts every month or two; the first one found is left without a contact this quarter. */
function writeMobileContacts(db: Database, street: DemoStreet, rng: Rng, at: string): void {
  const person = db.prepare('INSERT INTO mobile_contact_persons (member_id, contact_member_id, contact_name, contact_phone, from_date, created_at) VALUES (?,?,?,?,?,?)');
  const contact = db.prepare('INSERT INTO mobile_contacts (member_id, date, way, contact_by, content, created_at) VALUES (?,?,?,?,?,?)');
  const today = street.today;
  const quarterStart = quarterOf(today).start;
  const CONTENT = ['了解工作和生活情况', '转发本月学习材料，提醒参加线上主题党日', '提醒按时交纳党费', '通报支部近期工作，听取意见建议', '节日问候，了解家中困难'];
  let overdueLeft = true;
  for (const m of street.members) {
    const open = m.mobile.find((r) => r.to === null && r.from <= today);
    const span = m.spans.at(-1)!;
    if (!open || (m.standing !== 'normal' && m.standing !== 'suspended') || span.to !== null) continue;
    const mates = street.members.filter((x) => x.id !== m.id && x.standing === 'normal' && x.spans.at(-1)!.orgId === span.orgId && x.spans.at(-1)!.to === null && x.mobile.every((r) => r.to !== null));
    if (mates.length === 0) continue;
    const keeper = rng.pick(mates);
    const from = maxDate(open.from, START);
    person.run(m.id, keeper.id, keeper.name, keeper.phone, from, at);
    const overdue = overdueLeft && quarterStart > from;
    if (overdue) overdueLeft = false;
    let d = addDays(from, rng.int(5, 30));
    let lastDate: string | null = null;
    while (d <= today && !(overdue && d >= quarterStart)) {
      contact.run(m.id, d, rng.pick(CONTACT_WAYS.filter((w) => w !== 'visit' || open.direction === 'in')), keeper.name, rng.pick(CONTENT), at);
      lastDate = d;
      d = addDays(d, rng.int(25, 60));
    }
    // Everyone else has been reached this quarter.
    if (!overdue && (lastDate === null || lastDate < quarterStart)) contact.run(m.id, randomDate(rng, quarterStart, today), 'phone', keeper.name, rng.pick(CONTENT), at);
  }
}
