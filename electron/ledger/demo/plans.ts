// The demo street's 考核评岗 and its "年初有计划、月度有安排、年终有总结": each post holder rated at
// the end of every finished year, a 申报日期 a little before each taking of a post; every branch's
// plan (by 1 March, a few late) and summary (in December) — with two branches missing this year's
// plan and two last year's summary, so the warnings show — and a monthly arrangement or two taken
// from the meetings the branch then held, plus one now and then that was not carried out.
import type { PostReviewResult } from '../../../shared/domain/posts';
import type { Ledger } from '../ledger';
import { all } from '../sql';
import { ymd } from './dates';
import type { DemoStreet } from './model';
import { Rng } from './random';

const RESULTS: readonly (readonly [PostReviewResult, number])[] = [['excellent', 24], ['competent', 62], ['basic', 11], ['incompetent', 3]];
const REVIEW_NOTES: Record<PostReviewResult, readonly string[]> = {
  excellent: ['履职积极，群众评价好', '全年带头参加志愿服务', '承诺事项全部兑现'],
  competent: ['能按承诺履职', '完成岗位职责'],
  basic: ['参加活动次数偏少', '承诺事项部分兑现'],
  incompetent: ['长期未履职，已谈话提醒'],
};

const PLAN_LINES = [
  '一、加强思想政治建设。认真组织党员学习党的创新理论，每季度至少开展一次专题学习，用好“学习强国”和远程教育资源。',
  '二、严格落实“三会一课”制度。每月召开支部委员会会议、开展主题党日活动，每季度召开支部党员大会、上一次党课，年底召开组织生活会。',
  '三、抓好党员队伍建设。做好入党积极分子培养和发展党员工作，加强流动党员和在职党员报到管理，按月收缴党费。',
  '四、深化设岗定责和志愿服务。组织党员认岗履职，开展“走千家”入户走访和“五助二扶一带”帮扶活动。',
  '五、加强阵地和制度建设。完善“十有”阵地，规范党建台帐，按时报送各类材料。',
];
const SUMMARY_LINES = [
  '一、理论学习扎实开展。全年组织集中学习和党课，党员参学率较上年提高。',
  '二、组织生活规范有序。“三会一课”、主题党日按计划开展，会议记录完整。',
  '三、服务群众取得实效。党员认岗履职，开展入户走访、志愿服务和结对帮扶。',
  '四、存在的不足。部分党员参加活动不够经常，流动党员联系有待加强。',
  '五、下一年工作打算。继续抓好学习教育，推进设岗定责常态化，提升服务群众水平。',
];
const MISSED = ['走访困难党员', '楼道环境整治', '政策宣讲进小区', '结对帮扶回访'];

export function addDemoPlans(ledger: Ledger, street: DemoStreet): void {
  const rng = new Rng(street.seed).fork('plans');
  const db = ledger.db;
  const at = `${street.today}T09:00:00.000Z`;
  const thisYear = Number(street.today.slice(0, 4));
  const firstYear = 2024;

  // 申报上岗 a few days before the post was taken (deterministic from the row).
  db.prepare("UPDATE member_posts SET applied_on = date(from_date, '-' || (3 + id % 12) || ' days')").run();
  const review = db.prepare('INSERT INTO post_reviews (member_post_id, year, result, note, reviewed_on, created_at) VALUES (?,?,?,?,?,?)');
  for (let y = firstYear; y < thisYear; y++) {
    const held = all<{ id: number }>(ledger, 'SELECT id FROM member_posts WHERE from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY id', `${y}-10-31`, `${y}-12-31`);
    for (const h of held) {
      const result = rng.weighted(RESULTS);
      review.run(h.id, y, result, rng.chance(0.4) || result !== 'competent' ? rng.pick(REVIEW_NOTES[result]) : null, ymd(y, 12, rng.int(15, 28)), at);
    }
  }

  const plan = db.prepare('INSERT INTO work_plans (org_id, year, kind, title, content, submitted_on, created_at) VALUES (?,?,?,?,?,?,?)');
  const arrangement = db.prepare('INSERT INTO work_arrangements (org_id, month, title, activity_type, planned_on, note, created_at) VALUES (?,?,?,?,?,?,?)');
  const lastMonth = street.today.slice(0, 7);
  for (let y = firstYear; y <= thisYear; y++) {
    const existing = street.branches.filter((b) => b.foundedOn <= `${y}-12-31`);
    const planned = existing.filter((b) => b.foundedOn <= `${y}-03-01`);
    // This year: two branches have not handed in a plan; last year: two no summary.
    const noPlan = new Set(y === thisYear ? rng.sample(planned, 2).map((b) => b.id) : []);
    const noSummary = new Set(y === thisYear - 1 ? rng.sample(existing, 2).map((b) => b.id) : []);
    for (const b of existing) {
      const late = rng.chance(0.08);
      const planOn = late ? ymd(y, 3, rng.int(5, 25)) : ymd(y, rng.int(1, 2), rng.int(6, 26));
      if (planned.includes(b) && !noPlan.has(b.id) && planOn <= street.today) {
        plan.run(b.id, y, 'plan', `${b.name}${y}年党建工作计划`, PLAN_LINES.join('\n'), planOn, at);
      }
      const summaryOn = ymd(y, 12, rng.int(10, 28));
      if (!noSummary.has(b.id) && summaryOn <= street.today) {
        plan.run(b.id, y, 'summary', `${b.name}${y}年党建工作总结`, SUMMARY_LINES.join('\n'), summaryOn, at);
      }
      const acts = all<{ type: string; date: string; topic: string }>(
        ledger,
        "SELECT type, date, topic FROM activities WHERE org_id = ? AND date LIKE ? AND type IN ('themeDay', 'partyLesson', 'branchAssembly', 'volunteer', 'visit') AND voided_at IS NULL ORDER BY date, id",
        b.id, `${y}-%`,
      );
      for (let m = 1; m <= 12; m++) {
        const month = ymd(y, m, 1).slice(0, 7);
        if (month > lastMonth) break;
        for (const a of rng.sample(acts.filter((x) => x.date.startsWith(month)), rng.int(1, 2))) arrangement.run(b.id, month, a.topic, a.type, a.date, null, at);
        if (rng.chance(0.12)) arrangement.run(b.id, month, rng.pick(MISSED), null, null, null, at);
      }
    }
  }
}
