// The ledger thread the app runs its ledger in (electron/ledger-thread), from its bundle under
// Node: calls go through dispatch() there, the caller's event loop keeps turning while a long call
// runs, the backup save dialog is asked of the caller, lock and switch work, and a thread that is
// gone answers every call with a Chinese message instead of leaving it waiting.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerThread } from '../../electron/ledger-thread/client';
import { Ledger } from '../../electron/ledger/ledger';
import { outDir } from '../../scripts/bundle.mjs';
import { TEST_KDF, TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const t = tempDir('ledger-thread-');
const first = join(t.dir, 'first.ledger');
const second = join(t.dir, 'second.ledger');
const saved: string[] = [];
let thread: LedgerThread;

beforeAll(async () => {
  for (const path of [first, second]) (await Ledger.create(path, TEST_PASSWORD, { kdf: TEST_KDF })).ledger.close();
  thread = new LedgerThread(join(outDir, 'ledger-thread.cjs'), { ledgerPath: first, options: { autoBackup: false } }, async (name) => {
    saved.push(name);
    return join(t.dir, 'chosen');
  });
});
afterAll(async () => {
  await thread.stop();
  t.cleanup();
});

describe('the ledger thread', () => {
  it('unlocks and answers calls through dispatch(), input checks included', async () => {
    expect(await thread.call('session.status', {})).toMatchObject({ ok: true, value: { ledgerPath: first, unlocked: false } });
    expect(await thread.call('session.unlock', { password: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await thread.call('session.unlock', { password: TEST_PASSWORD })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(await thread.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('imports a roster while the calling thread keeps turning', async () => {
    const data = new Uint8Array(readFileSync(join(FIXTURES, 'roster-clean.xlsx')));
    const analysed = await thread.call('import.analyse', { jobId: 'thread-import', fileName: 'roster-clean.xlsx', data, createOrgs: true });
    expect(analysed.ok).toBe(true);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const commit = thread.call('import.commit', { jobId: 'thread-import' });
    // In this thread a commit would run to its end before any timer fired; here the timer fires first.
    await new Promise((r) => setTimeout(r, 0));
    const result = await commit;
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: true, value: { counts: { created: 40 } } });
    expect(await thread.call('members.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: '张淑敏' })]) });
  });

  it('asks the caller where to save a backup (the app’s save dialog) and writes it there', async () => {
    const r = await thread.call('backups.saveAs', {});
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/\.ledgerbak$/);
    expect(r).toMatchObject({ ok: true, value: { path: join(t.dir, 'chosen.ledgerbak') } });
    expect(existsSync(join(t.dir, 'chosen.ledgerbak'))).toBe(true);
  });

  it('locks on request, and serves another file after a switch', async () => {
    await thread.lock();
    expect(await thread.call('members.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await thread.switchTo(second);
    expect(await thread.call('session.status', {})).toMatchObject({ ok: true, value: { ledgerPath: second, unlocked: false } });
    // The first ledger was closed and recorded as locked: another process may open it now.
    const reopened = await Ledger.open(first, TEST_PASSWORD);
    expect(reopened.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'session' AND action = 'lock'").pluck().get()).toBe(1);
    reopened.close();
  });

  it('answers every call with a message once the thread is gone', async () => {
    const gone = new LedgerThread(join(outDir, 'ledger-thread.cjs'), { ledgerPath: second, options: { autoBackup: false } });
    await gone.stop();
    expect(await gone.call('session.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('重新打开党建台帐') } });
  });
});
