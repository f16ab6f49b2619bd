// Group membership gets dated history (a roster as of any date names the 党小组 of that date), and
// a member entered by mistake can be voided (录入错误) instead of deleted.
import type { Migration } from './migration';

const migration: Migration = {
  name: 'member group spans and voided members',
  up(db) {
    db.exec(`
      ALTER TABLE members ADD COLUMN voided_at TEXT;
      ALTER TABLE members ADD COLUMN void_reason TEXT;
      CREATE TABLE member_group_spans (
        id          INTEGER PRIMARY KEY,
        member_id   INTEGER NOT NULL REFERENCES members(id),
        group_id    INTEGER NOT NULL REFERENCES orgs(id),
        from_date   TEXT NOT NULL,
        to_date     TEXT                          -- exclusive; NULL = still there
      );
      CREATE INDEX member_group_spans_member ON member_group_spans(member_id);
      CREATE INDEX member_group_spans_group ON member_group_spans(group_id, from_date);
    `);
    // Until now only the current group was kept: it is taken to date from the member's arrival in
    // the branch that holds the group.
    db.exec(`
      INSERT INTO member_group_spans (member_id, group_id, from_date)
      SELECT m.id, m.group_id, coalesce(
        (SELECT max(s.from_date) FROM member_org_spans s WHERE s.member_id = m.id AND s.org_id = m.org_id),
        m.joined_on, substr(m.created_at, 1, 10))
      FROM members m WHERE m.group_id IS NOT NULL AND m.status = 'active'
    `);
  },
};

export default migration;
