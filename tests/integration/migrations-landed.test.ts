// Ledgers written by released versions (tests/fixtures/ledgers) open with the current code: the
// upgrade to SCHEMA_VERSION keeps every org, member, activity and user, and each migration after
// the fixture's version runs on its own, on real data, leaving the foreign keys whole.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, openExistingDatabase, readKeyFile } from '../../electron/ledger/ledger';
import { unlockWithPassword } from '../../electron/ledger/keyring';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../electron/ledger/migrate';
import { listMembers } from '../../electron/ledger/members';
import { verifyLedger } from '../../electron/ledger/verify';
import { tempDir } from '../helpers/temp-ledger';

const DIR = join(__dirname, '..', 'fixtures', 'ledgers');

type Fixture = {
  name: string;
  writtenBy: string;
  schemaVersion: number;
  password: string;
  /** The users' names: a ledger with several users is unlocked by name and password. */
  user: string;
  clerkPassword: string;
  clerk: string;
  rows: Record<string, number>;
  orgs: string[];
  members: string[];
};

const FIXTURES: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(DIR, f), 'utf8')) }));

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** A copy of the fixture in a temp folder: opening migrates in place, the fixture stays as written. */
function copyOf(f: Fixture): string {
  const { dir, cleanup } = tempDir('landed-ledger-');
  cleanups.push(cleanup);
  const path = join(dir, `${f.name}.ledger`);
  copyFileSync(join(DIR, `${f.name}.ledger`), path);
  copyFileSync(join(DIR, `${f.name}.ledger.keys`), `${path}.keys`);
  return path;
}

function rowCounts(db: Ledger['db'], tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

it('there is a ledger written by the landed version', () => {
  expect(FIXTURES.map((f) => f.writtenBy)).toContain('e410278');
});

describe.each(FIXTURES)('a ledger written by $writtenBy (schema $schemaVersion)', (f) => {
  it('opens with the current code at SCHEMA_VERSION with its data, for the admin and the clerk', async () => {
    const path = copyOf(f);
    const ledger = await Ledger.open(path, f.password, { userName: f.user });
    try {
      expect(ledger.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(rowCounts(ledger.db, Object.keys(f.rows))).toEqual(f.rows);
      expect(ledger.db.prepare('SELECT name FROM orgs ORDER BY id').pluck().all()).toEqual(f.orgs);
      expect(listMembers(ledger).map((m) => m.name).sort()).toEqual([...f.members].sort());
      expect(verifyLedger(ledger)).toEqual([]);
    } finally {
      ledger.close();
    }
    const clerk = await Ledger.open(path, f.clerkPassword, { userName: f.clerk });
    expect(clerk.actor.role).toBe('clerk');
    clerk.close();
  });

  const later = MIGRATIONS.map((m, i) => ({ version: i + 1, name: m.name })).filter((m) => m.version > f.schemaVersion);
  it.skipIf(later.length === 0).each(later)('migration $version ($name) upgrades it on its own', async ({ version }) => {
    const path = copyOf(f);
    const unlocked = await unlockWithPassword(readKeyFile(path), f.password);
    const db = openExistingDatabase(path, unlocked!.dataKey);
    try {
      migrate(db, version - 1);
      expect(migrate(db, version)).toEqual({ from: version - 1, to: version });
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(rowCounts(db, Object.keys(f.rows))).toEqual(f.rows);
    } finally {
      db.close();
    }
  });
});
