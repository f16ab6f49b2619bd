import { existsSync, openSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerStats } from '../../electron/ledger/stats';
import { defaultBackupDir } from '../../electron/ledger/backup-file';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { Ledger } from '../../electron/ledger/ledger';
import { plaintextLeaks, memberName, streetWithMembers } from '../helpers/safety';
import { runCli } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('CLI backup, backups, restore', () => {
  it('backup → backups --json → damage → restore → identical stats', { timeout: 240_000 }, async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    streetWithMembers(t.ledger, 25);
    // Logins, the backup and the restore add audit entries (entity 'session'/'backup'): the data is what must match.
    const { auditEntries: _a, ...statsBefore } = ledgerStats(t.ledger);
    t.ledger.close();
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };

    // A chosen file inside the ledger's backup folder: `backups` lists it.
    const out = join(defaultBackupDir(t.path), '手动备份.ledgerbak');
    const b = runCli(['backup', '--db', t.path, '--out', out, '--json'], env);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.json()).toMatchObject({ path: out, kind: 'manual', stats: expect.objectContaining(statsBefore) });
    expect(plaintextLeaks(out, [memberName(3)])).toEqual([]);
    const list = runCli(['backups', '--db', t.path, '--json'], env);
    expect(list.code).toBe(0);
    const listed = list.json();
    expect(listed.backups).toHaveLength(1);
    expect(listed.backups[0]).toMatchObject({ ok: true, kind: 'manual', stats: { members: 25 } });

    const fd = openSync(t.path, 'r+');
    writeSync(fd, Buffer.alloc(64, 1), 0, 64, Math.floor(statSync(t.path).size / 2));
    closeSync(fd);

    const wrong = runCli(['restore', '--db', t.path, '--from', out], { LEDGER_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(3);
    const r = runCli(['restore', '--db', t.path, '--from', out], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('将恢复的备份');
    expect(r.stdout).toContain('党员 25 名');
    expect(r.stdout).toContain('原来无法读取的文件已改名保留');
    const s = runCli(['stats', '--db', t.path, '--json'], env);
    expect(s.json()).toMatchObject(statsBefore);
    const restored = await Ledger.open(t.path, TEST_PASSWORD);
    const log = restored.db.prepare("SELECT action, user_name AS user FROM audit_log WHERE action IN ('backup', 'restore') ORDER BY id").all();
    restored.close();
    expect(log).toEqual([{ action: 'backup', user: '管理员' }, { action: 'restore', user: '管理员' }]);
    expect(existsSync(out)).toBe(true);
  });
});
