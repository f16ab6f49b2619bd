// 更换数据密钥: the ledger re-encrypted under a new random data key, every remaining key slot
// resealed to it, and a fresh backup. Whoever held the old key (a removed user, an old recovery
// key, someone who copied a backup's slots) can open the backups made before, for what they hold,
// and nothing made after. Crash-safe: see rotation-files.ts.
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fsyncDir, fsyncFile } from './atomic-file';
import { type BackupInfo, backupToFolder } from './backup';
import { defaultBackupDir } from './backup-file';
import { resealSlots } from './keyring';
import { currentAnchor } from './audit-chain';
import { type Ledger, openDatabase, openExistingDatabase } from './ledger';
import { rekeyedPathFor, rekeyingPathFor } from './rotation-files';

/** Re-encrypts `path`'s copy under `newKey` and proves it opens whole; returns nothing on success. */
function writeRekeyedCopy(ledger: Ledger, newKey: Buffer): void {
  const tmp = rekeyingPathFor(ledger.path);
  try {
    copyFileSync(ledger.path, tmp);
    const copy = openDatabase(tmp, ledger.key);
    try {
      copy.pragma('journal_mode = DELETE'); // SQLite3MultipleCiphers rekeys only outside WAL mode
      copy.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    openExistingDatabase(tmp, newKey).close();
    fsyncFile(tmp);
    renameSync(tmp, rekeyedPathFor(ledger.path));
    fsyncDir(dirname(ledger.path));
  } catch (e) {
    for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(p, { force: true });
    throw e;
  }
}

/**
 * Rotates the data key of an open ledger (whose slots are already what should remain) and takes
 * a backup under the new key. `why` goes into the audit log.
 */
export function rotateDataKey(ledger: Ledger, why: string): BackupInfo {
  const newKey = randomBytes(32);
  const keys = resealSlots(ledger.keys, newKey, randomUUID()); // refuses before anything is written
  ledger.tx(() => ledger.audit({ action: 'rotateDataKey', entity: 'ledger', summary: `更换数据密钥：${why}` }));
  ledger.db.pragma('wal_checkpoint(TRUNCATE)'); // the file alone is the whole ledger now
  writeRekeyedCopy(ledger, newKey);
  ledger.saveKeys({ ...keys, auditAnchor: currentAnchor(ledger.db, newKey) }); // the commit point
  ledger.db.close();
  rmSync(`${ledger.path}-wal`, { force: true });
  rmSync(`${ledger.path}-shm`, { force: true });
  renameSync(rekeyedPathFor(ledger.path), ledger.path);
  fsyncDir(dirname(ledger.path));
  ledger.adoptRotated(openDatabase(ledger.path, newKey), newKey);
  return backupToFolder(ledger, defaultBackupDir(ledger.path), 'manual');
}
