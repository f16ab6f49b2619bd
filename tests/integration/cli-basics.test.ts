import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-ledger';
import { memberInput, smallStreet } from '../helpers/builders';

const { dir, cleanup } = tempDir('ledger-cli-');
afterAll(cleanup);
const db = join(dir, 'street.ledger');
const PW = 'first-password-1';

describe('CLI: init, stats, verify, passwords', () => {
  let recoveryKey = '';

  it('init creates a ledger, prints the recovery key and refuses to overwrite', () => {
    const r = runCli(['init', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json();
    expect(out.db).toBe(db);
    expect(out.recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
    recoveryKey = out.recoveryKey;
    const again = runCli(['init', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不会覆盖');
  });

  it('stats counts entities and verify passes on a sound ledger', async () => {
    const ledger = await Ledger.open(db, PW);
    const s = smallStreet(ledger);
    createMember(ledger, memberInput(s.branchA));
    ledger.close();
    const r = runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ orgs: 4, branches: 2, members: 1, users: 1 });
    const v = runCli(['verify', '--db', db], { LEDGER_PASSWORD: PW });
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('verify exits 1 when an invariant is broken', async () => {
    const ledger = await Ledger.open(db, PW);
    ledger.db.prepare('UPDATE member_org_spans SET to_date = from_date').run();
    ledger.close();
    const v = runCli(['verify', '--db', db, '--json'], { LEDGER_PASSWORD: PW });
    expect(v.code).toBe(1);
    expect(v.json().findings.map((f: { check: string }) => f.check)).toContain('open-span');
    const fix = await Ledger.open(db, PW);
    fix.db.prepare('UPDATE member_org_spans SET to_date = NULL').run();
    fix.close();
  });

  it('a wrong password exits 3 with a Chinese message', () => {
    const r = runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: 'wrong-password' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('密码不正确');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('change-password rewraps the slot: old password fails, new one works', () => {
    const r = runCli(['change-password', '--db', db], { LEDGER_PASSWORD: PW, LEDGER_NEW_PASSWORD: 'second-password-2' });
    expect(r.code, r.stderr).toBe(0);
    expect(runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: PW }).code).toBe(3);
    expect(runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: 'second-password-2' }).code).toBe(0);
  });

  it('reset-password needs the right recovery key', () => {
    const bad = runCli(['reset-password', '--db', db, '--recovery-key', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH'], { LEDGER_NEW_PASSWORD: 'third-password-3' });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('恢复密钥不正确');
    const ok = runCli(['reset-password', '--db', db, '--recovery-key', recoveryKey], { LEDGER_NEW_PASSWORD: 'third-password-3' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(runCli(['stats', '--db', db, '--json'], { LEDGER_PASSWORD: 'third-password-3' }).json().members).toBe(1);
  });

  it('usage errors exit 2', () => {
    expect(runCli(['stats']).code).toBe(2);
    expect(runCli(['no-such-command']).code).toBe(2);
    const missing = runCli(['stats', '--db', join(dir, 'missing.ledger')], { LEDGER_PASSWORD: PW });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到台帐文件');
  });
});
