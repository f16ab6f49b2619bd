import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, openDatabase } from '../../electron/ledger/ledger';
import { SCHEMA_VERSION, migrate } from '../../electron/ledger/migrate';
import { addUser, changePassword, listUsers, removeUser } from '../../electron/ledger/users';
import { rng } from '../helpers/random';
import { TEST_KDF, TEST_PASSWORD, tempDir, tempLedger } from '../helpers/temp-ledger';
import { randomBytes } from 'node:crypto';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('users and key slots', () => {
  it('adds a clerk who unlocks with their own password; removing them drops the slot', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const clerk = await addUser(t.ledger, { name: '李文书', role: 'clerk', password: 'clerk-password' }, TEST_KDF);
    await expect(addUser(t.ledger, { name: '李文书', role: 'clerk', password: 'other-password' }, TEST_KDF)).rejects.toMatchObject({ code: 'USER_EXISTS' });
    t.ledger.close();
    const asClerk = await Ledger.open(t.path, 'clerk-password', { userName: '李文书' });
    expect(asClerk.actor).toMatchObject({ name: '李文书', role: 'clerk' });
    await expect(addUser(asClerk, { name: '赵六', role: 'clerk', password: 'zhao-password' }, TEST_KDF)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await changePassword(asClerk, 'clerk-password', 'clerk-password-2', { kdf: TEST_KDF });
    asClerk.close();
    const admin = await Ledger.open(t.path, TEST_PASSWORD, { userName: '管理员' });
    expect(admin.keys.slots).toHaveLength(3);
    removeUser(admin, clerk.id);
    expect(admin.keys.slots).toHaveLength(2);
    expect(listUsers(admin).find((u) => u.id === clerk.id)?.disabledAt).toBeTruthy();
    const actions = admin.db.prepare("SELECT action FROM audit_log WHERE entity = 'user' ORDER BY id").all().map((r: any) => r.action);
    expect(actions).toEqual(['create', 'changePassword', 'disable']);
    admin.close();
    await expect(Ledger.open(t.path, 'clerk-password-2')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('rejects short passwords', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    await expect(Ledger.create(join(dir, 'x.ledger'), 'short', { kdf: TEST_KDF })).rejects.toMatchObject({ code: 'PASSWORD_WEAK' });
  });
});

describe('migrations', () => {
  it('bring an empty encrypted file to the current version, in order, and are idempotent', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, 'm.db'), randomBytes(32));
    expect(migrate(db)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(migrate(db)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r: any) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['orgs', 'members', 'member_events', 'activities', 'attendance', 'attachments', 'contracts', 'assessment_scores', 'audit_log', 'users']));
    db.close();
  });

  it('refuses a ledger made by a newer version of the app', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    t.ledger.close();
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'LEDGER_TOO_NEW', message: expect.stringContaining('升级') });
  });

  it('a corrupt ledger file gives a Chinese message, not a stack trace', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.close();
    const noise = rng(8192);
    writeFileSync(t.path, Uint8Array.from({ length: 8192 }, () => Math.floor(noise() * 256)));
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'LEDGER_CORRUPT', message: expect.stringContaining('损坏') });
  });
});
