// Migration 9: 双报到 that works. A registrant may be a Party member of an outside unit (县直机关,
// 企业 …) who is on no roster here, so a registration either points at a member or carries the
// person's own name, unit and phone (never a members row: they must not count anywhere). Each
// quarter's feedback gets its facts (activities attended, services given, hours, comment) instead
// of one text, one row per registration and quarter; and a year-end evaluation per registrant.
// SQLite cannot drop a NOT NULL, so both tables are rebuilt; rows already kept move over as they
// were (an old feedback text becomes the comment).
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE resident_registrations_v9 (
  id                INTEGER PRIMARY KEY,
  member_id         INTEGER REFERENCES members(id),   -- NULL: an outside registrant, on no roster here
  name              TEXT,                             -- outside registrant: name
  employer          TEXT,                             -- outside registrant: unit (and post)
  phone             TEXT,                             -- outside registrant: phone
  community_org_id  INTEGER NOT NULL REFERENCES orgs(id),
  unit_org          TEXT,
  registered_on     TEXT NOT NULL,
  ended_on          TEXT,
  is_cadre          INTEGER NOT NULL DEFAULT 0,
  service_intent    TEXT,
  note              TEXT,
  created_at        TEXT NOT NULL,
  CHECK (member_id IS NOT NULL OR (name IS NOT NULL AND employer IS NOT NULL))
);
INSERT INTO resident_registrations_v9 (id, member_id, community_org_id, unit_org, registered_on, ended_on, is_cadre, service_intent, note, created_at)
  SELECT id, member_id, community_org_id, unit_org, registered_on, ended_on, is_cadre, service_intent, note, created_at FROM resident_registrations;

CREATE TABLE resident_feedback_v9 (
  id               INTEGER PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES resident_registrations_v9(id),
  period           TEXT NOT NULL,                     -- 'YYYY-Qn'
  attended         INTEGER NOT NULL DEFAULT 0,        -- community activities attended
  services         TEXT,                              -- services given
  hours            REAL NOT NULL DEFAULT 0,           -- service hours
  comment          TEXT,                              -- the community's comment to the unit
  sent_on          TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (registration_id, period)
);
INSERT INTO resident_feedback_v9 (id, registration_id, period, comment, sent_on, created_at, updated_at)
  SELECT max(id), registration_id, period, content, sent_on, created_at, created_at FROM resident_feedback GROUP BY registration_id, period;

DROP TABLE resident_feedback;
DROP TABLE resident_registrations;
ALTER TABLE resident_registrations_v9 RENAME TO resident_registrations;
ALTER TABLE resident_feedback_v9 RENAME TO resident_feedback;
CREATE INDEX resident_registrations_member ON resident_registrations(member_id);
CREATE INDEX resident_registrations_community ON resident_registrations(community_org_id);

CREATE TABLE resident_evaluations (
  id               INTEGER PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES resident_registrations(id),
  year             INTEGER NOT NULL,
  grade            TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basicallyQualified', 'unqualified')),
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (registration_id, year)
);
`;

const migration: Migration = {
  name: 'resident registrants from outside units, quarterly feedback facts, year-end evaluation',
  up(db) {
    db.exec(sql);
  },
};
export default migration;
