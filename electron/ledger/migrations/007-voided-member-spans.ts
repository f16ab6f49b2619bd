// A transfer or 出党/死亡 entered by mistake can be voided (录入错误): the membership spans it
// opened leave the roll and those it closed open again. The spans as they were before are kept
// here, with the voided event, so the correction loses nothing and can be traced.
import type { Migration } from './migration';

const migration: Migration = {
  name: 'voided member spans',
  up(db) {
    db.exec(`
      CREATE TABLE voided_member_spans (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('org', 'group')),
        span_id     INTEGER NOT NULL,             -- the row of member_org_spans / member_group_spans
        member_id   INTEGER NOT NULL REFERENCES members(id),
        org_id      INTEGER NOT NULL REFERENCES orgs(id),
        from_date   TEXT NOT NULL,
        to_date     TEXT,                         -- as it was before the void
        event_id    INTEGER NOT NULL REFERENCES member_events(id),
        voided_at   TEXT NOT NULL
      );
      CREATE INDEX voided_member_spans_member ON voided_member_spans(member_id);
    `);
  },
};

export default migration;
