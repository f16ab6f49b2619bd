import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('the encrypted ledger', () => {
  it('creates a file with no readable SQLite header or schema text', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', ?)").run(JSON.stringify('张三丰的秘密'));
    t.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    t.ledger.close();
    const bytes = readFileSync(t.path);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
    expect(bytes.includes(Buffer.from('张三丰'))).toBe(false);
    const reopened = await Ledger.open(t.path, TEST_PASSWORD);
    expect(reopened.db.prepare("SELECT value FROM settings WHERE key='probe'").get()).toEqual({ value: '"张三丰的秘密"' });
    reopened.close();
  });

  it('refuses a wrong password and a wrong recovery key with Chinese messages', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.close();
    await expect(Ledger.open(t.path, 'not-the-password')).rejects.toMatchObject({ code: 'WRONG_PASSWORD', message: expect.stringContaining('密码不正确') });
    await expect(Ledger.openWithRecoveryKey(t.path, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH')).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    const viaRecovery = await Ledger.openWithRecoveryKey(t.path, t.recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(viaRecovery.actor.role).toBe('admin');
    viaRecovery.close();
  });
});
