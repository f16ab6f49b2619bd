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
import m007 from './migrations/007-voided-member-spans';
import m008 from './migrations/008-resident-feedback';
import m009 from './migrations/009-contract-levels';
import m010 from './migrations/010-reviews-commendations';
import m011 from './migrations/011-posts-plans';
import m012 from './migrations/012-households';
import m013 from './migrations/013-help-donations-mobile-contacts';

/** Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the ledger to `to` (the current version; tests stop earlier to upgrade one step at a time). */
export function migrate(db: Database, to = SCHEMA_VERSION): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new LedgerError('LEDGER_TOO_NEW', `这个台帐由更新版本的程序创建（结构版本 ${from}，本程序支持到 ${SCHEMA_VERSION}）。请先升级本程序再打开。`);
  }
  for (let v = from; v < to; v++) {
    const m = MIGRATIONS[v]!;
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
    const fkWasOn = m.rebuildsTables && db.pragma('foreign_keys', { simple: true }) === 1;
    if (fkWasOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length) {
          throw new LedgerError('MIGRATION_FAILED', `台帐结构升级（${m.name}）后外键不一致，已撤销升级。请联系技术支持。`);
        }
        db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    } finally {
      if (fkWasOn) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: Math.max(from, to) };
}
