import { existsSync, openSync, readFileSync, writeFileSync, writeSync, closeSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, inspectBackup, restoreBackup, backupToFolder } from '../../electron/ledger/backup';
import { defaultBackupDir, listBackups, readBackupHeader } from '../../electron/ledger/backup-file';
import { Ledger, keysPathFor } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { ledgerStats } from '../../electron/ledger/stats';
import { verifyLedger } from '../../electron/ledger/verify';
import { passwordSlot } from '../../electron/ledger/keyring';
import { makeId, memberInput } from '../helpers/builders';
import { TEST_KDF, TEST_PASSWORD, tempDir, tempLedger } from '../helpers/temp-ledger';
import { memberName, memberRows, plaintextLeaks, streetWithMembers } from '../helpers/safety';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

async function ledgerWithMembers(n = 40) {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  const street = streetWithMembers(t.ledger, n);
  return { ...t, ...street };
}

function damage(path: string, at: number, bytes = 64): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, at);
  closeSync(fd);
}

describe('backups', () => {
  it('a backup is one encrypted file: no SQLite header, no schema, no names or ID numbers', async () => {
    const t = await ledgerWithMembers();
    const out = join(t.dir, 'manual.ledgerbak');
    const info = createBackup(t.ledger, out);
    expect(info.stats).toEqual(ledgerStats(t.ledger));
    expect(info.counts.members).toBe(40);
    const idNumber = (t.ledger.db.prepare('SELECT id_number FROM members LIMIT 1').pluck().get() as string);
    expect(plaintextLeaks(out, [memberName(0), memberName(7), '东风社区', idNumber])).toEqual([]);
    // Only the header is readable without a key, and it says nothing about the content.
    const header = readBackupHeader(out).header;
    expect(Object.keys(header).sort()).toEqual(['createdAt', 'dbBytes', 'dbSha256', 'format', 'keys', 'kind', 'ledgerId', 'schemaVersion', 'summary', 'version']);
    expect(JSON.stringify(header)).not.toMatch(/members|东风|管理员/);
    expect(statSync(out).mode & 0o077).toBe(0);
  });

  it('shows what a backup holds only with the right password', async () => {
    const t = await ledgerWithMembers(12);
    const out = join(t.dir, 'b.ledgerbak');
    createBackup(t.ledger, out);
    const shown = await inspectBackup(out, { password: TEST_PASSWORD });
    expect(shown).toMatchObject({ kind: 'manual', createdBy: '管理员', ledgerId: t.ledger.keys.ledgerId });
    expect(shown.stats.members).toBe(12);
    await expect(inspectBackup(out, { password: 'wrong-password-1' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(inspectBackup(out, { recoveryKey: t.recoveryKey })).resolves.toMatchObject({ stats: shown.stats });
    // Another ledger's key does not open it.
    const other = await tempLedger();
    cleanups.push(other.cleanup);
    await expect(inspectBackup(out, { dataKey: other.ledger.key })).rejects.toMatchObject({ code: 'BACKUP_OTHER_LEDGER' });
  });

  it('refuses to overwrite a file and leaves no temp files behind', async () => {
    const t = await ledgerWithMembers(3);
    const out = join(t.dir, 'x.ledgerbak');
    createBackup(t.ledger, out);
    expect(() => createBackup(t.ledger, out)).toThrow(expect.objectContaining({ code: 'BACKUP_EXISTS' }));
    expect(readdirSync(t.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('backup → damage the ledger → a message naming the backup → restore → identical stats and members', async () => {
    const t = await ledgerWithMembers(40);
    const statsBefore = ledgerStats(t.ledger);
    const rowsBefore = memberRows(t.ledger);
    const older = backupToFolder(t.ledger, defaultBackupDir(t.path), 'auto', new Date(Date.now() - 86_400_000));
    const newest = backupToFolder(t.ledger, defaultBackupDir(t.path), 'auto');
    t.ledger.close();
    // Damage a page in the middle of the file (a bad sector, a half-written copy).
    damage(t.path, Math.floor(statSync(t.path).size / 2));
    const err = await Ledger.open(t.path, TEST_PASSWORD).catch((e) => e);
    expect(err).toMatchObject({ code: 'LEDGER_CORRUPT', details: { newestBackup: { path: newest.path } } });
    expect(err.message).toContain('最近的完好备份');
    expect(err.message).toContain(newest.path);
    expect(err.message).not.toContain(older.path);

    const r = await restoreBackup({ dbPath: t.path, from: newest.path, unlock: { password: TEST_PASSWORD } });
    expect(r.previousBackup).toBeNull();
    expect(r.setAside.length).toBeGreaterThan(0); // the damaged file, kept aside, still encrypted
    expect(r.restored.stats).toEqual(statsBefore);
    const back = await Ledger.open(t.path, TEST_PASSWORD);
    cleanups.unshift(() => back.close());
    // Opening it records a login: one audit entry more than the backup holds, the data the same.
    expect(ledgerStats(back)).toEqual({ ...statsBefore, auditEntries: statsBefore.auditEntries + 1 });
    expect(memberRows(back)).toEqual(rowsBefore);
    expect(verifyLedger(back)).toEqual([]);
  });

  it('a damaged or truncated backup is refused and changes nothing', async () => {
    const t = await ledgerWithMembers(5);
    const out = join(t.dir, 'b.ledgerbak');
    createBackup(t.ledger, out);
    createMember(t.ledger, memberInput(t.branchA, { name: '备份后新增', idNumber: makeId('19700101', 901) }));
    t.ledger.close();
    const flipped = join(t.dir, 'flipped.ledgerbak');
    const bytes = readFileSync(out);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(flipped, bytes);
    const truncated = join(t.dir, 'truncated.ledgerbak');
    writeFileSync(truncated, readFileSync(out).subarray(0, 5000));
    const notOne = join(t.dir, 'roster.ledgerbak');
    writeFileSync(notOne, 'PK\u0003\u0004 not a backup');
    for (const f of [flipped, truncated, notOne]) {
      await expect(restoreBackup({ dbPath: t.path, from: f, unlock: { password: TEST_PASSWORD } })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    }
    const still = await Ledger.open(t.path, TEST_PASSWORD);
    cleanups.unshift(() => still.close());
    expect(ledgerStats(still).members).toBe(6);
    expect(existsSync(defaultBackupDir(t.path))).toBe(false);
  });

  it('restore keeps the current ledger as a backup first, and that backup restores the later state', async () => {
    const t = await ledgerWithMembers(10);
    const out = join(t.dir, 'early.ledgerbak');
    createBackup(t.ledger, out);
    createMember(t.ledger, memberInput(t.branchA, { name: '后来的人', idNumber: makeId('19700101', 901) }));
    const later = memberRows(t.ledger);
    t.ledger.close();

    const r = await restoreBackup({ dbPath: t.path, from: out, unlock: { password: TEST_PASSWORD } });
    expect(r.previousBackup).not.toBeNull();
    expect(readBackupHeader(r.previousBackup!).header.kind).toBe('beforeRestore');
    expect((await inspectBackup(r.previousBackup!, { password: TEST_PASSWORD })).stats.members).toBe(11);
    const early = await Ledger.open(t.path, TEST_PASSWORD);
    expect(ledgerStats(early).members).toBe(10);
    early.close();

    await restoreBackup({ dbPath: t.path, from: r.previousBackup!, unlock: { password: TEST_PASSWORD } });
    const again = await Ledger.open(t.path, TEST_PASSWORD);
    cleanups.unshift(() => again.close());
    expect(memberRows(again)).toEqual(later);
    expect(listBackups(defaultBackupDir(t.path)).map((e) => e.header.kind)).toEqual(['beforeRestore', 'beforeRestore']);
  });

  it('after a password change, a backup made before it restores with the new password (same data key)', async () => {
    const t = await ledgerWithMembers(4);
    const out = join(t.dir, 'old.ledgerbak');
    createBackup(t.ledger, out);
    const slotId = t.ledger.keys.slots.find((s) => s.kind === 'password')!.id;
    const newSlot = await passwordSlot(t.ledger.keys.ledgerId, t.ledger.key, 'xin-mima-2026', TEST_KDF, slotId);
    t.ledger.saveKeys({ ...t.ledger.keys, slots: t.ledger.keys.slots.map((s) => (s.id === slotId ? newSlot : s)) });
    t.ledger.close();
    await expect(inspectBackup(out, { password: 'xin-mima-2026' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' }); // alone, only its own slots
    await expect(inspectBackup(out, { password: 'xin-mima-2026' }, t.path)).resolves.toMatchObject({ kind: 'manual' });
    await restoreBackup({ dbPath: t.path, from: out, unlock: { password: 'xin-mima-2026' } });
    const l = await Ledger.open(t.path, 'xin-mima-2026'); // today's key slots were kept
    cleanups.unshift(() => l.close());
    expect(ledgerStats(l).members).toBe(4);
  });

  it('moves to a new PC: restore into an empty folder brings the key slots along', async () => {
    const t = await ledgerWithMembers(6);
    const out = join(t.dir, 'usb.ledgerbak');
    createBackup(t.ledger, out);
    const rows = memberRows(t.ledger);
    const pc2 = tempDir('ledger-newpc-');
    cleanups.push(pc2.cleanup);
    const target = join(pc2.dir, '数据', '台帐.ledger');
    const r = await restoreBackup({ dbPath: target, from: out, unlock: { password: TEST_PASSWORD } });
    expect(r).toMatchObject({ previousBackup: null, setAside: [] });
    expect(existsSync(keysPathFor(target))).toBe(true);
    const l = await Ledger.open(target, TEST_PASSWORD);
    cleanups.unshift(() => l.close());
    expect(memberRows(l)).toEqual(rows);
    expect(plaintextLeaks(target, [memberName(1)])).toEqual([]);
  });

  it('a backup taken while uncommitted WAL content exists includes it, and never blocks on a reader', async () => {
    const t = await ledgerWithMembers(3);
    // A second connection holds a read transaction open (the app's report worker, say).
    const reader = await Ledger.open(t.path, TEST_PASSWORD);
    cleanups.unshift(() => reader.close());
    reader.db.prepare('BEGIN').run();
    reader.db.prepare('SELECT count(*) FROM members').get();
    createMember(t.ledger, memberInput(t.branchA, { name: '在WAL里', idNumber: makeId('19700101', 903) }));
    const info = createBackup(t.ledger, join(t.dir, 'w.ledgerbak'));
    reader.db.prepare('COMMIT').run();
    expect(info.stats.members).toBe(4);
  });
});
