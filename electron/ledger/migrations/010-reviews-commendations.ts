// 述职评议 and 表彰: a secretary's yearly report with its ratings per org, and commendations of
// members, households and orgs. Both carry files (the report, the certificate or the document), so
// attachments are no longer only an activity's: a row belongs either to an activity or to a record
// named by owner_kind + owner_id. SQLite cannot drop a NOT NULL, so the table is rebuilt, rows and
// ids unchanged (nothing references attachments by foreign key; evidence keeps ids in JSON).
import type { Migration } from './migration';

const migration: Migration = {
  name: 'secretary reviews and commendations',
  up(db) {
    db.exec(`
CREATE TABLE attachments_new (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER REFERENCES activities(id),
  owner_kind   TEXT,                        -- a record other than an activity: 'secretaryReview', 'commendation'
  owner_id     INTEGER,
  file_name    TEXT NOT NULL,
  mime         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL,
  thumbnail    BLOB,
  caption      TEXT,
  voided_at    TEXT,
  created_at   TEXT NOT NULL,
  CHECK ((activity_id IS NULL) <> (owner_kind IS NULL)),
  CHECK ((owner_kind IS NULL) = (owner_id IS NULL))
);
INSERT INTO attachments_new (id, activity_id, file_name, mime, size, sha256, data, thumbnail, caption, voided_at, created_at)
  SELECT id, activity_id, file_name, mime, size, sha256, data, thumbnail, caption, voided_at, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_activity ON attachments(activity_id);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);

-- 书记抓党建述职评议: one live record per org and year. A tally left NULL was not taken.
CREATE TABLE secretary_reviews (
  id               INTEGER PRIMARY KEY,
  org_id           INTEGER NOT NULL REFERENCES orgs(id),
  year             INTEGER NOT NULL,
  secretary        TEXT,                    -- who reported, as printed
  reported_on      TEXT,                    -- 述职 date
  attendees        TEXT,                    -- who attended (leaders, members, residents' representatives)
  members_good     INTEGER CHECK (members_good >= 0),
  members_fair     INTEGER CHECK (members_fair >= 0),
  members_average  INTEGER CHECK (members_average >= 0),
  members_poor     INTEGER CHECK (members_poor >= 0),
  residents_good     INTEGER CHECK (residents_good >= 0),
  residents_fair     INTEGER CHECK (residents_fair >= 0),
  residents_average  INTEGER CHECK (residents_average >= 0),
  residents_poor     INTEGER CHECK (residents_poor >= 0),
  note             TEXT,
  voided_at        TEXT,
  void_reason      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX secretary_reviews_live ON secretary_reviews(org_id, year) WHERE voided_at IS NULL;

-- 表彰: of a member, a household (by name and address) or an org; org_id is the org commended, or
-- the member's / household's org, so a register by org finds every commendation under it.
CREATE TABLE commendations (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('member', 'household', 'org')),
  org_id            INTEGER NOT NULL REFERENCES orgs(id),
  member_id         INTEGER REFERENCES members(id),
  household_name    TEXT,
  household_address TEXT,
  title             TEXT NOT NULL,          -- 党员先锋岗, 优秀共产党员, 社区党员文明户, 先进基层党组织 …
  level             TEXT NOT NULL CHECK (level IN ('street', 'district', 'city', 'province', 'national')),
  year              INTEGER NOT NULL,
  awarded_on        TEXT,
  issuer            TEXT,                   -- the body that commended
  doc_number        TEXT,                   -- 文号
  note              TEXT,
  voided_at         TEXT,
  void_reason       TEXT,
  created_at        TEXT NOT NULL,
  CHECK ((kind = 'member') = (member_id IS NOT NULL)),
  CHECK (kind <> 'household' OR household_name IS NOT NULL)
);
CREATE INDEX commendations_org ON commendations(org_id, year);
CREATE INDEX commendations_member ON commendations(member_id);
`);
  },
};

export default migration;
