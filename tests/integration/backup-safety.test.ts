// A damaged ledger names the newest good backup; wrong passwords are slowed down.
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { backupToFolder } from '../../electron/ledger/backup';
import { defaultBackupDir } from '../../electron/ledger/backup-file';
import { Ledger, keysPathFor } from '../../electron/ledger/ledger';
import { THROTTLE, attemptsPathFor } from '../../electron/ledger/unlock-throttle';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { streetWithMembers } from '../helpers/safety';
import { runCli } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

async function closedLedger(members = 30) {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  streetWithMembers(t.ledger, members);
  return t;
}

describe('a damaged ledger file', () => {
  it('empty (a copy that failed): refused, and not silently re-created', async () => {
    const t = await closedLedger(2);
    t.ledger.close();
    truncateSync(t.path, 0);
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'LEDGER_CORRUPT', message: expect.stringContaining('没有找到完好的备份') });
    expect(statSync(t.path).size).toBe(0);
  });

  it('truncated, or a page overwritten: LEDGER_CORRUPT naming the newest good backup, skipping a damaged newer one', async () => {
    const t = await closedLedger();
    const dir = defaultBackupDir(t.path);
    const good = backupToFolder(t.ledger, dir, 'auto', new Date(2026, 2, 14, 18, 30));
    const newerButDamaged = backupToFolder(t.ledger, dir, 'auto', new Date(2026, 2, 15, 18, 30));
    t.ledger.close();
    const bytes = readFileSync(newerButDamaged.path);
    bytes[bytes.length - 10] ^= 1;
    writeFileSync(newerButDamaged.path, bytes);
    const size = statSync(t.path).size;
    const original = readFileSync(t.path);

    for (const harm of [
      () => truncateSync(t.path, Math.floor(size / 2)),
      () => truncateSync(t.path, 100),
      () => { const fd = openSync(t.path, 'r+'); writeSync(fd, Buffer.alloc(32, 0xee), 0, 32, size - 4096 + 100); closeSync(fd); },
    ]) {
      writeFileSync(t.path, original);
      harm();
      const err = await Ledger.open(t.path, TEST_PASSWORD).catch((e) => e);
      expect(err).toMatchObject({ code: 'LEDGER_CORRUPT', details: { newestBackup: { path: good.path } } });
      expect(err.message).toContain('2026-03-14 18:30');
      expect(err.message).toContain(good.path);
      expect(err.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('a damaged keys file names the backup too', async () => {
    const t = await closedLedger(1);
    const b = backupToFolder(t.ledger, defaultBackupDir(t.path), 'manual');
    t.ledger.close();
    writeFileSync(keysPathFor(t.path), '{"format": "dangjian-ledger-keys", trunc');
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'KEYS_CORRUPT', message: expect.stringContaining(b.path) });
  });

  it('the CLI prints the Chinese message, no stack trace', async () => {
    const t = await closedLedger(1);
    backupToFolder(t.ledger, defaultBackupDir(t.path), 'auto');
    t.ledger.close();
    truncateSync(t.path, Math.floor(statSync(t.path).size / 2));
    const r = runCli(['stats', '--db', t.path], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('最近的完好备份');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('wrong passwords', () => {
  it('after 5 wrong passwords each try waits longer (30 s, 1 min, 2 min … 15 min); the right one clears it', async () => {
    const t = await closedLedger(0);
    t.ledger.close();
    let clock = Date.UTC(2026, 2, 1, 9);
    const now = () => clock;
    const open = (pw: string) => Ledger.open(t.path, pw, { now });

    for (let i = 1; i < THROTTLE.freeFailures; i++) {
      await expect(open(`wrong-${i}-password`)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    await expect(open('wrong-5-password')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('30 秒后再试'), details: { retryAfterMs: 30_000 } });
    // While the wait runs even the right password is refused, without being tried.
    clock += 29_000;
    await expect(open(TEST_PASSWORD)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('1 秒后再试') });
    clock += 1_000;
    await expect(open('wrong-6-password')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('1 分钟后再试') });
    clock += 60_000;
    await expect(open('wrong-7-password')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('2 分钟后再试') });
    for (let i = 0; i < 6; i++) {
      clock += 15 * 60_000;
      await expect(open('still-wrong-pw')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    }
    await expect(open(TEST_PASSWORD)).rejects.toMatchObject({ message: expect.stringContaining('15 分钟后再试') });
    // The counter on disk says nothing secret.
    expect(JSON.parse(readFileSync(attemptsPathFor(t.path), 'utf8'))).toEqual({ failures: 13, lastFailureAt: clock });

    clock += 15 * 60_000;
    const l = await open(TEST_PASSWORD);
    l.close();
    expect(existsSync(attemptsPathFor(t.path))).toBe(false);
    await expect(open('wrong-again-pw')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('a clock set back never locks out for longer than one wait; the recovery key clears the counter', async () => {
    const t = await closedLedger(0);
    t.ledger.close();
    let clock = Date.UTC(2026, 5, 1);
    for (let i = 0; i < THROTTLE.freeFailures; i++) await Ledger.open(t.path, `wrong-pw-${i}`, { now: () => clock }).catch(() => {});
    clock -= 365 * 86_400_000;
    await expect(Ledger.open(t.path, TEST_PASSWORD, { now: () => clock })).rejects.toMatchObject({ details: { retryAfterMs: 30_000 } });
    const viaRecovery = await Ledger.openWithRecoveryKey(t.path, t.recoveryKey);
    viaRecovery.close();
    expect(existsSync(attemptsPathFor(t.path))).toBe(false);
    const l = await Ledger.open(t.path, TEST_PASSWORD, { now: () => clock });
    l.close();
  });

  it('the CLI refuses with exit 3 and says how long to wait', async () => {
    const t = await closedLedger(0);
    t.ledger.close();
    writeFileSync(attemptsPathFor(t.path), JSON.stringify({ failures: THROTTLE.freeFailures + 1, lastFailureAt: Date.now() }));
    const r = runCli(['stats', '--db', t.path], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/密码已连续输错 6 次。为保护台帐，请在 ([1-5]?\d 秒|1 分钟)后再试/);
  });
});
