// Access that can be taken back: removing a user (and resetting with the recovery key, a new
// recovery key, 更换数据密钥) re-encrypts the ledger under a new data key and reseals the slots
// that remain. What a removed user kept opens the backups made before, and nothing newer.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, keysPathFor, openDatabase } from '../../electron/ledger/ledger';
import { backupToFolder, inspectBackup, restoreBackup } from '../../electron/ledger/backup';
import { defaultBackupDir } from '../../electron/ledger/backup-file';
import { createOrg, ensureWorkingCommittee, findOrgByName } from '../../electron/ledger/orgs';
import { addUser, removeUser, rotateRecoveryKey } from '../../electron/ledger/users';
import { rotateDataKey } from '../../electron/ledger/rotation';
import { rekeyedPathFor } from '../../electron/ledger/rotation-files';
import { TEST_KDF, TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

const CLERK = { name: '小王', password: 'qingtian-47-baiyun' };

describe('rotation', () => {
  it('a disabled user holding an older backup\'s slot cannot open the current ledger; the old backup still opens for its data', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const clerk = await addUser(t.ledger, { name: CLERK.name, role: 'clerk', password: CLERK.password }, TEST_KDF);
    createOrg(t.ledger, { parentId: ensureWorkingCommittee(t.ledger), name: '备份前的党支部', type: 'branch' });
    const older = backupToFolder(t.ledger, defaultBackupDir(t.path), 'manual');
    const keptByClerk = Buffer.from(t.ledger.key); // what the clerk's slot unwrapped, and could keep

    removeUser(t.ledger, clerk.id);
    expect(t.ledger.key.equals(keptByClerk)).toBe(false);
    createOrg(t.ledger, { parentId: ensureWorkingCommittee(t.ledger), name: '停用后的党支部', type: 'branch' });
    t.ledger.close();

    expect(() => openDatabase(t.path, keptByClerk)).toThrow(expect.objectContaining({ code: 'LEDGER_CORRUPT' }));
    await expect(Ledger.open(t.path, CLERK.password, { userName: CLERK.name })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    // The older backup, with the clerk's slot as it was then, opens for what it held.
    const old = await inspectBackup(older.path, { password: CLERK.password });
    expect(old.stats.orgs).toBe(2);
    // A fresh backup was taken under the new key; the admin opens the ledger with everything.
    const backups = readdirSync(defaultBackupDir(t.path));
    expect(backups).toHaveLength(2);
    const admin = await Ledger.open(t.path, TEST_PASSWORD);
    expect(findOrgByName(admin, '停用后的党支部')).toBeTruthy();
    expect(findOrgByName(admin, '备份前的党支部')).toBeTruthy();
    expect(admin.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'rotateDataKey'").pluck().get()).toBe(1);
    admin.close();

    // Restoring the older backup brings its own slots (today's cannot open its key): it opens
    // with the passwords of its day, with the data of its day.
    await restoreBackup({ dbPath: t.path, from: older.path, unlock: { password: TEST_PASSWORD } });
    const restored = await Ledger.open(t.path, TEST_PASSWORD, { userName: '管理员' });
    expect(restored.key.equals(keptByClerk)).toBe(true);
    expect(findOrgByName(restored, '停用后的党支部')).toBeFalsy();
    restored.close();
  });

  it('a new recovery key changes the data key: the old recovery key opens nothing, the new one does', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const before = Buffer.from(t.ledger.key);
    const fresh = rotateRecoveryKey(t.ledger);
    expect(t.ledger.key.equals(before)).toBe(false);
    t.ledger.close();
    await expect(Ledger.openWithRecoveryKey(t.path, t.recoveryKey)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    const l = await Ledger.openWithRecoveryKey(t.path, fresh);
    l.close();
  });

  it('a crash at any point leaves a ledger that opens with the data it had', async () => {
    for (const crashAt of ['before the slots were written', 'after the slots were written'] as const) {
      const t = await tempLedger();
      cleanups.push(t.cleanup);
      createOrg(t.ledger, { parentId: ensureWorkingCommittee(t.ledger), name: '第一党支部', type: 'branch' });
      t.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(t.path, `${t.path}.old`);
      copyFileSync(keysPathFor(t.path), `${t.path}.old.keys`);
      rotateDataKey(t.ledger, '测试');
      t.ledger.close();
      // Rebuild the files as the crash left them: the complete re-encrypted copy beside the old ledger.
      copyFileSync(t.path, rekeyedPathFor(t.path));
      copyFileSync(`${t.path}.old`, t.path);
      if (crashAt === 'before the slots were written') copyFileSync(`${t.path}.old.keys`, keysPathFor(t.path));
      const l = await Ledger.open(t.path, TEST_PASSWORD);
      expect({ crashAt, org: Boolean(findOrgByName(l, '第一党支部')) }).toEqual({ crashAt, org: true });
      l.close();
      expect(existsSync(rekeyedPathFor(t.path))).toBe(false);
    }
  });
});
