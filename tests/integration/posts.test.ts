// 设岗定责 on a fresh `init` ledger: the ten street-wide posts are there; a branch sets its own post
// with a number of holders; members are assigned with pledges (a full post and another branch's
// post refused); a 考核评岗 is recorded, replaced, and read back from the exported register.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { assignPost, createMember } from '../../electron/ledger/members';
import { createPost, postBoard, retirePost, reviewPostHolder, updatePost } from '../../electron/ledger/posts';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { SEED_POSTS } from '../../shared/domain/member';
import { runCli } from '../helpers/cli';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempDir } from '../helpers/temp-ledger';
import { firstSheetRows } from '../helpers/xlsx-rows';

const { dir, cleanup } = tempDir('posts-');
const db = join(dir, 'street.ledger');
const PW = 'first-password-1';
let ledger: Ledger;

beforeAll(async () => {
  const r = runCli(['init', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
  expect(r.code, r.stderr).toBe(0);
  ledger = await Ledger.open(db, PW);
});
afterAll(async () => {
  await renderWorker.stop();
  ledger.close();
  cleanup();
});


describe('设岗定责', () => {
  it('a fresh init ledger has the ten posts with their duties', () => {
    const board = postBoard(ledger, { orgId: null, year: 2025 });
    expect(board.map((p) => p.name)).toEqual([...SEED_POSTS]);
    expect(board.every((p) => p.orgId === null && p.duty && p.holders.length === 0)).toBe(true);
  });

  it('assigns with pledges, reviews, and the register prints duties, holders, pledges and the 评岗', { timeout: 120_000 }, async () => {
    const s = smallStreet(ledger);
    const wang = createMember(ledger, memberInput(s.branchA, { name: '王建国', idNumber: makeId('19650301', 11) }));
    const li = createMember(ledger, memberInput(s.branchA, { name: '李秀英', idNumber: makeId('19700815', 22) }));
    const chen = createMember(ledger, memberInput(s.branchB, { name: '陈静', idNumber: makeId('19751212', 56) }));
    const street = postBoard(ledger, { orgId: null, year: 2025 });
    const publicity = street.find((p) => p.name === '政策宣传岗')!;
    const lane = createPost(ledger, { orgId: s.branchA, name: '楼道长岗', duty: '每周巡查楼道，收集居民意见', capacity: 1 });

    // 一人多岗 and 一岗多人.
    const wangPublicity = assignPost(ledger, wang, { postId: publicity.id, appliedOn: '2025-02-20', fromDate: '2025-03-01', pledge: '每月宣讲一次政策' });
    assignPost(ledger, wang, { postId: lane, fromDate: '2025-03-01', pledge: '楼道整洁无堆物' });
    assignPost(ledger, li, { postId: publicity.id, fromDate: '2025-04-01', pledge: '办好宣传栏' });
    expect(() => assignPost(ledger, li, { postId: lane, fromDate: '2025-04-01' })).toThrow(/设岗 1 人，已有 1 人在岗/);
    expect(() => assignPost(ledger, chen, { postId: lane, fromDate: '2025-04-01' })).toThrow(/只能由该组织的党员认领/);
    updatePost(ledger, lane, { name: '楼道长岗', duty: '每周巡查楼道，收集居民意见', capacity: 2 });
    expect(() => retirePost(ledger, lane, '2025-12-01')).toThrow(/还有 1 人在岗（王建国）/);

    reviewPostHolder(ledger, { memberPostId: wangPublicity, year: 2025, result: 'competent', note: null, reviewedOn: '2025-12-20' });
    reviewPostHolder(ledger, { memberPostId: wangPublicity, year: 2025, result: 'excellent', note: '宣讲12次', reviewedOn: '2025-12-22' });
    expect(() => reviewPostHolder(ledger, { memberPostId: wangPublicity, year: 2024, result: 'excellent', reviewedOn: '2024-12-22' })).toThrow(/2024年不在“政策宣传岗”上/);
    expect(ledger.db.prepare('SELECT count(*) FROM post_reviews').pluck().get()).toBe(1);

    const board = postBoard(ledger, { orgId: s.branchA, year: 2025 });
    expect(board.find((p) => p.id === publicity.id)!.holders.map((h) => [h.name, h.appliedOn, h.pledge, h.review?.result ?? null]))
      .toEqual([['王建国', '2025-02-20', '每月宣讲一次政策', 'excellent'], ['李秀英', null, '办好宣传栏', null]]);
    expect(postBoard(ledger, { orgId: s.branchB, year: 2025 }).some((p) => p.id === lane)).toBe(false);

    const file = join(dir, 'posts.xlsx');
    await exportRegister(ledger, { register: 'posts', format: 'xlsx', scope: { orgId: s.branchA }, period: { year: 2025 }, today: '2025-12-28' }, file);
    const rows = await firstSheetRows(file);
    const text = rows.map((r) => r.join('|')).join('\n');
    expect(text).toContain('政策宣传岗（2 人）');
    expect(text).toContain('楼道长岗（设岗 2 人，认岗 1 人）　岗位职责：每周巡查楼道，收集居民意见');
    const wangRow = rows.find((r) => r.includes('王建国') && r.includes('每月宣讲一次政策'))!;
    expect(wangRow).toContain('优秀（宣讲12次）');
    expect(rows.find((r) => r.includes('李秀英'))).toContain('办好宣传栏');
    expect(text).toContain('2025年考核评岗 1 人：优秀 1 人。');
  });
});
