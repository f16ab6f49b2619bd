// The files of a data-key rotation, and how an interrupted one is settled when the ledger next
// opens. A rotation writes the whole ledger re-encrypted under the new key to `<ledger>.rekeying-
// <pid>`, renames it `<ledger>.rekeyed` once complete, then writes the key slots for the new key
// (the commit point), then renames `.rekeyed` over the ledger. A crash before the key slots leaves
// the old ledger and old slots: the leftovers go. A crash after leaves new slots and a complete
// `.rekeyed`: the rename is finished.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from './atomic-file';
import { openDatabase } from './ledger';

export const rekeyedPathFor = (dbPath: string) => `${dbPath}.rekeyed`;
export const rekeyingPathFor = (dbPath: string) => `${dbPath}.rekeying-${process.pid}`;

/** Called with the key the slots gave, under the ledger's lock, before the ledger is opened. */
export function settleRotation(dbPath: string, dataKey: Buffer): void {
  const prefix = `${basename(dbPath)}.rekeying-`;
  for (const name of readdirSync(dirname(dbPath))) if (name.startsWith(prefix)) rmSync(join(dirname(dbPath), name), { force: true });
  const next = rekeyedPathFor(dbPath);
  if (!existsSync(next)) return;
  let committed = false;
  try {
    openDatabase(next, dataKey).close();
    committed = true;
  } catch {
    // the slots still hold the old key: the rotation never committed
  }
  if (committed) {
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(next, dbPath);
    fsyncDir(dirname(dbPath));
  } else {
    for (const p of [next, `${next}-wal`, `${next}-shm`]) rmSync(p, { force: true });
  }
}
