// 设岗定责: posts per street (org_id NULL) and per org — created, edited, retired (kept, with the
// date) — their holders (assigned in members.ts: assignPost / leavePost) and the yearly 考核评岗 of
// each holder. Every change is audited; nothing is deleted.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { POST_REVIEW_LABELS, type PostReviewResult } from '../../shared/domain/posts';
import { type PostInput, PostInputSchema, type PostReviewInput, PostReviewSchema } from '../../shared/schemas/posts';
import type { PostBoardEntry, PostHolderEntry } from '../../shared/api/posts';
import type { Ledger } from './ledger';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';

type PostDbRow = { id: number; orgId: number | null; name: string; duty: string | null; capacity: number | null; retiredOn: string | null };
const POST_COLUMNS = 'id, org_id AS orgId, name, duty, capacity, retired_on AS retiredOn';

function getPost(ledger: Ledger, id: number): PostDbRow {
  return mustFind(one<PostDbRow>(ledger, `SELECT ${POST_COLUMNS} FROM posts WHERE id = ?`, id), '这个岗位');
}

function refuseDuplicateName(ledger: Ledger, orgId: number | null, name: string, exceptId: number | null): void {
  const dup = one(ledger, 'SELECT 1 FROM posts WHERE org_id IS ? AND name = ? AND retired_on IS NULL AND id IS NOT ?', orgId, name, exceptId);
  if (dup) throw new LedgerError('DUPLICATE', `已有名为“${name}”的岗位，请换一个名称。`, { field: 'name' });
}

export function createPost(ledger: Ledger, raw: PostInput): number {
  const input = PostInputSchema.parse(raw);
  return ledger.tx(() => {
    const where = input.orgId === null ? '全街道' : getOrg(ledger, input.orgId).name;
    refuseDuplicateName(ledger, input.orgId, input.name, null);
    const id = run(ledger, 'INSERT INTO posts (org_id, name, duty, capacity, created_at) VALUES (?,?,?,?,?)', input.orgId, input.name, input.duty, input.capacity, nowIso());
    ledger.audit({ action: 'create', entity: 'post', entityId: id, summary: `设岗“${input.name}”（${where}）`, after: input });
    return id;
  });
}

/** Name, duties and how many holders; the org a post belongs to stays as created. */
export function updatePost(ledger: Ledger, id: number, raw: Omit<PostInput, 'orgId'>): void {
  ledger.tx(() => {
    const before = getPost(ledger, id);
    if (before.retiredOn) throw new LedgerError('RETIRED', `“${before.name}”已撤岗，不能再修改。`);
    const input = PostInputSchema.parse({ ...raw, orgId: before.orgId });
    refuseDuplicateName(ledger, before.orgId, input.name, id);
    const held = one<{ n: number }>(ledger, 'SELECT count(*) AS n FROM member_posts WHERE post_id = ? AND to_date IS NULL', id)!.n;
    if (input.capacity !== null && input.capacity < held) {
      throw new LedgerError('INVALID_INPUT', `“${before.name}”现有 ${held} 人在岗，设岗人数不能少于 ${held}。`, { field: 'capacity' });
    }
    ledger.db.prepare('UPDATE posts SET name = ?, duty = ?, capacity = ? WHERE id = ?').run(input.name, input.duty, input.capacity, id);
    ledger.audit({ action: 'update', entity: 'post', entityId: id, summary: `修改岗位“${input.name}”`, before, after: input });
  });
}

/** 撤岗: kept with its date (the registers of earlier years still print it); refused while held. */
export function retirePost(ledger: Ledger, id: number, date: string): void {
  ledger.tx(() => {
    const post = getPost(ledger, id);
    if (post.retiredOn) throw new LedgerError('NO_CHANGE', `“${post.name}”已于 ${post.retiredOn} 撤岗。`);
    const held = all<{ name: string }>(ledger, 'SELECT m.name FROM member_posts mp JOIN members m ON m.id = mp.member_id WHERE mp.post_id = ? AND mp.to_date IS NULL', id);
    if (held.length) throw new LedgerError('POST_HELD', `“${post.name}”还有 ${held.length} 人在岗（${held.map((h) => h.name).join('、')}）：请先为他们办理离岗，再撤岗。`);
    ledger.db.prepare('UPDATE posts SET retired_on = ? WHERE id = ?').run(date, id);
    ledger.audit({ action: 'end', entity: 'post', entityId: id, summary: `撤岗“${post.name}”`, after: { date } });
  });
}

