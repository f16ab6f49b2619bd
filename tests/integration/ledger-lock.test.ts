// One process per ledger: a second program is refused (CLI exit 4) and told who holds it; a lock
// left by a program that died is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { lockPathFor } from '../../electron/ledger/ledger-lock';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('one process per ledger', () => {
  it('a second program gets 台帐正在被另一个程序使用 naming this one, exit 4; after close it opens', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    expect(existsSync(lockPathFor(t.path))).toBe(true);
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };
    const busy = runCli(['stats', '--db', t.path], env);
    expect(busy.code).toBe(4);
    expect(busy.stderr).toContain('台帐正在被另一个程序使用');
    expect(busy.stderr).toContain(`进程号 ${process.pid}`);
    const restore = runCli(['restore', '--db', t.path, '--from', `${t.path}.nope`, '--recovery-key', t.recoveryKey], env);
    expect(restore.code).not.toBe(0);
    t.ledger.close();
    expect(existsSync(lockPathFor(t.path))).toBe(false);
    const free = runCli(['stats', '--db', t.path, '--json'], env);
    expect(free.stderr).toBe('');
    expect(free.code).toBe(0);
  }, 120_000);

  it('a lock left by a process that no longer runs on this computer is stale and taken over', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(lockPathFor(t.path), JSON.stringify({ pid: dead, host: hostname(), user: 'x', program: '党建台帐', since: new Date().toISOString() }));
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    l.close();
    writeFileSync(lockPathFor(t.path), JSON.stringify({ pid: 1, host: 'another-pc', user: 'x', program: '党建台帐', since: new Date().toISOString() }));
    await expect(Ledger.open(t.path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'LEDGER_IN_USE', message: expect.stringContaining('another-pc') });
  });
});
