// Roster columns the ledger has no field for (学工号, 党内职务, 入党介绍人 …), kept on the member
// when the clerk chooses "保留为附加信息" in the import: one value per member and column title.
import type { Migration } from './migration';

const migration: Migration = {
  name: 'member extra fields',
  up(db) {
    db.exec(`
CREATE TABLE member_extra_fields (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  source      TEXT,
  updated_at  TEXT NOT NULL,
  UNIQUE (member_id, name)
);`);
  },
};

export default migration;
