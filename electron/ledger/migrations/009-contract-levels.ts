// Migration 10: contracts for 社区党委/党总支 as well as 党支部, and 民主生活会 as a built-in activity
// type. A year now has one template per level (UNIQUE(year) becomes UNIQUE(year, level)), which
// SQLite can only do by rebuilding contract_templates; every template kept so far is a branch one.
// A street that had added 民主生活会 as its own type keeps its records, now under the built-in code.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CUSTOM_ACTIVITY_TYPES_KEY, DEMOCRATIC_LIFE_LABEL } from '../../../shared/domain/activity-types';
import { COMPLIANCE_RULES_KEY } from '../../../shared/rules/config';
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE contract_templates_v10 (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL,
  level        TEXT NOT NULL DEFAULT 'branch' CHECK (level IN ('branch', 'community')),  -- 党支部 / 社区党委·党总支
  title        TEXT NOT NULL,
  preamble     TEXT,
  copied_from  INTEGER REFERENCES contract_templates(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (year, level)
);
INSERT INTO contract_templates_v10 (id, year, level, title, preamble, copied_from, created_at, updated_at)
  SELECT id, year, 'branch', title, preamble, copied_from, created_at, updated_at FROM contract_templates;
DROP TABLE contract_templates;
ALTER TABLE contract_templates_v10 RENAME TO contract_templates;
`;

const BUILTIN_CODE = 'democraticLife';

/** A custom type the street named 民主生活会 becomes the built-in one: its activities and rules follow. */
function adoptDemocraticLife(db: Database): void {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(CUSTOM_ACTIVITY_TYPES_KEY) as string | undefined;
  if (!raw) return;
  let types: { code?: unknown; label?: unknown }[];
  try {
    types = JSON.parse(raw);
  } catch {
    return;
  }
  if (!Array.isArray(types)) return;
  const old = types.filter((t) => typeof t.label === 'string' && t.label.trim() === DEMOCRATIC_LIFE_LABEL && typeof t.code === 'string' && t.code !== BUILTIN_CODE);
  if (old.length === 0) return;
  const codes = old.map((t) => t.code as string);
  const retype = db.prepare('UPDATE activities SET type = ? WHERE type = ?');
  for (const c of codes) retype.run(BUILTIN_CODE, c);
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(types.filter((t) => !old.includes(t))), CUSTOM_ACTIVITY_TYPES_KEY);
  const rules = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(COMPLIANCE_RULES_KEY) as string | undefined;
  if (!rules) return;
  try {
    const cfg = JSON.parse(rules) as { byOrgType?: Record<string, Record<string, { activityType?: string }>> };
    for (const byRule of Object.values(cfg.byOrgType ?? {})) {
      for (const r of Object.values(byRule)) if (r.activityType && codes.includes(r.activityType)) r.activityType = BUILTIN_CODE;
    }
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(cfg), COMPLIANCE_RULES_KEY);
  } catch {
    // A damaged rules setting is read as the defaults anyway (parseComplianceConfig); leave it as found.
  }
}

const migration: Migration = {
  name: 'contract levels and 民主生活会',
  rebuildsTables: true,
  up(db) {
    db.exec(sql);
    adoptDemocraticLife(db);
  },
};

export default migration;