/** 考核评岗: one result per holder and year; recording again replaces it (the audit keeps both). */
export function reviewPostHolder(ledger: Ledger, raw: PostReviewInput): number {
  const input = PostReviewSchema.parse(raw);
  return ledger.tx(() => {
    const h = mustFind(one<{ name: string; postName: string; fromDate: string; toDate: string | null }>(
      ledger,
      'SELECT m.name, p.name AS postName, mp.from_date AS fromDate, mp.to_date AS toDate FROM member_posts mp JOIN members m ON m.id = mp.member_id JOIN posts p ON p.id = mp.post_id WHERE mp.id = ?',
      input.memberPostId,
    ), '这条岗位记录');
    if (h.fromDate > `${input.year}-12-31` || (h.toDate !== null && h.toDate < `${input.year}-01-01`)) {
      throw new LedgerError('INVALID_INPUT', `“${h.name}”${input.year}年不在“${h.postName}”上（${h.fromDate} 上岗${h.toDate ? `，${h.toDate} 离岗` : ''}），不能评岗。`, { field: 'year' });
    }
    const summary = `“${h.name}”${input.year}年“${h.postName}”评岗：${POST_REVIEW_LABELS[input.result]}`;
    const before = one<{ id: number; result: PostReviewResult; note: string | null; reviewedOn: string }>(
      ledger, 'SELECT id, result, note, reviewed_on AS reviewedOn FROM post_reviews WHERE member_post_id = ? AND year = ?', input.memberPostId, input.year,
    );
    if (before) {
      ledger.db.prepare('UPDATE post_reviews SET result = ?, note = ?, reviewed_on = ?, updated_at = ? WHERE id = ?').run(input.result, input.note, input.reviewedOn, nowIso(), before.id);
      ledger.audit({ action: 'update', entity: 'postReview', entityId: before.id, summary, before, after: input });
      return before.id;
    }
    const id = run(ledger, 'INSERT INTO post_reviews (member_post_id, year, result, note, reviewed_on, created_at) VALUES (?,?,?,?,?,?)', input.memberPostId, input.year, input.result, input.note, input.reviewedOn, nowIso());
    ledger.audit({ action: 'create', entity: 'postReview', entityId: id, summary, after: input });
    return id;
  });
}

/**
 * The posts page for an org (null: the whole street): the street-wide posts and those of the org and
 * below, each with the holders of the year who belong to the org (on today's roll), their pledge and
 * the year's 评岗.
 */
export function postBoard(ledger: Ledger, q: { orgId: number | null; year: number; includeRetired?: boolean }): PostBoardEntry[] {
  const scope = q.orgId === null ? null : new Set(orgSubtreeIds(ledger, q.orgId, { includeDissolved: true }));
  const start = `${q.year}-01-01`;
  const end = `${q.year}-12-31`;
  const posts = all<PostDbRow & { orgName: string | null }>(
    ledger,
    `SELECT p.id, p.org_id AS orgId, p.name, p.duty, p.capacity, p.retired_on AS retiredOn, o.name AS orgName
     FROM posts p LEFT JOIN orgs o ON o.id = p.org_id ORDER BY p.org_id IS NOT NULL, p.org_id, p.id`,
  ).filter((p) => (q.includeRetired || !p.retiredOn) && (p.orgId === null || !scope || scope.has(p.orgId)));
  const holders = all<PostHolderEntry & { postId: number; orgId: number; reviewResult: PostReviewResult | null; reviewNote: string | null; reviewedOn: string | null }>(
    ledger,
    `SELECT mp.id AS memberPostId, mp.post_id AS postId, m.id AS memberId, m.name, m.org_id AS orgId, o.name AS orgName,
            mp.applied_on AS appliedOn, mp.from_date AS fromDate, mp.to_date AS toDate, mp.pledge, mp.note,
            r.result AS reviewResult, r.note AS reviewNote, r.reviewed_on AS reviewedOn
     FROM member_posts mp JOIN members m ON m.id = mp.member_id JOIN orgs o ON o.id = m.org_id
     LEFT JOIN post_reviews r ON r.member_post_id = mp.id AND r.year = ?
     WHERE mp.from_date <= ? AND (mp.to_date IS NULL OR mp.to_date >= ?)
     ORDER BY o.sort_order, o.id, mp.from_date, m.id`,
    q.year, end, start,
  ).filter((h) => !scope || scope.has(h.orgId));
  return posts.map((p) => {
    const mine = holders.filter((h) => h.postId === p.id);
    return {
      id: p.id, orgId: p.orgId, orgName: p.orgName, name: p.name, duty: p.duty, capacity: p.capacity, retiredOn: p.retiredOn,
      current: mine.filter((h) => h.toDate === null || h.toDate > today()).length,
      holders: mine.map(({ postId: _p, orgId: _o, reviewResult, reviewNote, reviewedOn, ...h }) => ({
        ...h,
        review: reviewResult ? { result: reviewResult, note: reviewNote, reviewedOn: reviewedOn! } : null,
      })),
    };
  });
}
