// Migration 7: 民情卡 (households) as records of their own, 党员联系户 as dated member ↔ household
// links, and 走千家 visits. Migration 1 kept a member's 联系户 as free text on the member
// (household_links: head, address, phone); each such row becomes a household of the member's org
// (one household for the same head at the same address of one org, however many members contact
// it) and a contact link with the same dates. The old table then goes: its rows live on here.
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE households (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES orgs(id),  -- the community whose 民情卡 it is
  estate        TEXT,                                  -- 小区
  building      TEXT,                                  -- 楼栋
  unit          TEXT,                                  -- 单元
  room          TEXT,                                  -- 室
  address       TEXT,                                  -- free text (平房, 村组, or kept from household_links)
  head          TEXT NOT NULL,                         -- 户主
  phone         TEXT,
  people        TEXT NOT NULL DEFAULT '[]',            -- JSON [{name, relation, phone}]
  categories    TEXT NOT NULL DEFAULT '[]',            -- JSON of HOUSEHOLD_CATEGORIES codes
  needs         TEXT,                                  -- 需求与意见
  note          TEXT,
  registered_on TEXT NOT NULL,                         -- 入册
  closed_on     TEXT,                                  -- 注销
  close_reason  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX households_org ON households(org_id);

CREATE TABLE household_contacts (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members(id),
  household_id  INTEGER NOT NULL REFERENCES households(id),
  from_date     TEXT NOT NULL,
  to_date       TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX household_contacts_member ON household_contacts(member_id);
CREATE INDEX household_contacts_household ON household_contacts(household_id);

CREATE TABLE visits (
  id               INTEGER PRIMARY KEY,
  household_id     INTEGER NOT NULL REFERENCES households(id),
  org_id           INTEGER NOT NULL REFERENCES orgs(id),  -- counts for this org's 走访 rule and 走千家
  date             TEXT NOT NULL,
  member_ids       TEXT NOT NULL DEFAULT '[]',            -- JSON: visitors on the street's roll
  others           TEXT NOT NULL DEFAULT '[]',            -- JSON: other visitors by name (社区干部 …)
  concern_category TEXT NOT NULL,
  concern          TEXT,                                  -- 民情
  referred_to      TEXT,                                  -- 转办
  resolved_on      TEXT,
  resolution       TEXT,
  activity_id      INTEGER NOT NULL REFERENCES activities(id),  -- the 走访 activity it counts as
  own_activity     INTEGER NOT NULL DEFAULT 1,            -- 1: the visit made that activity and keeps it in step
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  voided_at        TEXT,
  void_reason      TEXT
);
CREATE INDEX visits_household ON visits(household_id);
CREATE INDEX visits_org_date ON visits(org_id, date);
CREATE INDEX visits_activity ON visits(activity_id);
`;

type OldLink = { id: number; memberId: number; orgId: number; household: string; address: string | null; phone: string | null; since: string | null; until: string | null; note: string | null; createdAt: string };

const migration: Migration = {
  name: 'households, contacts and visits',
  up(db) {
    db.exec(sql);
    const links = db.prepare(
      `SELECT l.id, l.member_id AS memberId, m.org_id AS orgId, l.household, l.address, l.phone, l.since, l.until, l.note, l.created_at AS createdAt
       FROM household_links l JOIN members m ON m.id = l.member_id ORDER BY l.id`,
    ).all() as OldLink[];
    const insertHousehold = db.prepare(
      'INSERT INTO households (org_id, address, head, phone, registered_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?)',
    );
    const earlier = db.prepare('UPDATE households SET registered_on = min(registered_on, ?), phone = coalesce(phone, ?) WHERE id = ?');
    const insertContact = db.prepare('INSERT INTO household_contacts (member_id, household_id, from_date, to_date, note, created_at) VALUES (?,?,?,?,?,?)');
    const seen = new Map<string, number>();
    for (const l of links) {
      const from = l.since ?? l.createdAt.slice(0, 10);
      const key = `${l.orgId}\u0001${l.household}\u0001${l.address ?? ''}`;
      let householdId = seen.get(key);
      if (householdId === undefined) {
        householdId = Number(insertHousehold.run(l.orgId, l.address, l.household, l.phone, from, l.createdAt, l.createdAt).lastInsertRowid);
        seen.set(key, householdId);
      } else {
        earlier.run(from, l.phone, householdId);
      }
      insertContact.run(l.memberId, householdId, from, l.until, l.note, l.createdAt);
    }
    db.exec('DROP TABLE household_links');
  },
};

export default migration;
