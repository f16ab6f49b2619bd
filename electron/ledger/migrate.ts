// Numbered, forward-only migrations; the schema version lives in PRAGMA user_version.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { LedgerError } from '../../shared/errors';
import type { Migration } from './migrations/migration';
import m001 from './migrations/001-initial';
import m002 from './migrations/002-audit-chain';
import m003 from './migrations/003-member-history';
import m004 from './migrations/004-dues-admission';
import m005 from './migrations/005-member-extra-fields';
import m006 from './migrations/006-seed-posts';
import m007 from './migrations/007-households';
import m008 from './migrations/008-help-donations-mobile-contacts';

/** Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the ledger to `to` (the current version; tests stop earlier to upgrade one step at a time). */
export function migrate(db: Database, to = SCHEMA_VERSION): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new LedgerError('LEDGER_TOO_NEW', `这个台帐由更新版本的程序创建（结构版本 ${from}，本程序支持到 ${SCHEMA_VERSION}）。请先升级本程序再打开。`);
  }
  for (let v = from; v < to; v++) {
    db.transaction(() => {
      MIGRATIONS[v]!.up(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return { from, to: Math.max(from, to) };
}
