// Migration 8: 五助二扶一带 help records, donation stations with their goods and money in and out,
// and the 流动党员 contact log (定人定期联系: a named contact person and dated contacts). Money is
// whole 分, as dues are. Corrections void a row with a reason; nothing is deleted.
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE aid_records (
  id                INTEGER PRIMARY KEY,
  org_id            INTEGER NOT NULL REFERENCES orgs(id),   -- the org whose ledger it belongs to
  household_id      INTEGER REFERENCES households(id),      -- a registered household (民情卡), when there is one
  recipient         TEXT NOT NULL,                          -- the person or household helped
  address           TEXT,
  category          TEXT NOT NULL CHECK (category IN ('study', 'poverty', 'disability', 'elderly', 'migrantWorker', 'reemployment', 'lowIncome', 'probation')),
  helper_kind       TEXT NOT NULL CHECK (helper_kind IN ('member', 'org', 'partner')),
  helper_member_id  INTEGER REFERENCES members(id),
  helper_org_id     INTEGER REFERENCES orgs(id),
  helper_name       TEXT NOT NULL,                          -- as printed (the partner unit's name for 'partner')
  content           TEXT NOT NULL,                          -- what was given or done
  value_fen         INTEGER NOT NULL DEFAULT 0,
  date              TEXT NOT NULL,
  notable           INTEGER NOT NULL DEFAULT 0,             -- a case for the quarterly 简报
  note              TEXT,
  created_at        TEXT NOT NULL,
  voided_at         TEXT,
  void_reason       TEXT
);
CREATE INDEX aid_records_org ON aid_records(org_id, date);

CREATE TABLE donation_stations (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  name        TEXT NOT NULL,
  address     TEXT,
  keeper      TEXT,                                         -- 管理人
  created_at  TEXT NOT NULL,
  closed_on   TEXT
);

CREATE TABLE donations (
  id            INTEGER PRIMARY KEY,
  station_id    INTEGER NOT NULL REFERENCES donation_stations(id),
  direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  date          TEXT NOT NULL,
  party         TEXT NOT NULL,                              -- donor (in) or recipient (out)
  household_id  INTEGER REFERENCES households(id),          -- recipient's household, when registered
  kind          TEXT NOT NULL CHECK (kind IN ('money', 'goods')),
  description   TEXT NOT NULL,                              -- 现金 / 棉被 20 床 …
  value_fen     INTEGER NOT NULL,
  handled_by    TEXT,                                       -- 经手人
  note          TEXT,
  created_at    TEXT NOT NULL,
  voided_at     TEXT,
  void_reason   TEXT
);
CREATE INDEX donations_station ON donations(station_id, date);

-- 定人定期联系: who keeps in touch with a mobile member, from when.
CREATE TABLE mobile_contact_persons (
  id                 INTEGER PRIMARY KEY,
  member_id          INTEGER NOT NULL REFERENCES members(id),
  contact_member_id  INTEGER REFERENCES members(id),
  contact_name       TEXT NOT NULL,
  contact_phone      TEXT,
  from_date          TEXT NOT NULL,
  to_date            TEXT,
  created_at         TEXT NOT NULL
);
CREATE INDEX mobile_contact_persons_member ON mobile_contact_persons(member_id);

CREATE TABLE mobile_contacts (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  date        TEXT NOT NULL,
  way         TEXT NOT NULL CHECK (way IN ('phone', 'wechat', 'visit', 'letter')),
  contact_by  TEXT NOT NULL,
  content     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
);
CREATE INDEX mobile_contacts_member ON mobile_contacts(member_id, date);
`;

const migration: Migration = {
  name: 'help records, donation stations, mobile-member contacts',
  up(db) {
    db.exec(sql);
  },
};
export default migration;
