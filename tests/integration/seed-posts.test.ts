// 设岗定责: a new ledger starts with the ten street-wide posts (migration 006 runs on create), and
// running the migration again on a ledger that has them adds no copies.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import seedPosts from '../../electron/ledger/migrations/006-seed-posts';
import { SEED_POSTS } from '../../shared/domain/member';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-ledger';

const { dir, cleanup } = tempDir('seed-posts-');
afterAll(cleanup);
const PW = 'first-password-1';

it('a fresh init ledger has the ten posts and stats --json counts them', async () => {
  const db = join(dir, 'new.ledger');
  expect(runCli(['init', '--db', db, '--json'], { LEDGER_PASSWORD: PW }).code).toBe(0);
  const r = runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
  expect(r.code, r.stderr).toBe(0);
  expect(r.json().posts).toBe(10);
  const ledger = await Ledger.open(db, PW);
  try {
    const posts = ledger.db.prepare('SELECT name, duty FROM posts WHERE org_id IS NULL ORDER BY id').all() as { name: string; duty: string | null }[];
    expect(posts.map((p) => p.name)).toEqual([...SEED_POSTS]);
    expect(posts.every((p) => p.duty)).toBe(true);
    // Idempotent: a retired seed post and a renamed one stay as they are; only missing names come back.
    ledger.db.prepare("UPDATE posts SET retired_on = '2025-01-01' WHERE name = ?").run(SEED_POSTS[0]);
    ledger.db.prepare("UPDATE posts SET name = '楼栋长岗' WHERE name = ?").run(SEED_POSTS[1]);
    seedPosts.up(ledger.db);
    seedPosts.up(ledger.db);
    const names = ledger.db.prepare('SELECT name FROM posts WHERE org_id IS NULL').pluck().all() as string[];
    expect(names.filter((n) => n === SEED_POSTS[0])).toHaveLength(1);
    expect(names.filter((n) => n === SEED_POSTS[1])).toHaveLength(1);
    expect(names).toHaveLength(11);
  } finally {
    ledger.close();
  }
});
