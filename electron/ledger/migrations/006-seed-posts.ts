// 设岗定责: the ten street-wide posts every ledger starts with (a new ledger gets them here too, as
// Ledger.create runs every migration). A post already in the street-wide list by name is kept as
// it is, so a ledger that has them (the demo street) is not given copies.
import { SEED_POSTS } from '../../../shared/domain/member';
import { POST_DETAILS } from '../demo/work';
import type { Migration } from './migration';

const migration: Migration = {
  name: 'seed posts',
  up(db) {
    const has = db.prepare('SELECT 1 FROM posts WHERE org_id IS NULL AND name = ?').pluck();
    const insert = db.prepare('INSERT INTO posts (org_id, name, duty, created_at) VALUES (NULL, ?, ?, ?)');
    const at = new Date().toISOString();
    for (const name of SEED_POSTS) if (!has.get(name)) insert.run(name, POST_DETAILS[name]?.duty ?? null, at);
  },
};

export default migration;
