// Honest errors: a damaged key file is not a wrong password; `init` on a full disk leaves nothing;
// a bad --out is refused before anything is written, in Chinese, never with a stack trace.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, keysPathFor } from '../../electron/ledger/ledger';
import { backupToFolder } from '../../electron/ledger/backup';
import { defaultBackupDir } from '../../electron/ledger/backup-file';
import { readAttempts } from '../../electron/ledger/unlock-throttle';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempDir, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** Changes one base64 character inside the first password slot's wrapped key. */
function flipWrappedKey(path: string): void {
  const kp = keysPathFor(path);
  const text = readFileSync(kp, 'utf8');
  const file = JSON.parse(text);
  const slot = file.slots.find((s: { kind: string }) => s.kind === 'password');
  const i = 5;
  slot.wrapped = slot.wrapped.slice(0, i) + (slot.wrapped[i] === 'A' ? 'B' : 'A') + slot.wrapped.slice(i + 1);
  writeFileSync(kp, JSON.stringify(file, null, 2));
}

const noStack = (s: string) => expect(s).not.toMatch(/程序内部错误|\n\s+at /);

describe('a damaged key file', () => {
  it('says so, names the newest good backup, and does not count toward the lock-out', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const backup = backupToFolder(t.ledger, defaultBackupDir(t.path), 'manual');
    t.ledger.close();
    flipWrappedKey(t.path);
    for (let i = 0; i < 7; i++) {
      await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({
        code: 'KEYS_CORRUPT',
        message: expect.stringMatching(/密钥文件已损坏[\s\S]*备份/),
      });
    }
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ message: expect.stringContaining(backup.path) });
    await expect(Ledger.openWithRecoveryKey(t.path, t.recoveryKey)).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
    expect(readAttempts(t.path).failures).toBe(0);
  });
});

describe('export --out', () => {
  it('refuses the ledger, its .keys, a backup and an existing file (without --force); a folder gets a Chinese message', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const backup = backupToFolder(t.ledger, defaultBackupDir(t.path), 'manual');
    t.ledger.close();
    const keysBefore = readFileSync(keysPathFor(t.path));
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };
    const existing = join(t.dir, '已有的表.xlsx');
    writeFileSync(existing, 'mine');
    for (const [out, force] of [[keysPathFor(t.path), true], [t.path, true], [backup.path, true], [existing, false]] as const) {
      const r = runCli(['export', 'orgs', '--db', t.path, '--format', 'xlsx', '--out', out, ...(force ? ['--force'] : [])], env);
      expect({ out, code: r.code }).toEqual({ out, code: 2 });
      expect(r.stderr).toMatch(/不会覆盖|不能写到/);
      noStack(r.stderr);
    }
    expect(readFileSync(keysPathFor(t.path))).toEqual(keysBefore);
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    const folder = join(t.dir, '一个文件夹');
    mkdirSync(folder);
    const r = runCli(['export', 'orgs', '--db', t.path, '--format', 'xlsx', '--out', folder, '--force'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件夹');
    noStack(r.stderr);
  }, 300_000);
});

/** A 64 KB tmpfs, when this runs as root (CI containers here do); else the test is skipped. */
function smallDisk(): string | null {
  const { dir, cleanup } = tempDir('ledger-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    cleanup();
    return null;
  }
  cleanups.push(() => {
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  });
  return dir;
}

describe('init on a full disk', () => {
  it('leaves nothing behind and says the disk is full, exit 2', (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip();
    const r = runCli(['init', '--db', join(disk, '台帐.ledger')], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    noStack(r.stderr);
    expect(readdirSync(disk)).toEqual([]);
  });
});
