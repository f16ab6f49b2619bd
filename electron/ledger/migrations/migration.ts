// One migration: a function, so a migration can move data as well as change the schema.
// Each lives in its own file, numbered; migrate.ts lists them in order.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type Migration = {
  /** A few words for logs and tests: what this migration does. */
  readonly name: string;
  /** Runs inside the transaction that also sets user_version; throw to roll it back. */
  readonly up: (db: Database) => void;
  /**
   * The migration rebuilds a table other tables point at (SQLite cannot drop a UNIQUE constraint
   * otherwise): foreign keys are switched off around its transaction, as SQLite's own procedure
   * for such changes says, and checked whole before it commits.
   */
  readonly rebuildsTables?: boolean;
};
