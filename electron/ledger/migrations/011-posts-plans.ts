// 设岗定责 as the seeds run it (申报上岗、上岗履职、考核评岗): a post says how many holders it wants,
// a holder's application date is kept, and each holder gets one 评岗 result a year. And "年初有计划、
// 月度有安排、年终有总结": each org's yearly plan and summary (text and/or a file, kept encrypted in
// the ledger like activity attachments) and its monthly arrangements.
import type { Migration } from './migration';

const migration: Migration = {
  name: 'posts reviews and work plans',
  up(db) {
    db.exec(`
ALTER TABLE posts ADD COLUMN capacity INTEGER;          -- 设岗人数; NULL = as many as apply
ALTER TABLE member_posts ADD COLUMN applied_on TEXT;    -- 申报日期

CREATE TABLE post_reviews (
  id              INTEGER PRIMARY KEY,
  member_post_id  INTEGER NOT NULL REFERENCES member_posts(id),
  year            INTEGER NOT NULL,
  result          TEXT NOT NULL CHECK (result IN ('excellent', 'competent', 'basic', 'incompetent')),
  note            TEXT,
  reviewed_on     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT,
  UNIQUE (member_post_id, year)
);

CREATE TABLE work_plans (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES orgs(id),
  year          INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('plan', 'summary')),
  title         TEXT NOT NULL,
  content       TEXT,
  submitted_on  TEXT NOT NULL,
  file_name     TEXT,
  mime          TEXT,
  size          INTEGER,
  data          BLOB,
  created_at    TEXT NOT NULL,
  updated_at    TEXT,
  UNIQUE (org_id, year, kind)
);

CREATE TABLE work_arrangements (
  id             INTEGER PRIMARY KEY,
  org_id         INTEGER NOT NULL REFERENCES orgs(id),
  month          TEXT NOT NULL,                 -- 'YYYY-MM'
  title          TEXT NOT NULL,
  activity_type  TEXT,
  planned_on     TEXT,
  note           TEXT,
  voided_at      TEXT,
  created_at     TEXT NOT NULL
);
CREATE INDEX work_arrangements_org_month ON work_arrangements(org_id, month);`);
  },
};

export default migration;
