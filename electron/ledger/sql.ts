// Prepared statements are cached per connection: bulk work (imports, the demo street) reuses them.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { LedgerError } from '../../shared/errors';
import type { Ledger } from './ledger';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function stmt(ledger: Ledger, sql: string): Statement {
  let cache = caches.get(ledger.db);
  if (!cache) caches.set(ledger.db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = ledger.db.prepare(sql)));
  return s;
}

export function one<T>(ledger: Ledger, sql: string, ...params: unknown[]): T | undefined {
  return stmt(ledger, sql).get(...params) as T | undefined;
}

export function all<T>(ledger: Ledger, sql: string, ...params: unknown[]): T[] {
  return stmt(ledger, sql).all(...params) as T[];
}

export function run(ledger: Ledger, sql: string, ...params: unknown[]): number {
  return Number(stmt(ledger, sql).run(...params).lastInsertRowid);
}

export function mustFind<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new LedgerError('NOT_FOUND', `找不到${what}，可能已被其他人修改。请刷新后重试。`);
  return row;
}

/** Parses the JSON text columns (categories, facilities, data …). */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
